import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../testing/browser.ts';

describe('report page in Chromium', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it("shows Canada's report as e-TRIPS lists it and opens a programme's data", async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(`${site.url}/en/reports/1`);
    await expect(page.title()).resolves.toContain('Technical cooperation activities of Canada, 2020–2021');
    await expect(
      page
        .getByRole('heading', { name: 'Technical cooperation activities of Canada, 2020–2021' })
        .isVisible(),
    ).resolves.toBe(true);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.nth(6).locator('td').nth(3).innerText()).resolves.toContain(
      'Venezuela, Bolivarian Republic of',
    );
    await expect(rows.nth(3).locator('td').nth(2).innerText()).resolves.toBe('—');

    // Keyboard: the skip link is the first stop and leads to the content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Skip to content',
    );

    expect(violations).toEqual([]); // the stylesheet loads under the strict CSP, nothing is blocked
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Activités de coopération technique du Canada, 2020–2021',
    );
    await page.close();
  });
});
