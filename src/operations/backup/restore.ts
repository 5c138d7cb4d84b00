import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, type Db, inTransaction, queryRows } from '../../db/database.ts';
import { BackupError, type EndLine, parseHeader, type TableLine } from './backup.ts';
import {
  knownMigrations,
  migrationLevel,
  migrationsUpTo,
  notBackedUp,
  quoteIdentifier,
  resetSequences,
  tablesFilledByMigrations,
  tablesInDependencyOrder,
  writableColumns,
} from './catalogue.ts';

/** Tables of a migrated registry that hold rows (reference data the migrations load aside). */
export async function registryTablesWithRows(db: Db): Promise<string[]> {
  if ((await migrationLevel(db)) === null) return [];
  const seeded = tablesFilledByMigrations();
  const found: string[] = [];
  for (const table of await tablesInDependencyOrder(db)) {
    if (notBackedUp.has(table) || seeded.has(table)) continue;
    const [row] = await queryRows<{ any: boolean }>(
      db,
      sql.raw(`SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(table)}) AS any`),
    );
    if (row?.any) found.push(table);
  }
  return found;
}

const batchRows = 500;
const batchCharacters = 16 * 1024 * 1024;

/**
 * Restores a backup into an empty registry: the schema is rebuilt as it was when the backup was
 * taken, every table is filled in one transaction, sequences are set past the restored ids, and
 * the migrations written since are applied, so an older backup comes back on the current schema.
 * Sessions and one-time links are not in a backup: everyone signs in again.
 */
export async function restoreBackup(
  database: Database,
  lines: AsyncIterable<string>,
): Promise<{ counts: Record<string, number>; fromLevel: number }> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new BackupError('The backup is empty.');
  const header = parseHeader(first.value);
  const known = knownMigrations();
  if (!known.some((migration) => migration.when === header.migration.level)) {
    throw new BackupError(
      'This backup was taken by a newer version of ipcoop (its database schema is unknown here); update ipcoop to restore it.',
    );
  }
  const filled = await registryTablesWithRows(database.db);
  if (filled.length > 0) {
    throw new BackupError(
      `The registry at ${database.location} is not empty (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? '…' : ''} hold rows). Restore into an empty database or data folder.`,
    );
  }
  // An empty registry may still be migrated past the backup: rebuild its schema at the backup's level.
  const level = await migrationLevel(database.db);
  if (level !== null && level !== header.migration.level) {
    await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
    await database.db.execute(sql`DROP SCHEMA public CASCADE`);
    await database.db.execute(sql`CREATE SCHEMA public`);
  }
  const folder = migrationsUpTo(header.migration.level);
  try {
    await database.migrate(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const counts = await inTransaction(database.db, async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    // The reference data the migrations loaded is replaced by the backup's own.
    await tx.execute(sql.raw(`TRUNCATE ${tables.map(quoteIdentifier).join(', ')} RESTART IDENTITY CASCADE`));
    // Rows come back as they were: triggers (a change log kept by a trigger, say) must not add to them.
    for (const name of tables)
      await tx.execute(sql.raw(`ALTER TABLE ${quoteIdentifier(name)} DISABLE TRIGGER USER`));
    const counts: Record<string, number> = {};
    let table: string | undefined;
    let columns: string[] = [];
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const list = columns.map(quoteIdentifier).join(', ');
      await tx.execute(
        sql`${sql.raw(`INSERT INTO ${quoteIdentifier(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdentifier(table)}, `)}${`[${batch.join(',')}]`}${sql.raw('::json)')}`,
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
      size = 0;
    };
    let end: EndLine | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (line.startsWith('{"r":')) {
        if (!table) throw new BackupError('The backup is damaged: a row comes before any table.');
        // The row object as PostgreSQL wrote it, without re-encoding.
        const row = line.slice(5, -1);
        batch.push(row);
        size += row.length;
        if (batch.length >= batchRows || size >= batchCharacters) await flush();
        continue;
      }
      await flush();
      const parsed = JSON.parse(line) as TableLine | EndLine;
      if ('end' in parsed) {
        end = parsed;
        break;
      }
      if (!tables.includes(parsed.table))
        throw new BackupError(`The backup holds a table this schema does not have: ${parsed.table}.`);
      const target = new Set(await writableColumns(tx, parsed.table));
      table = parsed.table;
      columns = parsed.columns.filter((column) => target.has(column));
      counts[table] = 0;
    }
    if (!end) throw new BackupError('The backup is incomplete: it has no end record. Nothing was restored.');
    for (const [name, count] of Object.entries(end.counts)) {
      if ((counts[name] ?? 0) !== count)
        throw new BackupError(`The backup is damaged: table ${name} is incomplete. Nothing was restored.`);
    }
    await resetSequences(tx);
    for (const name of tables)
      await tx.execute(sql.raw(`ALTER TABLE ${quoteIdentifier(name)} ENABLE TRIGGER USER`));
    return counts;
  });
  // Migrations written after the backup was taken bring it to the current schema.
  await database.migrate();
  return { counts, fromLevel: header.migration.level };
}
