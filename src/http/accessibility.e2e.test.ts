import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../i18n/languages.ts';
import { axeViolations, type DemoSite, startDemoSite } from '../testing/browser.ts';

describe('accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  let site: DemoSite;
  const pages: string[] = [];

  beforeAll(async () => {
    site = await startDemoSite({ needs: true });
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
        `/${lang}/parties/UGA`,
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
      failures.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
      await page.close();
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 360_000); // many pages, each checked by axe: a loaded machine needs the time
});
