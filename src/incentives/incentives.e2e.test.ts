import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedIncentivesDemo } from '../demo/incentives-demo.ts';
import { languages } from '../i18n/languages.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

/**
 * A reporter drafts an Art. 66.2 report in Chromium, the Secretariat publishes it, a visitor
 * filters the incentives for an LDC and downloads them; axe on every new page in three languages.
 */
describe('Art. 66.2 incentives in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let reporter: TestSession;
  let secretariat: TestSession;
  let sampleReport: number;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    sampleReport = (await seedIncentivesDemo(database.db)).reportId;
    reporter = await testSession(database.db, 'tti.e2e@cipo.example', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'tti.e2e@wto.example', 'secretariat');
    server = await serveForTest(database);
    chromium = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  const signedIn = async (session: TestSession | null): Promise<Page> => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    if (session) {
      const [name = '', value = ''] = session.cookie.split('=');
      await context.addCookies([{ name, value, url: server.url }]);
    }
    return context.newPage();
  };

  it('drafts, publishes, filters and downloads, with no axe violation in three languages', async () => {
    const page = await signedIn(reporter);
    const failures: string[] = [];
    const check = async (path?: string) => {
      if (path) await page.goto(`${server.url}${path}`);
      failures.push(...(await axeViolations(page)).map((v) => `${page.url()}: ${v}`));
    };

    // The reporter starts a detailed Art. 66.2 report for 2024.
    await page.goto(`${server.url}/en/drafting`);
    await page.getByLabel('Kind of report').selectOption('art66-2');
    await page.getByLabel('Format of an Article 66.2 report').selectOption('detailed');
    await page.getByLabel('First day of the period').fill('2024');
    await page.getByLabel('Last day of the period').fill('2024');
    await page.getByRole('button', { name: 'Start the report' }).click();
    await page.waitForURL(/\/drafting\/reports\/\d+$/);
    const draftPath = new URL(page.url()).pathname.replace(/^\/en/, '');
    await check();

    // A refused incentive shows its errors at the fields; then a good one is added.
    await page.getByRole('link', { name: 'Add an incentive' }).click();
    await page.getByRole('button', { name: 'Save the incentive' }).click();
    expect(await page.locator('#title-error').textContent()).toBe('This field is required.');
    await check();
    await page.getByLabel('Title').fill('Seed laboratories for Haiti');
    await page.getByLabel('Type of incentive').selectOption('capacity-building');
    await page.getByLabel('Haiti').check();
    await page.getByLabel('Agriculture and food').check();
    await page.getByLabel('How far it is specific to LDCs').selectOption('specific');
    await page.getByLabel('Amount spent or committed').fill('250 000');
    await page.getByLabel('Currency').fill('CAD');
    await page.getByRole('button', { name: 'Save the incentive' }).click();
    await page.waitForURL(/notice=incentiveAdded/);
    expect(await page.locator('.notice').textContent()).toContain('The incentive is added.');
    // More incentives from the template, filled in offline: the preview, then the import.
    const template = await fetch(`${server.url}/en${draftPath}/incentives/template.xlsx`, {
      headers: { Cookie: reporter.cookie },
    });
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    await page.goto(`${server.url}/en${draftPath}`);
    await page.getByLabel('Spreadsheet to upload').setInputFiles({
      name: 'incentives.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Title,Type of incentive,LDC beneficiaries,How far it is specific to LDCs\n' +
          'Water pumps for Haitian cooperatives,financial,HTI — Haiti,specific\n' +
          'Unknown row,bribes,,general\n',
      ),
    });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.waitForURL(/incentives\/upload\//);
    await check();
    await page.getByRole('button', { name: 'Import the good row' }).click();
    await page.waitForURL(/notice=incentiveAdded/);
    for (const lang of languages) {
      await check(`/${lang}${draftPath}`);
      await check(`/${lang}${draftPath}/incentives/new`);
    }

    // Submitted by the reporter, published by the Secretariat in the Art. 66.2 series.
    const id = Number(/\d+$/.exec(draftPath)?.[0]);
    const submitted = await fetch(`${server.url}/en${draftPath}/submit`, {
      ...formRequest(reporter, {}),
      redirect: 'manual',
    });
    expect(submitted.status).toBe(303);
    const published = await fetch(`${server.url}/en/secretariat/reports/${id}/publish`, {
      ...formRequest(secretariat, { circulation_date: '2025-03-01', symbol: 'IP/C/R/TTI/CAN/2' }),
      redirect: 'manual',
    });
    expect(published.status).toBe(303);

    // A visitor filters for Haiti and downloads the result.
    const visitor = await signedIn(null);
    await visitor.goto(`${server.url}/en/incentives`);
    await visitor.getByRole('link', { name: 'Haiti', exact: true }).click();
    await visitor.waitForURL(/ldc=HTI/);
    expect(await visitor.locator('#incentive-count').textContent()).toBe('3 incentives');
    const csvHref = await visitor.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csvHref).toContain('ldc=HTI');
    const csv = await (await fetch(`${server.url}${csvHref}`)).text();
    expect(csv).toContain('Seed laboratories for Haiti');
    expect(csv).not.toContain('University partnerships');

    for (const lang of languages) {
      for (const path of [
        `/${lang}/incentives`,
        `/${lang}/incentives?ldc=HTI&type=capacity-building`,
        `/${lang}/incentives/1`,
        `/${lang}/reports/${sampleReport}`,
        `/${lang}/reports/${id}`,
        `/${lang}/reports?kind=art66-2`,
        `/${lang}/parties/CAN`,
      ]) {
        await visitor.goto(`${server.url}${path}`);
        failures.push(...(await axeViolations(visitor)).map((v) => `${path}: ${v}`));
      }
    }
    expect(failures).toEqual([]);
    await page.context().close();
    await visitor.context().close();
  }, 300_000);
});
