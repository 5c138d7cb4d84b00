import { serve } from '@hono/node-server';
import { count } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createApp } from '../http/app.tsx';
import { reports } from '../reports/schema.ts';

/**
 * Serves the hub until SIGINT/SIGTERM, then stops taking requests, closes the database
 * cleanly and lets the process exit.
 */
export async function runServer(
  database: Database,
  options: { port: number; hostname: string; demo: boolean },
) {
  await database.migrate();
  if (options.demo) {
    const [existing] = await database.db.select({ n: count() }).from(reports);
    if ((existing?.n ?? 0) === 0) {
      const demo = await seedDemo(database.db);
      console.log(
        `Demo data loaded: Canada 2020–2021 report (${demo.activities} programmes), WIPO–CIPO Executive Training Program.`,
      );
    }
  }
  const app = createApp(database);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info) => {
    console.log(
      `ipcoop is serving http://${info.address === '::' || info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port} (database: ${database.kind}, ${database.location})`,
    );
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing.`);
    server.close(async () => {
      await database.close();
      process.exit(0);
    });
    // Keep-alive connections would hold close() open; give them a moment, then end.
    setTimeout(async () => {
      await database.close().catch(() => {});
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
