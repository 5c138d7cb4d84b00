/*
 * A backup is a gzip-compressed file of JSON lines: a header (format, version, the migration the
 * schema was at), then for each table a line naming it and its columns followed by one line per
 * row, then an end line with the number of rows of each table, which proves the file complete.
 * Rows are written by PostgreSQL itself (row_to_json) and read back by it (json_populate_recordset),
 * so every type (bytea files, jsonb, timestamps, tsvector) survives exactly, on PGlite and on a server.
 */
import { once } from 'node:events';
import { chmodSync, createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, type Db, inTransaction, queryRows } from '../../db/database.ts';
import {
  knownMigrations,
  migrationLevel,
  notBackedUp,
  quoteIdentifier,
  tablesInDependencyOrder,
  writableColumns,
} from './catalogue.ts';

export const backupFormat = 'ipcoop-backup';
export const backupVersion = 1;

export type BackupHeader = {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  source: Database['kind'];
  migration: { level: number; tag: string | null };
};
export type TableLine = { table: string; columns: string[] };
export type RowLine = { r: Record<string, unknown> };
export type EndLine = { end: true; counts: Record<string, number> };

export class BackupError extends Error {}

/**
 * Writes every table of one consistent snapshot, line by line, to `write` (which may wait). On a
 * server the snapshot is a read-only repeatable-read transaction, so the hub keeps serving; on
 * PGlite the transaction has the single connection to itself while it runs.
 */
export async function writeBackupLines(
  database: Database,
  write: (line: string) => Promise<void>,
): Promise<Record<string, number>> {
  return inTransaction(database.db, async (tx: Db) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    // Timestamps written in UTC: the same file whatever the server's time zone.
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    const level = await migrationLevel(tx);
    if (level === null)
      throw new BackupError('This database has never been migrated: there is nothing to back up.');
    const header: BackupHeader = {
      format: backupFormat,
      version: backupVersion,
      createdAt: new Date().toISOString(),
      source: database.kind,
      migration: { level, tag: knownMigrations().find((m) => m.when === level)?.tag ?? null },
    };
    await write(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of await tablesInDependencyOrder(tx)) {
      if (notBackedUp.has(table)) continue;
      const columns = await writableColumns(tx, table);
      await write(JSON.stringify({ table, columns } satisfies TableLine));
      const list = columns.map(quoteIdentifier).join(', ');
      // One table at a time in memory; uploaded files are at most 10 MB each.
      const rows = await queryRows<{ j: string }>(
        tx,
        sql.raw(`SELECT row_to_json(t)::text AS j FROM (SELECT ${list} FROM ${quoteIdentifier(table)}) t`),
      );
      for (const row of rows) await write(`{"r":${row.j}}`);
      counts[table] = rows.length;
    }
    await write(JSON.stringify({ end: true, counts } satisfies EndLine));
    return counts;
  });
}

/** Writes a whole backup, gzip-compressed, into `out` (a file, a socket), and ends it. */
export async function writeBackup(database: Database, out: Writable): Promise<Record<string, number>> {
  const gzip = createGzip();
  gzip.pipe(out);
  const done = finished(out);
  try {
    const counts = await writeBackupLines(database, async (line) => {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    });
    gzip.end();
    await done;
    return counts;
  } catch (error) {
    gzip.destroy(error as Error);
    out.destroy(error as Error);
    throw error;
  }
}

/** The lines of a backup file, decompressed. */
export function backupFileLines(file: string): AsyncIterable<string> {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/** Reads a backup through and checks it is whole; its header and row counts. */
export async function verifyBackup(
  file: string,
): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
  let header: BackupHeader | undefined;
  let table: string | undefined;
  const seen: Record<string, number> = {};
  let end: EndLine | undefined;
  try {
    for await (const line of backupFileLines(file)) {
      if (!header) {
        header = parseHeader(line);
        continue;
      }
      if (line.startsWith('{"r":')) {
        if (!table) throw new BackupError('a row comes before any table');
        seen[table] = (seen[table] ?? 0) + 1;
        continue;
      }
      const parsed = JSON.parse(line) as TableLine | EndLine;
      if ('end' in parsed) end = parsed;
      else {
        table = parsed.table;
        seen[table] = 0;
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup ${file} cannot be read (${(error as Error).message}).`);
  }
  if (!header || !end) throw new BackupError(`The backup ${file} is incomplete: it has no end record.`);
  for (const [name, count] of Object.entries(end.counts)) {
    if (seen[name] !== count)
      throw new BackupError(`The backup ${file} is damaged: table ${name} is incomplete.`);
  }
  return { header, counts: end.counts };
}

export function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line);
  } catch {
    throw new BackupError('This file is not an ipcoop backup.');
  }
  if (header.format !== backupFormat) throw new BackupError('This file is not an ipcoop backup.');
  if (typeof header.version !== 'number' || header.version > backupVersion)
    throw new BackupError(
      `This backup is of a newer format (${header.version}); update ipcoop to restore it.`,
    );
  return header as BackupHeader;
}

/**
 * Writes a backup to `file`, readable by its owner only (it holds every account and uploaded
 * file): first beside it under another name, then renamed once read back whole.
 */
export async function backupToFile(
  file: string,
  write: (out: Writable) => Promise<unknown>,
): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await write(createWriteStream(partial, { mode: 0o600 }));
    chmodSync(partial, 0o600);
    const checked = await verifyBackup(partial);
    renameSync(partial, file);
    return checked;
  } finally {
    rmSync(partial, { force: true });
  }
}
