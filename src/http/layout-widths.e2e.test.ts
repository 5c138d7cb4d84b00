import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { languages } from '../i18n/languages.ts';
import { axeViolations } from '../testing/browser.ts';
import { layoutWidths, type PageType, startPageTypeSite } from '../testing/page-types.ts';

describe('every page type fits a phone (390 px) and a laptop (1280 px) in Chromium', () => {
  let database: Database;
  let site: Awaited<ReturnType<typeof startPageTypeSite>>;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    site = await startPageTypeSite(database);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    await database?.close();
  });

  /** How far the page scrolls sideways at this width (0 when it fits), after checking it answered 200. */
  async function overflow(pageType: PageType, width: number): Promise<number> {
    const context = await site.browser.newContext({
      viewport: { width, height: 900 },
      javaScriptEnabled: false,
    });
    if (pageType.cookie) {
      const [name = '', value = ''] = pageType.cookie.split('=');
      await context.addCookies([{ name, value, url: site.url }]);
    }
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${pageType.path}`);
    expect(response?.status(), pageType.name).toBe(200);
    // Measured by a function Playwright runs in the page, not by the page's own (absent) script.
    const measured = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await context.close();
    return measured;
  }

  it('shows no page wider than the window', async () => {
    const tooWide: string[] = [];
    for (const width of layoutWidths) {
      for (const pageType of site.pages) {
        const extra = await overflow(pageType, width);
        if (extra > 0) tooWide.push(`${pageType.name} at ${width} px: ${extra} px too wide`);
      }
    }
    expect(tooWide).toEqual([]);
  }, 240_000); // many pages at two widths: a loaded machine needs the time

  it('finds no axe violation on any page type, in English, French and Spanish', async () => {
    // axe is injected by the test, so the page's own CSP (no inline script) is bypassed for it alone.
    const failures: string[] = [];
    const english = site.pages.filter((pageType) => pageType.path.startsWith('/en/'));
    for (const lang of languages) {
      for (const pageType of english) {
        const context = await site.browser.newContext({ bypassCSP: true });
        if (pageType.cookie) {
          const [name = '', value = ''] = pageType.cookie.split('=');
          await context.addCookies([{ name, value, url: site.url }]);
        }
        const page = await context.newPage();
        const path = pageType.path.replace(/^\/en\//, `/${lang}/`);
        const response = await page.goto(`${site.url}${path}`);
        expect(response?.status(), path).toBe(200);
        failures.push(...(await axeViolations(page)).map((v) => `${pageType.name} (${lang}): ${v}`));
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  }, 480_000); // every page type in three languages, each checked by axe

  it('shows search results before the filters on a phone, and the filters to their left on a laptop', async () => {
    const placement = async (width: number) => {
      const context = await site.browser.newContext({
        viewport: { width, height: 900 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${site.url}/en/search?q=patent`);
      const results = await page.locator('ol.results').boundingBox();
      const filters = await page.locator('aside.facets').boundingBox();
      const link = await page.getByRole('link', { name: 'Filters' }).isVisible();
      await context.close();
      if (!results || !filters) throw new Error('search page without results or filters');
      return { resultsFirst: results.y < filters.y, filtersLeft: filters.x < results.x, link };
    };
    await expect(placement(390)).resolves.toEqual({ resultsFirst: true, filtersLeft: false, link: true });
    await expect(placement(1280)).resolves.toEqual({ resultsFirst: false, filtersLeft: true, link: false });
  });

  it('visits the signed-in pages as well as the public ones', () => {
    expect(site.pages.filter((p) => p.cookie).map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'draft',
        'activity-form',
        'spreadsheet-preview',
        'report-review',
        'audit-trail',
      ]),
    );
  });
});
