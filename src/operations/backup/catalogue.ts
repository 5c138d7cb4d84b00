/*
 * What the database itself says it holds: its tables, their columns, the order foreign keys
 * impose, its sequences, and how far it is migrated. Backups read these rather than a list in the
 * code, so a table added by a later migration is backed up without anyone remembering to.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, migrationsFolder, queryRows } from '../../db/database.ts';

/** Rows that must not outlive the registry they were made in: sign-in sessions, one-time links, request counts. */
export const notBackedUp = new Set(['sessions', 'user_tokens', 'request_counters']);

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every ordinary table of the public schema, parents before the tables that refer to them. */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    )
  ).map((row) => row.name);
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    // A cycle of foreign keys: what is left goes in name order (none exists today).
    const next = ready.length > 0 ? ready : tables.filter((t) => !placed.has(t));
    for (const table of next) {
      placed.add(table);
      ordered.push(table);
    }
  }
  return ordered;
}

/** The columns a row is written with: generated columns are computed again, never restored. */
export async function writableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT a.attname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = '' ORDER BY a.attnum`,
  );
  return rows.map((row) => row.name);
}

/** Sets every sequence owned by a column past the largest value restored. */
export async function resetSequences(db: Db): Promise<void> {
  const owned = await queryRows<{ seq: string; tbl: string; col: string }>(
    db,
    sql`SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
        FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned) {
    await db.execute(
      sql.raw(
        `SELECT setval('${seq.replace(/'/g, "''")}', COALESCE((SELECT max(${quoteIdentifier(col)}) FROM ${quoteIdentifier(tbl)}), 0) + 1, false)`,
      ),
    );
  }
}

type Journal = { entries: Array<{ idx: number; when: number; tag: string }> };
const readJournal = (folder = migrationsFolder): Journal =>
  JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8'));

/** The migrations this version of ipcoop knows, oldest first. */
export const knownMigrations = () => readJournal().entries;

/** The last migration applied (its journal time, which Drizzle records), or null on a blank database. */
export async function migrationLevel(db: Db): Promise<number | null> {
  const [exists] = await queryRows<{ found: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`,
  );
  if (!exists?.found) return null;
  const [row] = await queryRows<{ level: string | number | null }>(
    db,
    sql`SELECT max(created_at) AS level FROM drizzle.__drizzle_migrations`,
  );
  return row?.level === null || row?.level === undefined ? null : Number(row.level);
}

/** A copy of the migrations folder that stops at `level`: to rebuild the schema a backup was taken from. */
export function migrationsUpTo(level: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'ipcoop-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const journal = readJournal();
  const kept = journal.entries.filter((entry) => entry.when <= level);
  for (const entry of kept)
    copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return folder;
}

/** Tables the migrations themselves fill (reference data): rows there do not make a registry "not empty". */
export function tablesFilledByMigrations(): Set<string> {
  const names = new Set<string>();
  for (const entry of knownMigrations()) {
    const text = readFileSync(join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
    for (const match of text.matchAll(/INSERT INTO "?([a-z_][a-z0-9_]*)"?/gi))
      names.add((match[1] as string).toLowerCase());
  }
  return names;
}
