import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, resolveGrant } from '../accounts/service.ts';
import { cliActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reports } from '../reports/schema.ts';
import { axeViolations as axeFindings, launchChromium, serveForTest } from '../testing/browser.ts';
import { activitiesWorkbook } from './test-helpers.ts';

const header = ['Title', 'Start date', 'Beneficiaries'];

describe("a reporter drafts Canada's 2022–2023 report in Chromium, without JavaScript", () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  const email = 'reporting.officer@cipo.example';
  const password = 'a long enough passphrase';

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await addUser(database.db, cliActor, {
      email,
      displayName: 'Reporting officer',
      grant: await resolveGrant(database.db, 'reporter', { party: 'CAN' }),
      password,
    });
    server = await serveForTest(database);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  /**
   * WCAG 2.2 AA on the page as it stands (or after `act`), in a JavaScript-enabled copy of the
   * session: axe needs script, the pages themselves do not.
   */
  async function axeViolations(page: Page, act?: (copy: Page) => Promise<void>): Promise<string[]> {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    await context.addCookies(await page.context().cookies());
    const copy = await context.newPage();
    await copy.goto(page.url());
    if (act) await act(copy);
    const found = (await axeFindings(copy)).map((v) => `${copy.url()}: ${v}`);
    await context.close();
    return found;
  }

  it('signs in, starts with carry-forward, uploads, fixes, confirms, edits the narrative and submits', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    const violations: string[] = [];

    await page.goto(`${server.url}/en/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Art. 67 and Art. 66.2 reports' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Art. 67 and Art. 66.2 reports',
    );
    violations.push(...(await axeViolations(page)));

    // The form suggests the period of the same length after the last report: 2022–2023.
    await expect(page.getByLabel('First day of the period').inputValue()).resolves.toBe('2022-01-01');
    await expect(page.getByLabel('Last day of the period').inputValue()).resolves.toBe('2023-12-31');
    await page.getByRole('button', { name: 'Start the report' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Report of Canada, 2022–2023',
    );
    await expect(page.locator('.drafted-activities > li').count()).resolves.toBe(10);
    await expect(page.getByText('carried forward from 2020–2021').first().isVisible()).resolves.toBe(true);
    violations.push(...(await axeViolations(page)));

    // A spreadsheet with one bad row: the preview names its row and column.
    const bad = await activitiesWorkbook([
      header,
      ['Copyright clinic for librarians', '2022-05-10', 'Ghana; Kenya'],
      ['IP office twinning with Peru', 'next spring', 'Peru'],
      ['Trademark examination course', '2022', 'Peru'],
    ]);
    await page.getByLabel('Spreadsheet to upload').setInputFiles({
      name: 'activities.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bad),
    });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Spreadsheet preview');
    const badRow = page.locator('tbody tr').nth(1);
    await expect(badRow.locator('th').innerText()).resolves.toBe('3');
    // The refused cell is marked in the Start date column, its message inside.
    await expect(badRow.locator('td.cell-invalid').innerText()).resolves.toContain('Column B:');
    await expect(page.getByRole('button', { name: 'Import the 2 good rows' }).isVisible()).resolves.toBe(
      true,
    );
    violations.push(...(await axeViolations(page)));

    // The reporter fixes the file and uploads it again from the preview.
    const fixed = await activitiesWorkbook([
      header,
      ['Copyright clinic for librarians', '2022-05-10', 'Ghana; Kenya'],
      ['IP office twinning with Peru', '2022-04', 'Peru'],
      ['Trademark examination course', '2022', 'Peru'],
    ]);
    await page.getByLabel('Spreadsheet to upload').setInputFiles({
      name: 'activities-fixed.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(fixed),
    });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('button', { name: 'Import the 3 good rows' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      '3 programmes were imported from the spreadsheet.',
    );
    await expect(page.locator('.drafted-activities > li').count()).resolves.toBe(13);
    await expect(page.locator('.drafted-activities > li').nth(11).innerText()).resolves.toContain(
      'IP office twinning with Peru',
    );
    await expect(page.getByText('from spreadsheet').count()).resolves.toBe(3);

    await page
      .getByLabel('Paragraphs of the narrative')
      .fill('Canada reports on 2021–2022.\n\nThe Annex lists the programmes.');
    await page.getByRole('button', { name: 'Save the narrative' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Saved.');
    violations.push(...(await axeViolations(page)));

    // The activity form, with its errors shown, and a saved edit's form.
    violations.push(
      ...(await axeViolations(page, async (copy) => {
        await copy.getByRole('link', { name: 'Add a programme or project' }).click();
        await copy.getByLabel('Start date').fill('someday');
        await copy.getByRole('button', { name: 'Save' }).click();
        expect(await copy.getByRole('alert').innerText()).toContain('This field is required.');
      })),
    );

    // Submitting asks to confirm: the step opens, then the confirming button acts.
    await page.locator('summary', { hasText: 'Submit the report' }).click();
    await page.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      'The report was submitted to the WTO Secretariat.',
    );
    await expect(page.getByText('Status: Submitted').isVisible()).resolves.toBe(true);
    await expect(page.locator('summary', { hasText: 'Submit the report' }).count()).resolves.toBe(0);

    const [stored] = await database.db.select().from(reports).where(eq(reports.status, 'submitted'));
    expect(stored?.narrative).toEqual(['Canada reports on 2021–2022.', 'The Annex lists the programmes.']);
    expect(blocked).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000); // a whole draft in the browser with an upload: a loaded machine needs the time
});
