import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { languages } from '../i18n/languages.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

/** The elements form on the activity page, as the party's reporter sees and uses it, in Chromium. */
describe('elements of Article 67 in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let reporter: TestSession;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    reporter = await testSession(database.db, 'reporter.e2e@example.org', 'reporter', { party: 'CAN' });
    server = await serveForTest(database);
    chromium = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  it('has no axe violation with the form, in three languages, and confirms what is ticked', async () => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const [name = '', value = ''] = reporter.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const failures: string[] = [];
    for (const lang of languages) {
      for (const path of [`/${lang}/activities/4`, `/${lang}/search?element=other`]) {
        await page.goto(`${server.url}${path}`);
        failures.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
      }
    }
    expect(failures).toEqual([]);
    await page.goto(`${server.url}/fr/activities/4`);
    await page.getByLabel('Formation de personnel').check();
    await page.getByRole('button', { name: 'Confirmer les éléments' }).click();
    await page.waitForURL(/done=elements/);
    expect(await page.getByRole('status').textContent()).toContain('Les éléments sont confirmés.');
    const listed = await page.locator('ul.elements li').allTextContents();
    expect(listed).toEqual(['Formation de personnel', 'Autres (sensibilisation, recherche)']);
    // Nothing ticked: the error sits at the fieldset, and the page stays accessible.
    for (const box of await page.locator('input[name="elements"]').all()) await box.uncheck();
    await page.getByRole('button', { name: 'Confirmer les éléments' }).click();
    expect(await page.locator('.field-error').textContent()).toContain('Choisissez au moins un élément.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
