/*
 * A PostgreSQL restart under load, survived without restarting the app: starts a PostgreSQL
 * cluster of its own on port 5433 (initdb in a temporary folder, run as the postgres user; never
 * the shared server), a hub on it, and clients asking continuously; restarts the cluster, and
 * prints what the clients saw: answers before, quick 503s during, answers again after.
 *   npm run drill:db-restart
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const port = 5433;
const bin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1) as string, 'bin');
const folder = mkdtempSync(join(tmpdir(), 'ipcoop-drill-'));
chmodSync(folder, 0o777);
const data = join(folder, 'cluster');
const asPostgres = (program: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], {
    stdio: 'pipe',
  }).toString();
const pgCtlArgs = (...args: string[]) => [
  '-D',
  data,
  '-l',
  join(folder, 'postgres.log'),
  '-w',
  '-o',
  `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`,
  ...args,
];
const pgCtl = (...args: string[]) => asPostgres('pg_ctl', pgCtlArgs(...args));

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const hubPort = 40000 + Math.floor(Math.random() * 20000);
const hubUrl = `http://127.0.0.1:${hubPort}`;

type Sample = { at: number; status: number | 'error'; ms: number };
const samples: Sample[] = [];
let hub: ReturnType<typeof spawn> | undefined;
try {
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  pgCtl('start');
  execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ipcoop']);
  hub = spawn(
    process.execPath,
    ['--import', 'tsx', cli, 'serve', '--port', String(hubPort), '--host', '127.0.0.1'],
    {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/ipcoop`,
        IPCOOP_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let ready = false; !ready; ) {
    await new Promise((r) => setTimeout(r, 500));
    ready = await fetch(`${hubUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
  }
  const start = Date.now();
  let running = true;
  const client = async () => {
    while (running) {
      const began = Date.now();
      const status = await fetch(`${hubUrl}/api/v1/reports`, { signal: AbortSignal.timeout(30_000) }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 'error' as const,
      );
      samples.push({ at: began - start, status, ms: Date.now() - began });
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const clients = Array.from({ length: 8 }, client);
  await new Promise((r) => setTimeout(r, 4000));
  const restartAt = Date.now() - start;
  // Not execFileSync: the clients must keep asking while the server restarts.
  await promisify(execFile)('runuser', [
    '-u',
    'postgres',
    '--',
    join(bin, 'pg_ctl'),
    ...pgCtlArgs('restart', '-m', 'fast'),
  ]);
  const upAt = Date.now() - start;
  await new Promise((r) => setTimeout(r, 6000));
  running = false;
  await Promise.all(clients);

  const count = (filter: (s: Sample) => boolean) => samples.filter(filter).length;
  const during = samples.filter((s) => s.status === 503);
  const firstOkAfter = samples.find((s) => s.at > upAt && s.status === 200);
  console.log(`PostgreSQL restart (pg_ctl restart -m fast) from ${restartAt} ms to ${upAt} ms`);
  console.log(`requests:                 ${samples.length}`);
  console.log(`200 before the restart:   ${count((s) => s.at < restartAt && s.status === 200)}`);
  console.log(
    `503 (database away):      ${during.length}, slowest ${Math.max(0, ...during.map((s) => s.ms))} ms`,
  );
  console.log(
    `other statuses:           ${count((s) => s.status !== 200 && s.status !== 503 && s.status !== 'error')}`,
  );
  console.log(`network errors:           ${count((s) => s.status === 'error')}`);
  console.log(
    `first 200 after restart:  ${firstOkAfter ? `${firstOkAfter.at - upAt} ms after the server was back` : 'none'}`,
  );
  console.log(`200 after the restart:    ${count((s) => s.at > upAt && s.status === 200)}`);
  console.log(`hub process restarted:    no (pid ${hub.pid}, still running: ${hub.exitCode === null})`);
  if (!firstOkAfter || count((s) => s.status === 'error') > 0) process.exitCode = 1;
} finally {
  hub?.kill('SIGTERM');
  try {
    pgCtl('stop', '-m', 'fast');
  } catch {
    // not started
  }
  rmSync(folder, { recursive: true, force: true });
}
