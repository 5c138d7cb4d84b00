import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

/** A reporter adds, corrects and removes a result indicator in Chromium; axe on the form with errors. */
describe('result indicators in the activity form, in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let reporter: TestSession;
  let draftId: number;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    reporter = await testSession(database.db, 'results.e2e@cipo.example', 'reporter', { party: 'CAN' });
    server = await serveForTest(database);
    chromium = await launchChromium();
    const started = await fetch(`${server.url}/en/drafting/reports`, {
      ...formRequest(reporter, {
        party: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'fr',
      }),
      redirect: 'manual',
    });
    draftId = reportIdFrom(started.headers.get('location'));
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  it('shows each error at its field, saves the indicator, and removes it when ticked', async () => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const [name = '', value = ''] = reporter.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const save = () => page.locator('form.stacked > button[type="submit"]').click();

    await page.goto(`${server.url}/fr/drafting/reports/${draftId}/activities/new`);
    await page.fill('[name="title"]', 'Séminaire sur l’examen des marques');
    await page.selectOption('[name="result-1-type"]', 'output');
    await page.selectOption('[name="result-1-measure"]', 'people-trained');
    await page.fill('[name="result-1-title"]', 'Examinateurs formés');
    await page.fill('[name="result-1-period-1-start"]', '2024-03-01');
    await page.fill('[name="result-1-period-1-end"]', '2024-02-01');
    await page.fill('[name="result-1-period-1-target"]', 'beaucoup');
    await save();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#result-1-period-1-end-error').textContent()).toBe(
      'Cette période se termine avant de commencer.',
    );
    expect(await page.locator('#result-1-period-1-target-error').textContent()).toBe(
      'Écrivez un nombre, par ex. 340 ou 87.5.',
    );
    expect(await page.locator('.error-summary a[href="#result-1-period-1-target"]').count()).toBe(1);
    // What was typed stays, and the form still offers a blank period and a blank indicator.
    expect(await page.inputValue('[name="result-1-title"]')).toBe('Examinateurs formés');
    expect(await page.locator('[name="result-1-period-2-start"]').count()).toBe(1);
    expect(await page.locator('[name="result-2-title"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('[name="result-1-period-1-end"]', '2024-03-31');
    await page.fill('[name="result-1-period-1-target"]', '30');
    await page.fill('[name="result-1-period-1-actual"]', '1 234,5');
    await save();
    await page.waitForURL(/notice=activityAdded/);
    const details = page.locator('details.result-details').last();
    await details.locator('summary').click();
    expect(await details.textContent()).toContain('Examinateurs formés');
    expect(await details.textContent()).toContain(
      '1\u202f234,5 personnes formées atteint (cible 30 personnes formées)',
    );
    expect(await axeViolations(page)).toEqual([]);

    const edit = await page.locator('a[href$="/edit"]', { hasText: 'Modifier' }).last().getAttribute('href');
    await page.goto(`${server.url}${edit}`);
    expect(await page.inputValue('[name="result-1-period-1-actual"]')).toBe('1234.5');
    await page.check('[name="result-1-remove"]');
    await save();
    await page.waitForURL(/notice=activitySaved/);
    expect(await page.locator('details.result-details').count()).toBe(0);
    await context.close();
  }, 240_000);
});
