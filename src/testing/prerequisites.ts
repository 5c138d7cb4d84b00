/**
 * What the test suite needs beyond npm packages, and what to do when it is missing: Debian's
 * Chromium for the browser tests, and the PostgreSQL server for the server-mode tests.
 * scripts/test-prerequisites.ts runs these plans before `npm test` starts the suite; here they
 * are pure, so they can be tested.
 */

/** What the machine allows. */
export type Machine = {
  root: boolean;
  aptGet: boolean;
  pgCtlcluster: boolean;
  /** PostgreSQL versions with a cluster here (the folders of /etc/postgresql). */
  postgresVersions: string[];
};

/** Nothing to do; commands to run (then check again); or stop and tell the person what to run. */
export type Plan =
  | { kind: 'ready' }
  | { kind: 'run'; commands: string[][] }
  | { kind: 'stop'; message: string };

export const debianChromium = '/usr/bin/chromium';

export function chromiumPlan(chromium: { path: string; found: boolean }, machine: Machine): Plan {
  if (chromium.found) return { kind: 'ready' };
  if (chromium.path !== debianChromium)
    return {
      kind: 'stop',
      message: `CHROMIUM_PATH is ${chromium.path}, where there is no Chromium: install it there, or unset CHROMIUM_PATH to use ${debianChromium}.`,
    };
  if (!machine.aptGet)
    return {
      kind: 'stop',
      message: `The browser tests need Chromium at ${debianChromium}; install it, or set CHROMIUM_PATH to a Chromium executable.`,
    };
  if (machine.root)
    return {
      kind: 'run',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    };
  return {
    kind: 'stop',
    message:
      "The browser tests need Debian's Chromium. Run:\n  sudo apt-get update && sudo apt-get install -y chromium",
  };
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function postgresPlan(server: { url: string; answers: boolean }, machine: Machine): Plan {
  if (server.answers) return { kind: 'ready' };
  const { hostname, port } = new URL(server.url);
  // Only the machine's own cluster, on its usual port, is this script's to start.
  if (!loopback.has(hostname) || (port !== '' && port !== '5432'))
    return {
      kind: 'stop',
      message: `The test PostgreSQL server at ${hostname}${port ? `:${port}` : ''} (IPCOOP_TEST_PG_URL) does not answer: start it, or point IPCOOP_TEST_PG_URL at one that does.`,
    };
  const [version] = machine.postgresVersions;
  if (!version || !machine.pgCtlcluster)
    return {
      kind: 'stop',
      message:
        'The server-mode tests need a PostgreSQL server on 127.0.0.1:5432 (or IPCOOP_TEST_PG_URL); none is installed here.',
    };
  const start = ['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start'];
  if (machine.root) return { kind: 'run', commands: [start] };
  return {
    kind: 'stop',
    message: `The local PostgreSQL server is stopped. Run:\n  sudo ${start.join(' ')}`,
  };
}
