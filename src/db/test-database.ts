import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './database.ts';

export const testBackends = ['embedded', 'server'] as const;
export type TestBackend = (typeof testBackends)[number];

/** The PostgreSQL server the suite uses; each test file gets a database of its own on it. */
export const testServerUrl = process.env.IPCOOP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A migrated, empty database for one test file: PGlite in memory, or a fresh database on the
 * server (dropped again by close()), so test files never see each other's rows.
 */
export async function openTestDatabase(backend: TestBackend): Promise<Database> {
  if (backend === 'embedded') {
    const database = await openDatabase({ kind: 'embedded' });
    await database.migrate();
    return database;
  }
  const name = `ipcoop_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'server', url: url.toString(), poolSize: 4 });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
