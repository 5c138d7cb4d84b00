import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Config, config } from '../config.ts';
import { lockFolder } from './folder-lock.ts';

/** Queries are written with the query builder over each feature's tables; no relational schema is registered. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  kind: 'embedded' | 'server';
  /** Where the data lives, for messages: a folder, "memory", or the server URL without password. */
  location: string;
  /** Applies pending migrations: those of the app, or those of another folder (restoring a backup to its own level). */
  migrate(folder?: string): Promise<void>;
  /** Connections of the server pool, for metrics; null on the embedded database. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | {
      kind: 'embedded';
      dataDir?: string /* omitted: in memory */;
      /** A data folder dumped by PGlite (dumpDataDir) to start from, e.g. an already migrated one. */
      loadDataDir?: Blob;
    }
  | { kind: 'server'; url: string; poolSize?: number };

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** DATABASE_URL picks a PostgreSQL server; otherwise PGlite in IPCOOP_DATA_DIR (default ./data). */
export function configuredDatabase(
  settings: Pick<Config, 'databaseUrl' | 'dataDir'> = config(),
): DatabaseOptions {
  if (settings.databaseUrl) return { kind: 'server', url: settings.databaseUrl };
  return { kind: 'embedded', dataDir: settings.dataDir };
}

const connectMillis = 3000;
const poolQueueMillis = 30_000;

/** pg's client with its own connection timeout, shorter than the pool's queue wait. */
class FastConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(
      typeof config === 'string'
        ? { connectionString: config, connectionTimeoutMillis: connectMillis }
        : { ...config, connectionTimeoutMillis: connectMillis },
    );
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'server') {
    // Two different waits. Reaching the server: a server that is down (or unreachable) must fail
    // requests fast, as a 503, not hold them — 3 s per connection attempt. Waiting for a free
    // connection of a busy pool is another matter: under a burst, a request queues behind the ones
    // being served (up to 30 s) rather than being shed while the server is healthy.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: poolQueueMillis,
      Client: FastConnectClient,
    });
    // An idle connection dropped by the server (restart, failover, a forced drop) must not take the
    // process down; the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
    // Fail now with the server's own message rather than on the first request.
    await pool.query('select 1');
    const db = drizzleNodePg(pool) as unknown as Db;
    return {
      db,
      kind: 'server',
      location: redactPassword(options.url),
      migrate: (folder = migrationsFolder) => migrateNodePg(db as never, { migrationsFolder: folder }),
      close: () => pool.end(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const release = options.dataDir ? lockFolder(options.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
    });
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'embedded',
      location: options.dataDir ?? 'memory',
      migrate: (folder = migrationsFolder) => migratePglite(db as never, { migrationsFolder: folder }),
      close: async () => {
        await client.close();
        release();
      },
      poolStats: () => null,
    };
  } catch (error) {
    release();
    throw error;
  }
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'PostgreSQL server';
  }
}

/**
 * Runs work in one transaction, handing it the transaction as a Db so the same services serve
 * both (Drizzle types a transaction apart from its database).
 */
export const inTransaction = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> =>
  db.transaction((tx) => work(tx as unknown as Db));

/** Raw SQL that returns rows, with the same shape on PGlite and node-postgres. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
