import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canadaPageFile, seedsFolder } from '../demo/seed-demo.ts';

const bin = fileURLToPath(new URL('../../bin/ipcoop.js', import.meta.url));
const canadaPage = join(seedsFolder(), canadaPageFile);

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

// Each command starts Node and opens (first: migrates) a database; a loaded machine needs time.
describe('ipcoop CLI', { timeout: 300_000 }, () => {
  it('explains itself', async () => {
    const help = await ipcoop(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'db', 'import', 'export']) expect(help.stdout).toContain(command);
    expect((await ipcoop(['import', 'etrips', '--help'])).stdout).toContain('--dry-run');
  });

  it('refuses a bad setting before doing anything, in one line and without a stack trace', async () => {
    const result = await ipcoop(['serve'], { PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ipcoop: PORT: expected a port number 1–65535, got "abc"\nipcoop: see docs/configuration.md\n',
    );
  });

  it('prints the stable dry-run JSON contract and stores nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const result = await ipcoop(['import', 'etrips', canadaPage, '--dry-run', '--json'], {
      IPCOOP_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.reporter).toEqual({ code: 'CAN', name: 'Canada' });
    expect(json.uiLanguage).toBe('fr');
    expect(json.paragraphs).toHaveLength(3);
    expect(json.programmes).toHaveLength(10);
    expect(json.programmes[1]).toMatchObject({ n: 2, start: '2020-09-07' });
    expect(json.programmes[1].beneficiaries[0]).toEqual({ name: 'Costa Rica', code: 'CRI', kind: 'party' });
    expect(json.problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(json.stored).toBeNull();
  });

  it('manages accounts: add with a one-time link, reset, disable, list; refuses a bad scope', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const env = { IPCOOP_DATA_DIR: dataDir, IPCOOP_PUBLIC_URL: 'https://hub.example' };
    const added = await ipcoop(
      ['user', 'add', '--email', 'Officer@Example.org', '--role', 'reporter', '--party', 'can'],
      env,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Account Officer@Example.org created with role reporter.');
    expect(added.stdout).toMatch(/https:\/\/hub\.example\/en\/account\/password\/[\w-]{43}/);
    const noParty = await ipcoop(['user', 'add', '--email', 'x@example.org', '--role', 'reporter'], env);
    expect(noParty.code).toBe(1);
    expect(noParty.stderr).toContain('the reporter role needs --party');
    const reset = await ipcoop(['user', 'reset-password', '--email', 'officer@example.org'], env);
    expect(reset.stdout).toMatch(/account\/password\/[\w-]{43}/);
    expect((await ipcoop(['user', 'disable', '--email', 'officer@example.org'], env)).code).toBe(0);
    expect((await ipcoop(['user', 'list'], env)).stdout).toMatch(
      /officer@example\.org\t.*\tdisabled\treporter CAN/,
    );
  });

  it('imports, then exports the registry as JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const imported = await ipcoop(['import', 'etrips', canadaPage], { IPCOOP_DATA_DIR: dataDir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/ok {3}.*Canada 2020–2021, 10 programmes.*report 1 created, 10 new/);
    const exported = await ipcoop(['export', 'json'], { IPCOOP_DATA_DIR: dataDir });
    const json = JSON.parse(exported.stdout);
    expect(json.reports).toHaveLength(1);
    expect(json.activities).toHaveLength(10);
  });

  it('fails with the file and line, and a non-zero exit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const bad = join(folder, 'bad.txt');
    writeFileSync(
      bad,
      'Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nCanada\n  1. For 2020-2021.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Workshop 31/02/2021 Kenya\n',
    );
    const result = await ipcoop(['import', 'etrips', bad, canadaPage, '--dry-run']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAIL ${bad}: nothing stored`);
    expect(result.stdout).toContain(`${bad}:5: error: row 1: 31/02/2021 is not a date (DD/MM/YYYY)`);
    expect(result.stdout).toContain('1 of 2 files read without error, 1 failed.');
  });

  it('refuses a second process on the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, DATABASE_URL: '', IPCOOP_DATA_DIR: dataDir, IPCOOP_LOG_LEVEL: 'info' },
    });
    const closed = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('is serving')) resolve();
        });
        server.on('exit', () => reject(new Error('server exited early')));
      });
      const second = await ipcoop(['db', 'migrate'], { IPCOOP_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`already open in another ipcoop process (pid ${server.pid})`);
    } finally {
      server.kill('SIGTERM');
    }
    // SIGTERM closes the database and exits cleanly; the folder is free again.
    expect(await closed).toBe(0);
    expect((await ipcoop(['db', 'migrate'], { IPCOOP_DATA_DIR: dataDir })).code).toBe(0);
  });
});
