import { count } from 'drizzle-orm';
import { createApp } from '../app.tsx';
import { systemActor } from '../audit/record.ts';
import { type Database, inTransaction } from '../db/database.ts';
import { printDemoAccounts, seedDemoAccounts } from '../demo/accounts.ts';
import { seedIncentivesDemo } from '../demo/incentives-demo.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedResultsDemo } from '../demo/results-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { advanceNeedsOfStartedActivities } from '../needs/delivery/service.ts';
import { listenForBackups } from '../operations/backup/hub-socket.ts';
import { operationsSettings } from '../operations/environment.ts';
import { type Readiness, startHttpServer } from '../operations/http-server.ts';
import { logger, routeConsoleToLog } from '../operations/log.ts';
import { reports } from '../reports/schema.ts';

/** While migrations run: alive (/healthz), not ready (/readyz), every page a quick 503. */
function starting(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path === '/healthz') return Response.json({ status: 'starting' });
  return new Response(
    path === '/readyz' ? '{"status":"starting"}' : 'The hub is starting; try again in a few seconds.\n',
    {
      status: 503,
      headers: {
        'Retry-After': '5',
        'Content-Type': path === '/readyz' ? 'application/json' : 'text/plain; charset=utf-8',
      },
    },
  );
}

/**
 * Serves the hub until SIGINT/SIGTERM. The port opens at once (so /healthz answers and /readyz
 * says "not yet" while migrations run); on a signal, /readyz turns 503, requests in flight finish,
 * idle connections close, the database closes cleanly and the process exits. A failed start
 * (port taken, migration error) also closes the database, so the folder lock is released.
 * Every line written is a JSON object with the request id when there is one.
 */
export async function runServer(
  database: Database,
  options: { port: number; hostname: string; demo: boolean },
) {
  routeConsoleToLog();
  const settings = operationsSettings();
  const readiness: Readiness = { ready: false };
  let handler: (request: Request) => Response | Promise<Response> = starting;
  let draining = false;
  let stopBackups: (() => Promise<void>) | undefined;
  let closed: Promise<void> | undefined;
  const closeDatabase = () => {
    closed ??= (stopBackups?.() ?? Promise.resolve())
      .then(() => database.close())
      .catch((error) => logger.error({ err: error }, 'closing the database failed'));
    return closed;
  };
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing the requests in flight');
    readiness.ready = false;
    draining = true;
    const outcome = http ? await http.drain(settings.shutdownSeconds * 1000) : 'drained';
    logger.info({ outcome }, 'stopped taking requests; closing the database');
    await closeDatabase();
    process.exit(0);
  };
  // Installed first: Ctrl-C during a long first migration also closes the database.
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    http = await startHttpServer(
      async (request) => {
        const response = await handler(request);
        // Once draining, each answer closes its connection, so keep-alive clients reconnect elsewhere.
        if (draining) {
          try {
            response.headers.set('Connection', 'close');
          } catch {
            // Immutable headers (a response passed through as is): Node closes the connection at the end anyway.
          }
        }
        return response;
      },
      { port: options.port, hostname: options.hostname, keepAliveSeconds: settings.keepAliveSeconds },
    );
    await database.migrate();
    if (options.demo) {
      const [existing] = await database.db.select({ n: count() }).from(reports);
      if ((existing?.n ?? 0) === 0) {
        const demo = await seedDemo(database.db);
        await seedTrainingOperationsDemo(database.db);
        await seedNeedsDemo(database.db);
        await seedResultsDemo(database.db);
        await seedIncentivesDemo(database.db);
        logger.info(
          `Demo data loaded: Canada 2020–2021 report (${demo.activities} programmes), WIPO–CIPO Executive Training Program.`,
        );
      }
      printDemoAccounts(await seedDemoAccounts(database.db));
    }
    const app = createApp(database, { settings, readiness });
    handler = (request) => app.fetch(request);
    if (database.kind === 'embedded' && database.location !== 'memory') {
      stopBackups = await listenForBackups(database, database.location, (message, error) =>
        error ? logger.error({ err: error }, message) : logger.info(message),
      );
    }
    startNeedsSweep(database);
    readiness.ready = true;
    const { address, port } = http.address;
    const host = address === '::' || address === '0.0.0.0' ? 'localhost' : address;
    logger.info(
      { port, database: database.kind, metrics: settings.metrics.enabled },
      `ipcoop is serving http://${host}:${port} (database: ${database.kind}, ${database.location})`,
    );
  } catch (error) {
    await http?.drain(0);
    await closeDatabase();
    throw error;
  }
}

/**
 * Each hour, needs that an activity of a published report addresses move to "in progress" once
 * that activity has started (publication does it at once for activities already running). With
 * several app processes each sweeps; the update only moves a need that is still open or offered.
 */
function startNeedsSweep(database: Database) {
  const sweep = () =>
    inTransaction(database.db, (tx) => advanceNeedsOfStartedActivities(tx, systemActor))
      .then((moved) => {
        if (moved.length > 0) logger.info({ needs: moved }, 'needs in progress: their activities started');
      })
      .catch((error) => logger.error({ err: error }, 'the needs sweep failed'));
  void sweep();
  setInterval(sweep, 60 * 60 * 1000).unref();
}
