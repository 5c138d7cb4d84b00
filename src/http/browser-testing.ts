import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { createApp } from '../app.tsx';
import { config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';

/**
 * Debian's Chromium, started the way this project's machines allow: no network chatter, no sandbox.
 * Playwright gives every launch a fresh, empty profile folder of its own (--user-data-dir).
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: config().chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** Serves the app on a free loopback port for a browser test. */
export async function serveForTest(database: Database): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp(database);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export type DemoSite = {
  url: string;
  browser: Browser;
  demo: Awaited<ReturnType<typeof seedDemo>>;
  close: () => Promise<void>;
};

/** The demo registry in memory, served on loopback, with Chromium ready: what every browser test starts from. */
export async function startDemoSite(): Promise<DemoSite> {
  const database = await openTestDatabase('embedded');
  const demo = await seedDemo(database.db);
  const server = await serveForTest(database);
  const chromium = await launchChromium();
  return {
    url: server.url,
    browser: chromium.browser,
    demo,
    close: async () => {
      await chromium.close();
      await server.close();
      await database.close();
    },
  };
}
