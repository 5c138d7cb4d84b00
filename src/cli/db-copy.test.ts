import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { testServerUrl } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';

const bin = fileURLToPath(new URL('../../bin/ipcoop.js', import.meta.url));

async function ipcoop(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Each command starts Node and opens a database; a loaded machine needs time.
describe('moving the demo registry to a server, and backing up a serving hub', { timeout: 240_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ipcoop-copy-test-'));
  const dataDir = join(folder, 'data');
  const serverName = `ipcoop_copy_${process.pid}`;
  const serverUrl = Object.assign(new URL(testServerUrl), { pathname: `/${serverName}` }).toString();

  beforeAll(async () => {
    const database = await openDatabase({ kind: 'embedded', dataDir });
    await database.migrate();
    await seedDemo(database.db);
    await seedTrainingOperationsDemo(database.db);
    await database.close();
    await admin(`CREATE DATABASE ${serverName}`);
  }, 240_000);

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${serverName} WITH (FORCE)`);
    rmSync(folder, { recursive: true, force: true });
  });

  it('copies the embedded registry into an empty server database and names the DATABASE_URL to set', async () => {
    const copied = await ipcoop(['db', 'copy', '--to', serverUrl], { IPCOOP_DATA_DIR: dataDir });
    expect(copied.stderr).toBe('');
    expect(copied.stdout).toContain("every table's count matches");
    expect(copied.stdout).toContain(`DATABASE_URL=${serverUrl}`);
    const again = await ipcoop(['db', 'copy', '--to', serverUrl], { IPCOOP_DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');
  });

  it('backs up the server and restores it into a new data folder', async () => {
    const file = join(folder, 'server.backup');
    const backup = await ipcoop(['db', 'backup', file], { DATABASE_URL: serverUrl });
    expect(backup.stdout).toMatch(/Backup written to .*: \d+ tables, \d+ rows/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restored = await ipcoop(['db', 'restore', file], { IPCOOP_DATA_DIR: join(folder, 'restored') });
    expect(restored.stdout).toContain('Everyone signs in again.');
  });

  it('asks the running hub for the backup of its data folder', async () => {
    const hub = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: '', IPCOOP_DATA_DIR: dataDir, IPCOOP_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      hub.stdout.on('data', (chunk) => {
        output += chunk;
      });
      while (!output.includes('serving')) await once(hub.stdout, 'data');
      const file = join(folder, 'hub.backup');
      const backup = await ipcoop(['db', 'backup', file], { IPCOOP_DATA_DIR: dataDir });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toContain('from the running hub');
    } finally {
      hub.kill('SIGTERM');
      await once(hub, 'exit');
    }
  });
});
