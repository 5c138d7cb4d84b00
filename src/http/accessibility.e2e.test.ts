import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../i18n/languages.ts';
import { type DemoSite, startDemoSite } from './browser-testing.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
};

describe('accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  let site: DemoSite;
  const pages: string[] = [];

  beforeAll(async () => {
    site = await startDemoSite();
    for (const lang of languages) {
      pages.push(
        `/${lang}/`,
        `/${lang}/search?q=patent&beneficiary=CRI`,
        `/${lang}/search?ipArea=office-administration&from=2019&to=2025`,
        `/${lang}/activities/2`,
        `/${lang}/reports/${site.demo.reportId}`,
        `/${lang}/reports`,
        `/${lang}/parties/CRI`,
        `/${lang}/parties/CAN`,
        `/${lang}/no-such-page`,
      );
    }
  });
  afterAll(async () => {
    await site?.close();
  });

  it('finds no violation on the gateway pages in English, French and Spanish', async () => {
    // axe is injected by the test, so the page's own CSP (no inline script) is bypassed for it alone.
    const context = await site.browser.newContext({ bypassCSP: true });
    const failures: string[] = [];
    for (const path of pages) {
      const page = await context.newPage();
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status(), path).toBe(path.endsWith('no-such-page') ? 404 : 200);
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
          },
        }),
      )) as AxeResult;
      for (const v of result.violations) {
        failures.push(
          `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
        );
      }
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});
