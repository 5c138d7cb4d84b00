// Run by `npm test` before anything else: installs Debian's Chromium and starts a stopped local
// PostgreSQL server when this machine allows it (root, apt-get, pg_ctlcluster); otherwise stops at
// once with the one command to run. See docs/configuration.md.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { type Config, ConfigError, config } from '../src/config.ts';
import { chromiumPlan, type Machine, type Plan, postgresPlan } from '../src/testing/prerequisites.ts';

const say = (line: string) => console.error(`npm test: ${line}`);

function stop(message: string): never {
  for (const line of message.split('\n')) say(line);
  process.exit(1);
}

function settings(): Config {
  try {
    return config();
  } catch (error) {
    if (error instanceof ConfigError) stop(error.problems.join('\n'));
    throw error;
  }
}

const onPath = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const machine: Machine = {
  root: process.getuid?.() === 0,
  aptGet: onPath('apt-get'),
  pgCtlcluster: onPath('pg_ctlcluster'),
  postgresVersions: existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort() : [],
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the server answers; a server that answers with an error (no such role...) stops here. */
async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOENT' || /timeout/i.test((error as Error).message))
      return false;
    stop(`the test PostgreSQL server (IPCOOP_TEST_PG_URL) answered: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Carries out a plan; true when something was run (and the need should be checked again). */
function follow(plan: Plan, what: string): boolean {
  if (plan.kind === 'ready') return false;
  if (plan.kind === 'stop') stop(plan.message);
  for (const command of plan.commands) {
    say(`${what}: ${command.join(' ')}`);
    const [program = '', ...args] = command;
    const run = spawnSync(program, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0)
      stop(`${command.join(' ')} failed (exit ${run.status ?? run.signal}); run it yourself to see why.`);
  }
  return true;
}

const { chromiumPath, testDatabaseUrl } = settings();

if (
  follow(
    chromiumPlan({ path: chromiumPath, found: executable(chromiumPath) }, machine),
    'installing Chromium',
  )
) {
  if (!executable(chromiumPath)) stop(`Chromium was installed but ${chromiumPath} is still missing.`);
}

if (
  follow(
    postgresPlan({ url: testDatabaseUrl, answers: await serverAnswers(testDatabaseUrl) }, machine),
    'starting PostgreSQL',
  )
) {
  // The cluster takes a moment to accept connections after pg_ctlcluster returns.
  let answers = false;
  for (let attempt = 0; attempt < 20 && !answers; attempt++) {
    answers = await serverAnswers(testDatabaseUrl);
    if (!answers) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!answers) stop('PostgreSQL was started but does not answer yet; try again in a moment.');
}
