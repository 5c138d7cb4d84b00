import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../testing/browser.ts';
import { iatiSchemaErrors } from '../testing/xml.ts';

describe('a beneficiary finds help in the gateway (Chromium, no JavaScript)', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  const download = async (page: Page, name: string) => {
    // CSV and XLSX are the download form's buttons (they send the chosen columns); JSON and IATI are links.
    const role = name === 'CSV' || name === 'XLSX' ? 'button' : 'link';
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole(role, { name, exact: true }).click(),
    ]);
    const path = await file.path();
    return { path, text: readFileSync(path, 'utf8') };
  };

  it('searches "patent", narrows to Costa Rica, opens the pilot programme in three languages and downloads the results', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/en/');

    await page.getByLabel('Search programmes and activities').fill('patent');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(page.url()).toContain('/en/search?q=patent');
    await expect(page.getByRole('status').innerText()).resolves.toContain('activities');

    await page.getByRole('complementary').getByRole('link', { name: 'Costa Rica' }).click();
    expect(page.url()).toContain('beneficiary=CRI');
    await expect(page.getByRole('status').innerText()).resolves.toContain('1 activity');

    const csv = await download(page, 'CSV');
    expect(csv.text).toContain('Pilot Program of Training for patent examiners');
    expect(csv.text).toContain('Costa Rica; Dominican Republic');
    const iati = await download(page, 'IATI');
    expect(iati.text).toContain('<recipient-country code="CR"');
    expect(await iatiSchemaErrors(iati.text)).toEqual([]);

    await page.getByRole('link', { name: /^Pilot Program of Training for patent examiners/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(
      /^Pilot Program of Training/,
    );
    await expect(page.locator('main').innerText()).resolves.toContain('7 September 2020');

    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    const french = await page.locator('main').innerText();
    expect(french).toContain('7 septembre 2020');
    expect(french).toContain('République dominicaine');
    expect(french).toContain('Non disponible en français');

    await page.getByRole('link', { name: 'Español' }).click();
    const spanish = await page.locator('main').innerText();
    expect(spanish).toContain('7 de septiembre de 2020');
    expect(spanish).toContain('República Dominicana');
    expect(spanish).toContain('Canadá');
    await context.close();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/en/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the skip link
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('id'));
    expect(focused).toBe('q');
    await page.keyboard.type('patent');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\?q=patent/);
    await page.close();
  });
});
