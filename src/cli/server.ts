import { serve } from '@hono/node-server';
import { count } from 'drizzle-orm';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { printDemoAccounts, seedDemoAccounts } from '../demo/accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { listenForBackups } from '../operations/backup/hub-socket.ts';
import { reports } from '../reports/schema.ts';

/**
 * Serves the hub until SIGINT/SIGTERM, then stops taking requests, closes the database
 * cleanly and lets the process exit. A failed start (port taken, migration error) also closes
 * the database, so the folder lock is released.
 */
export async function runServer(
  database: Database,
  options: { port: number; hostname: string; demo: boolean },
) {
  let closed: Promise<void> | undefined;
  const closeDatabase = () => {
    closed ??= (stopBackups?.() ?? Promise.resolve())
      .then(() => database.close())
      .catch((error) => console.error(`closing the database: ${error.message}`));
    return closed;
  };
  let server: ReturnType<typeof serve> | undefined;
  let stopBackups: (() => Promise<void>) | undefined;
  const stop = (signal: string) => {
    console.log(`${signal} received: closing.`);
    const finish = () => closeDatabase().then(() => process.exit(0));
    if (!server) return void finish();
    server.close(() => void finish());
    // Keep-alive connections would hold close() open; give them a moment, then end.
    setTimeout(() => void finish(), 3000).unref();
  };
  // Installed first: Ctrl-C during a long first migration also closes the database.
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    await database.migrate();
    if (options.demo) {
      const [existing] = await database.db.select({ n: count() }).from(reports);
      if ((existing?.n ?? 0) === 0) {
        const demo = await seedDemo(database.db);
        await seedTrainingOperationsDemo(database.db);
        console.log(
          `Demo data loaded: Canada 2020–2021 report (${demo.activities} programmes), WIPO–CIPO Executive Training Program.`,
        );
      }
      printDemoAccounts(await seedDemoAccounts(database.db));
    }
    const app = createApp(database);
    if (database.kind === 'embedded' && database.location !== 'memory') {
      stopBackups = await listenForBackups(database, database.location, (message, error) =>
        error ? console.error(`${message}: ${(error as Error).message}`) : console.log(message),
      );
    }
    await new Promise<void>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info) => {
        const host = info.address === '::' || info.address === '0.0.0.0' ? 'localhost' : info.address;
        console.log(
          `ipcoop is serving http://${host}:${info.port} (database: ${database.kind}, ${database.location})`,
        );
        resolve();
      });
      server.once('error', reject);
    });
  } catch (error) {
    await closeDatabase();
    throw error;
  }
}
