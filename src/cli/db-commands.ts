import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { configuredDatabase, type DatabaseOptions, openDatabase, queryRows } from '../db/database.ts';
import { backupFileLines, backupToFile, verifyBackup, writeBackup } from '../operations/backup/backup.ts';
import { quoteIdentifier } from '../operations/backup/catalogue.ts';
import { backupThroughHub, hubListens } from '../operations/backup/hub-socket.ts';
import { restoreBackup } from '../operations/backup/restore.ts';

const rowsIn = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Takes a backup of the configured database: through the running hub when it owns the data folder. */
async function writeSourceBackup(options: DatabaseOptions, out: Writable): Promise<string> {
  if (options.kind === 'embedded' && options.dataDir && hubListens(options.dataDir)) {
    try {
      await backupThroughHub(options.dataDir, out);
      return `the running hub (${options.dataDir})`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A socket left by a hub that died: no one owns the folder, so it is read directly.
      if (code !== 'ECONNREFUSED' && code !== 'ENOENT') throw error;
    }
  }
  const database = await openDatabase(options);
  try {
    await writeBackup(database, out);
    return database.location;
  } finally {
    await database.close();
  }
}

async function backupInto(file: string, options: DatabaseOptions) {
  let from = '';
  const checked = await backupToFile(file, async (out) => {
    from = await writeSourceBackup(options, out);
  });
  return { ...checked, from };
}

async function restoreInto(file: string, options: DatabaseOptions) {
  await verifyBackup(file);
  const database = await openDatabase(options);
  try {
    const restored = await restoreBackup(database, backupFileLines(file));
    return { ...restored, location: database.location, database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function registerDatabaseCommands(db: Command) {
  db.command('backup')
    .description(
      'write a consistent backup of the whole registry (accounts, reports, training records, files, settings, audit trail) to FILE; works while the hub serves',
    )
    .argument('<file>', 'where to write it (readable by you only)')
    .action(async (file: string) => {
      const { header, counts, from } = await backupInto(file, configuredDatabase());
      console.log(
        `Backup written to ${file}: ${Object.keys(counts).length} tables, ${rowsIn(counts)} rows, schema ${header.migration.tag}, from ${from}.`,
      );
    });

  db.command('restore')
    .description(
      'restore a backup into an empty registry (a new data folder, or an empty PostgreSQL database); older backups are migrated forward. Sessions and password links are not restored',
    )
    .argument('<file>', 'a file written by "ipcoop db backup"')
    .action(async (file: string) => {
      const restored = await restoreInto(file, configuredDatabase());
      await restored.database.close();
      console.log(
        `Restored ${rowsIn(restored.counts)} rows in ${Object.keys(restored.counts).length} tables into ${restored.location}. Everyone signs in again.`,
      );
    });

  db.command('copy')
    .description(
      'copy the registry into an empty PostgreSQL database, check it, and say which DATABASE_URL to set',
    )
    .requiredOption('--to <url>', 'the PostgreSQL database, e.g. postgres://ipcoop@db.example/ipcoop')
    .action(async (options: { to: string }) => {
      if (!/^postgres(ql)?:\/\//.test(options.to)) throw new Error('--to takes a postgres:// URL.');
      const folder = mkdtempSync(join(tmpdir(), 'ipcoop-copy-'));
      try {
        const file = join(folder, 'registry.backup');
        const { counts, from } = await backupInto(file, configuredDatabase());
        const restored = await restoreInto(file, { kind: 'server', url: options.to });
        try {
          const differences: string[] = [];
          for (const [table, expected] of Object.entries(counts)) {
            const [row] = await queryRows<{ n: string | number }>(
              restored.database.db,
              sql.raw(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`),
            );
            if (Number(row?.n) !== expected)
              differences.push(`${table}: ${expected} copied, ${row?.n} found`);
          }
          if (differences.length > 0) throw new Error(`The copy does not match:\n${differences.join('\n')}`);
        } finally {
          await restored.database.close();
        }
        console.log(
          `Copied ${rowsIn(counts)} rows in ${Object.keys(counts).length} tables from ${from} to ${restored.location}; every table's count matches.`,
        );
        console.log('To run the hub on it, set (with the password) and restart:');
        console.log(`DATABASE_URL=${restored.location}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
}
