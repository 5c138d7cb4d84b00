import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { config } from '../config.ts';
import { type Database, openDatabase } from './database.ts';

export const testBackends = ['embedded', 'server'] as const;
export type TestBackend = (typeof testBackends)[number];

/** The PostgreSQL server the suite uses; each test file gets a database of its own on it. */
export const testServerUrl = config().testDatabaseUrl;

async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const lockFile = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

/** Names the migrated template by everything that shapes it: the migrations and the installed PGlite (the lock file). */
function templateFile(): string {
  const hash = createHash('sha256').update(readFileSync(lockFile));
  for (const name of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const path = join(migrationsFolder, name);
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(path));
  }
  return join(tmpdir(), `ipcoop-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * Migrating PGlite takes seconds (the reference data is large); loading a dump of a migrated one
 * takes a fraction of that. The first test file to need it writes the dump, atomically, for all.
 */
async function migratedTemplate(): Promise<Blob> {
  const file = templateFile();
  if (!existsSync(file)) {
    const database = await openDatabase({ kind: 'embedded' });
    await database.migrate();
    const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    await database.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A migrated, empty database for one test file: PGlite in memory, or a fresh database on the
 * server (dropped again by close()), so test files never see each other's rows.
 */
export async function openTestDatabase(backend: TestBackend): Promise<Database> {
  if (backend === 'embedded') {
    const database = await openDatabase({ kind: 'embedded', loadDataDir: await migratedTemplate() });
    // Applies nothing when the template is current; proves it is.
    await database.migrate();
    return database;
  }
  const [database] = await openServerTestDatabase(1);
  if (!database) throw new Error('no test database');
  return database;
}

/**
 * A fresh, migrated database on the test server opened `connections` times, as separate app
 * processes would open it (each its own pool). Closing the first drops the database (and with
 * it the others' connections).
 */
export async function openServerTestDatabase(connections: number): Promise<Database[]> {
  const name = `ipcoop_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const first = await openDatabase({ kind: 'server', url: url.toString(), poolSize: 4 });
  await first.migrate();
  const others: Database[] = [];
  for (let n = 1; n < connections; n++)
    others.push(await openDatabase({ kind: 'server', url: url.toString(), poolSize: 4 }));
  return [
    {
      ...first,
      close: async () => {
        await Promise.all(others.map((other) => other.close()));
        await first.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    },
    ...others,
  ];
}
