import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../app.tsx';
import { config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';

// What every browser test shares: Chromium started the one way this project's machines allow,
// the app served on loopback, the demo site, and axe-core's accessibility check.

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

/**
 * The demo registry in memory, served on loopback, with Chromium ready: what every browser test
 * starts from; `needs` adds the sample needs assessments (Uganda, Cambodia).
 */
export async function startDemoSite(options: { needs?: boolean } = {}): Promise<DemoSite> {
  const database = await openTestDatabase('embedded');
  const demo = await seedDemo(database.db);
  if (options.needs) await seedNeedsDemo(database.db);
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const axeRules = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type AxeResult = {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
};

/**
 * axe-core's findings on the page as it stands, one line each: rule, impact, what to do, and the
 * first three elements concerned. axe is injected as a script, so the page must belong to a
 * context opened with `bypassCSP: true`: the pages' own policy forbids inline script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // A click that submits a form returns once the new page's DOM is there, maybe before its
  // stylesheet: axe would then judge the unstyled page (its links bunched up, the skip link shown).
  await page.waitForLoadState('load');
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
        runOnly: { type: 'tag', values },
      }),
    axeRules,
  )) as AxeResult;
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
