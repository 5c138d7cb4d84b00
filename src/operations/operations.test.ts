import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepMatchIndex } from '../activities/match-index/live-index.ts';
import { createApp } from '../app.tsx';
import { readConfig } from '../config.ts';
import { type Database, type Db, openDatabase } from '../db/database.ts';
import { isDatabaseUnavailable } from './database-errors.ts';
import { operationsSettings } from './environment.ts';
import { startHttpServer } from './http-server.ts';

describe('health, readiness, metrics and request ids', () => {
  let database: Database;
  beforeAll(async () => {
    // Never migrated: every query fails as a bug would, which is what the error page needs.
    database = await openDatabase({ kind: 'embedded' });
  });
  afterAll(() => database.close());

  it('answers /healthz while alive and /readyz only while it should take traffic', async () => {
    const readiness = { ready: true };
    const app = createApp(database, { readiness });
    expect((await app.request('/healthz')).status).toBe(200);
    expect(await (await app.request('/readyz')).json()).toMatchObject({
      status: 'ready',
      database: 'embedded',
    });
    // The answer says who serves searches: this unmigrated database has no index to build.
    await keepMatchIndex(database.db);
    expect(await (await app.request('/readyz')).json()).toEqual({
      status: 'ready',
      database: 'embedded',
      search: 'unavailable',
    });
    readiness.ready = false;
    expect((await app.request('/readyz')).status).toBe(503);
  });

  it('serves metrics only when enabled, and then only with the token when one is set', async () => {
    expect((await createApp(database).request('/metrics')).status).toBe(404);
    const open = createApp(database, { settings: operationsSettings(readConfig({ IPCOOP_METRICS: '1' })) });
    await open.request('/healthz');
    const text = await (await open.request('/metrics')).text();
    expect(text).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 1');
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    const token = 'a-long-metrics-token-for-tests';
    const guarded = createApp(database, {
      settings: operationsSettings(readConfig({ IPCOOP_METRICS_TOKEN: token })),
    });
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect((await guarded.request('/metrics', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect(
      (await guarded.request('/metrics', { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    expect(() => readConfig({ IPCOOP_METRICS_TOKEN: 'short' })).toThrow(/at least 16 characters/);
  });

  it('gives every answer a request id, shown on the error page', async () => {
    const app = createApp(database);
    const given = await app.request('/healthz', { headers: { 'X-Request-Id': 'proxy-id-12345' } });
    expect(given.headers.get('x-request-id')).toBe('proxy-id-12345');
    const failed = await app.request('/fr/reports');
    expect(failed.status).toBe(500);
    const id = failed.headers.get('x-request-id') as string;
    expect(id).toMatch(/^[\w-]{36}$/);
    expect(await failed.text()).toContain(`Référence pour l’administrateur\u202f: ${id}`);
  });

  it('answers 503 with Retry-After, fast, while the database server is out of reach', async () => {
    const pool = new pg.Pool({
      connectionString: 'postgres://nobody@127.0.0.1:1/none',
      connectionTimeoutMillis: 1000,
    });
    const away: Database = {
      ...database,
      kind: 'server',
      db: drizzle(pool) as unknown as Db,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
    const app = createApp(away);
    const page = await app.request('/es/reports');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.text()).toContain('No disponible por el momento');
    expect((await app.request('/api/v1/reports')).status).toBe(503);
    expect((await app.request('/readyz')).status).toBe(503);
    expect((await app.request('/healthz')).status).toBe(200);
    await pool.end();
  });

  it('knows a database out of reach from a bug', () => {
    expect(isDatabaseUnavailable({ message: 'x', cause: { code: 'ECONNREFUSED' } })).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: '57P01',
        message: 'terminating connection due to administrator command',
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ code: '42P01', message: 'relation "reports" does not exist' })).toBe(
      false,
    );
  });
});

describe('stopping', () => {
  it('lets a request in flight finish, and takes no new connection', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const http = await startHttpServer(
      async () => {
        await held;
        return new Response('finished');
      },
      { port: 0, hostname: '127.0.0.1', keepAliveSeconds: 75 },
    );
    expect(http.server.keepAliveTimeout).toBe(75_000);
    const url = `http://127.0.0.1:${http.address.port}/`;
    const inFlight = fetch(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = http.drain(10_000);
    await expect(fetch(url)).rejects.toThrow();
    release();
    expect(await (await inFlight).text()).toBe('finished');
    expect(await drained).toBe('drained');
  });
});
