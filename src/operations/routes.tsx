import { randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { matchedRoutes } from 'hono/route';
import { matchIndexState } from '../activities/match-index/live-index.ts';
import type { Database } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { isDatabaseUnavailable } from './database-errors.ts';
import type { OperationsSettings } from './environment.ts';
import type { Readiness } from './http-server.ts';
import { logger, requestScope } from './log.ts';
import type { Metrics } from './metrics.ts';
import { OperationsPage } from './pages.tsx';

export type { Readiness } from './http-server.ts';

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const incomingId = /^[\w.-]{8,64}$/;

/** The route pattern that answered, for logs and metrics: "/:lang/reports/:id", never the raw path. */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return routes.at(-1)?.path ?? 'unmatched';
}

export const requestIdOf = (c: Context): string | undefined => c.get('requestId' as never);

/**
 * Gives every request an id (the proxy's X-Request-Id when it sends one), returned in the
 * X-Request-Id header and written on every log line made while serving it; logs one line per
 * request and counts it in the metrics.
 */
export function requestLog(metrics: Metrics | null): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && incomingId.test(given) ? given : randomUUID();
    c.set('requestId' as never, requestId as never);
    const started = performance.now();
    await requestScope.run({ requestId }, async () => {
      await next();
      c.header('X-Request-Id', requestId);
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(c);
      metrics?.observe(c.req.method, route, c.res.status, seconds);
      logger.info(
        {
          method: c.req.method,
          route,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
  };
}

/** The answer when the database is out of reach: a quick 503 the client may retry, in the page's language. */
export function databaseUnavailable(c: Context) {
  c.header('Retry-After', '5');
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/'))
    return c.json({ status: 503, detail: 'The database cannot be reached; try again shortly.' }, 503);
  return c.html(
    <OperationsPage
      page={pageContext(c)}
      title="unavailableTitle"
      text="unavailableText"
      reference={requestIdOf(c)}
    />,
    503,
  );
}

/** Logs an unexpected error with its request id; says whether it was the database being away. */
export function logRequestError(error: unknown): 'database-unavailable' | 'error' {
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error }, 'database unavailable');
    return 'database-unavailable';
  }
  logger.error({ err: error }, 'request failed');
  return 'error';
}

/** /healthz (the process answers), /readyz (it should get traffic), /metrics when enabled. */
export function operationsRoutes(
  database: Database,
  settings: OperationsSettings,
  metrics: Metrics | null,
  readiness: Readiness,
) {
  const app = new Hono();
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', database: database.kind });
  });
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!readiness.ready) return c.json({ status: 'not ready', database: database.kind }, 503);
    try {
      await Promise.race([
        database.db.execute(sql`select 1`),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('database check timed out')), 2000).unref(),
        ),
      ]);
      // Ready either way: while the search index builds, PostgreSQL answers the searches.
      return c.json({ status: 'ready', database: database.kind, search: matchIndexState(database.db) });
    } catch (error) {
      // The reason goes to the log, not to whoever asks: it may name hosts or users.
      logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', database: database.kind }, 503);
    }
  });
  if (metrics) {
    app.get('/metrics', async (c) => {
      const token = settings.metrics.token;
      if (token && !sameText(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
        c.header('WWW-Authenticate', 'Bearer');
        return c.text('A token is needed for the metrics.\n', 401);
      }
      c.header('Cache-Control', 'no-store');
      return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
    });
  }
  return app;
}
