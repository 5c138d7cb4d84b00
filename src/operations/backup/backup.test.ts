import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import { type Database, type Db, inTransaction, openDatabase, queryRows } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import { seedDemoAccounts } from '../../demo/accounts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../../demo/training-demo.ts';
import { participantFiles } from '../../training/schema.ts';
import { countRequest } from '../request-counters.ts';
import { backupFileLines, backupToFile, verifyBackup, writeBackup } from './backup.ts';
import {
  knownMigrations,
  migrationLevel,
  migrationsUpTo,
  notBackedUp,
  quoteIdentifier,
  tablesInDependencyOrder,
} from './catalogue.ts';
import { backupThroughHub, listenForBackups } from './hub-socket.ts';
import { restoreBackup } from './restore.ts';

/** Every row of every backed-up table, as PostgreSQL writes it in UTC, sorted: two equal registries give equal maps. */
async function tableContents(db: Db): Promise<Map<string, string[]>> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    const contents = new Map<string, string[]>();
    for (const table of await tablesInDependencyOrder(tx)) {
      if (notBackedUp.has(table)) continue;
      const rows = await queryRows<{ j: string }>(
        tx,
        sql.raw(`SELECT row_to_json(t)::text AS j FROM ${quoteIdentifier(table)} t`),
      );
      contents.set(table, rows.map((row) => row.j).sort());
    }
    return contents;
  });
}

const pages = (reportId: number, programmeId: number) => [
  '/en/',
  '/fr/reports',
  `/es/reports/${reportId}`,
  `/en/programmes/${programmeId}`,
  '/en/search?q=patent',
  '/api/v1/reports',
];

async function pageTexts(database: Database, paths: string[]) {
  const app = createApp(database);
  return Promise.all(paths.map(async (path) => `${path}\n${await (await app.request(path)).text()}`));
}

async function documentText(database: Database, reportId: number) {
  const response = await createApp(database).request(`/en/reports/${reportId}.docx`);
  return (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value;
}

describe('backup and restore', () => {
  let folder: string;
  let source: Database;
  let demo: { reportId: number; programmeId: number };
  let original: Map<string, string[]>;
  let backupFile: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ipcoop-backup-test-'));
    source = await openTestDatabase('embedded');
    demo = await seedDemo(source.db);
    const training = await seedTrainingOperationsDemo(source.db);
    await seedDemoAccounts(source.db);
    await source.db.insert(participantFiles).values({
      participantId: training.participantIds[0] as number,
      kind: 'office-presentation',
      fileName: '名前 ü.pdf',
      contentType: 'application/pdf',
      sizeBytes: 256,
      content: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    });
    // Neither a session nor a request count may come back.
    await testSession(source.db, 'session.holder@example.org', 'secretariat');
    await countRequest(source.db, 'form:test:192.0.2.1', { max: 5, windowSeconds: 60 });
    original = await tableContents(source.db);
    backupFile = join(folder, 'registry.backup');
    await backupToFile(backupFile, (out) => writeBackup(source, out));
  }, 240_000);

  afterAll(async () => {
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a whole backup readable by its owner only, of every table the database lists', async () => {
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const { header, counts } = await verifyBackup(backupFile);
    expect(header.migration.tag).toBe(knownMigrations().at(-1)?.tag);
    const tables = (await tablesInDependencyOrder(source.db)).filter((t) => !notBackedUp.has(t));
    expect(Object.keys(counts).sort()).toEqual([...tables].sort());
    expect(counts.participant_files).toBeGreaterThan(0);
    expect(counts.audit_log).toBeGreaterThan(0);
    expect(counts).not.toHaveProperty('sessions');
  });

  it('gives back an identical registry on a server, and from there on PGlite again, pages and documents included', async () => {
    const server = await openTestDatabase('server');
    const blank = await openDatabase({ kind: 'embedded' });
    try {
      await restoreBackup(server, backupFileLines(backupFile));
      expect(await tableContents(server.db)).toEqual(original);
      const sessions = await queryRows<{ n: number }>(
        server.db,
        sql`SELECT count(*)::int AS n FROM sessions`,
      );
      expect(sessions[0]?.n).toBe(0);

      const again = join(folder, 'from-server.backup');
      await backupToFile(again, (out) => writeBackup(server, out));
      // A database never migrated at all is an empty registry too.
      await restoreBackup(blank, backupFileLines(again));
      expect(await tableContents(blank.db)).toEqual(original);

      const paths = pages(demo.reportId, demo.programmeId);
      expect(await pageTexts(blank, paths)).toEqual(await pageTexts(source, paths));
      expect(await documentText(blank, demo.reportId)).toEqual(await documentText(source, demo.reportId));
      expect(await documentText(server, demo.reportId)).toContain('Canada');

      await expect(restoreBackup(server, backupFileLines(backupFile))).rejects.toThrow(/not empty/);
    } finally {
      await server.close();
      await blank.close();
    }
  }, 240_000);

  it('migrates an older backup forward', async () => {
    const older = await openDatabase({ kind: 'embedded' });
    const restored = await openDatabase({ kind: 'embedded' });
    const previous = knownMigrations().at(-2);
    try {
      const migrations = migrationsUpTo(previous?.when as number);
      await older.migrate(migrations);
      rmSync(migrations, { recursive: true, force: true });
      expect(await migrationLevel(older.db)).toBe(previous?.when);
      await older.db.execute(
        sql`INSERT INTO users (email, display_name) VALUES ('kept@example.org', 'Kept')`,
      );
      const file = join(folder, 'older.backup');
      await backupToFile(file, (out) => writeBackup(older, out));
      const { fromLevel } = await restoreBackup(restored, backupFileLines(file));
      expect(fromLevel).toBe(previous?.when);
      expect(await migrationLevel(restored.db)).toBe(knownMigrations().at(-1)?.when);
      const users = await queryRows<{ email: string }>(restored.db, sql`SELECT email FROM users`);
      expect(users.map((u) => u.email)).toEqual(['kept@example.org']);
    } finally {
      await older.close();
      await restored.close();
    }
  }, 240_000);

  it('is taken by the running hub over the socket in its data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-hub-'));
    const stop = await listenForBackups(source, dataDir);
    try {
      expect(statSync(join(dataDir, 'ipcoop.sock')).mode & 0o777).toBe(0o600);
      const file = join(dataDir, 'through-hub.backup');
      const { counts } = await backupToFile(file, (out) => backupThroughHub(dataDir, out));
      expect(counts).toEqual((await verifyBackup(backupFile)).counts);
    } finally {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a cut-off file before touching anything', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(backupFile);
    const cut = join(folder, 'cut.backup');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(verifyBackup(cut)).rejects.toThrow(/cannot be read|incomplete/);
  });
});
