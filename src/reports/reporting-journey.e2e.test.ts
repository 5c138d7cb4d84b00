import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, resolveGrant } from '../accounts/service.ts';
import { cliActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { activityFields } from '../drafting/activity-form/fields.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { allocateSymbol } from '../review/symbols.ts';
import { launchChromium, serveForTest } from '../testing/browser.ts';
import { reports } from './schema.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text as a reader sees it: wraps, table cells and no-break spaces are plain spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

const zebra = 'Zebra patent drafting clinic';
const librarians = 'Copyright clinic for librarians';
const firstNarrative = [
  'Canada reports on its technical cooperation in 2021–2022.',
  'The Annex lists the programmes and projects.',
];
const fixedNarrative = [
  'Canada reports on its technical cooperation in 2021–2022.',
  'The Zebra patent drafting clinic trained 40 patent agents from Ghana and Kenya in March 2022.',
  'The Annex lists the programmes and projects.',
];

/**
 * The template the draft page links to, filled in as a reporter would: one activity per row under
 * the header row, by column label. Returns the workbook and the letter of each labelled column.
 */
async function filledTemplate(
  template: Buffer,
  rows: Array<Record<string, string>>,
): Promise<{ bytes: Buffer; columnOf: (label: string) => string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Activities');
  if (!sheet) throw new Error('the template has no "Activities" sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    columns.set(String(cell.value), column);
  });
  const columnOf = (label: string) => {
    const column = columns.get(label);
    if (!column) throw new Error(`the template has no column "${label}"`);
    return sheet.getColumn(column).letter;
  };
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    for (const [label, value] of Object.entries(values)) row.getCell(columnOf(label)).value = value;
    row.commit();
  });
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), columnOf };
}

describe('an Art. 67 report from the first draft to the public gateway (Chromium, no JavaScript)', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let expectedSymbol: string;
  const password = 'a long enough passphrase';
  const reporterEmail = 'reporting.officer@cipo.example';
  const secretariatEmail = 'reviewer@wto.example';
  /** Console errors of every page: a resource blocked by the strict CSP shows up here. */
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await addUser(database.db, cliActor, {
      email: reporterEmail,
      displayName: 'Reporting officer of Canada',
      grant: await resolveGrant(database.db, 'reporter', { party: 'CAN' }),
      password,
    });
    await addUser(database.db, cliActor, {
      email: secretariatEmail,
      displayName: 'Reviewer at the Secretariat',
      grant: await resolveGrant(database.db, 'secretariat', {}),
      password,
    });
    // The demo knows no earlier symbol of Canada: the officer sets the number (else the next one is proposed).
    expectedSymbol = (await allocateSymbol(database.db, 'CAN')) ?? 'IP/C/R/TC/CAN/5';
    server = await serveForTest(database);
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  /** A fresh browser profile without JavaScript, watched for console errors. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  /** A fresh profile signed in through the sign-in form. */
  async function signIn(email: string): Promise<Page> {
    const page = await freshPage();
    await page.goto(`${server.url}/en/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/en/workspace`);
    return page;
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const narrativeSection = (page: Page) => page.locator('section[aria-labelledby="narrative-title"]');

  it('drafts, uploads, submits, is returned, resubmits, is published and is found by a visitor', async () => {
    // 1. The reporter of Canada signs in.
    const reporter = await signIn(reporterEmail);
    await reporter.getByRole('link', { name: 'Art. 67 and Art. 66.2 reports' }).click();
    await expect(heading(reporter)).resolves.toBe('Art. 67 and Art. 66.2 reports');

    // 2. The 2021–2022 report starts from the published 2020–2021 one.
    await reporter.getByLabel('First day of the period').fill('2021-01-01');
    await reporter.getByLabel('Last day of the period').fill('2022-12-31');
    await reporter.getByRole('button', { name: 'Start the report' }).click();
    await expect(heading(reporter)).resolves.toBe('Report of Canada, 2021–2022');
    const reportId = reportIdFrom(reporter.url());
    const listed = reporter.locator('.drafted-activities > li');
    const carried = listed.filter({ hasText: 'carried forward from 2020–2021' });
    const startCount = await listed.count();
    expect(await carried.count()).toBeGreaterThan(0);
    expect(await carried.count()).toBe(startCount);
    await expect(reporter.getByText('Status: Draft').isVisible()).resolves.toBe(true);

    // 3. The template from the draft page, filled in with one bad row (an unknown beneficiary).
    const templateHref = await reporter
      .getByRole('link', { name: 'Download the template (XLSX)' })
      .getAttribute('href');
    const templateResponse = await reporter.context().request.get(`${server.url}${templateHref}`);
    expect(templateResponse.status()).toBe(200);
    expect(templateResponse.headers()['content-type']).toContain(xlsxType);
    const template = await templateResponse.body();
    const zebraRow = {
      Title: zebra,
      Description: 'Hands-on drafting of patent claims for patent agents.',
      'Start date': '2022-03',
      'End date': '2022-03',
      Beneficiaries: 'Ghana; Atlantis',
    };
    const librariansRow = { Title: librarians, 'Start date': '2022-05-10', Beneficiaries: 'Kenya' };
    const bad = await filledTemplate(template, [librariansRow, zebraRow]);
    const beneficiariesColumn = bad.columnOf('Beneficiaries');
    expect(beneficiariesColumn).toBe(
      String.fromCharCode(65 + activityFields.findIndex((field) => field.key === 'beneficiaries')),
    );

    await reporter.getByLabel('Spreadsheet to upload').setInputFiles({
      name: 'canada-2021-2022.xlsx',
      mimeType: xlsxType,
      buffer: bad.bytes,
    });
    await reporter.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(heading(reporter)).resolves.toBe('Spreadsheet preview');
    const previewRows = reporter.locator('tbody tr');
    await expect(previewRows.count()).resolves.toBe(2);
    await expect(previewRows.nth(0).locator('th').innerText()).resolves.toBe('2');
    await expect(previewRows.nth(0).innerText()).resolves.toContain('ready');
    const badRow = previewRows.nth(1);
    await expect(badRow.locator('th').innerText()).resolves.toBe('3');
    const badProblems = await badRow.locator('td.cell-invalid').allInnerTexts();
    expect(badProblems).toHaveLength(1);
    expect(badProblems[0]).toContain(`Column ${beneficiariesColumn}:`);
    expect(badProblems[0]).toContain('Unknown party or region: Atlantis');
    await expect(reporter.getByRole('button', { name: 'Import the good row' }).isVisible()).resolves.toBe(
      true,
    );

    // The reporter corrects the file and uploads it again from the preview, then imports it.
    const fixed = await filledTemplate(template, [
      librariansRow,
      { ...zebraRow, Beneficiaries: 'Ghana; Kenya' },
    ]);
    await reporter.getByLabel('Spreadsheet to upload').setInputFiles({
      name: 'canada-2021-2022-fixed.xlsx',
      mimeType: xlsxType,
      buffer: fixed.bytes,
    });
    await reporter.getByRole('button', { name: 'Upload and preview' }).click();
    await expect(heading(reporter)).resolves.toBe('Spreadsheet preview');
    await expect(reporter.locator('tbody .field-error').count()).resolves.toBe(0);
    await reporter.getByRole('button', { name: 'Import the 2 good rows' }).click();
    await expect(heading(reporter)).resolves.toBe('Report of Canada, 2021–2022');
    await expect(reporter.getByRole('status').innerText()).resolves.toBe(
      '2 programmes were imported from the spreadsheet.',
    );
    await expect(listed.count()).resolves.toBe(startCount + 2);
    const zebraItem = listed.filter({ has: reporter.getByRole('heading', { name: zebra }) });
    await expect(zebraItem.count()).resolves.toBe(1);
    const zebraText = await zebraItem.innerText();
    expect(zebraText).toContain('from spreadsheet');
    expect(zebraText).toContain('not public until the report is published');
    expect(zebraText).toContain('Ghana');
    expect(zebraText).toContain('Kenya');

    // Not public yet: an anonymous visitor does not find it.
    const early = await freshPage();
    await early.goto(`${server.url}/en/search?q=Zebra`);
    await expect(early.getByRole('link', { name: zebra }).count()).resolves.toBe(0);

    // 4. The narrative, then submission.
    await reporter.getByLabel('Paragraphs of the narrative').fill(firstNarrative.join('\n\n'));
    await reporter.getByRole('button', { name: 'Save the narrative' }).click();
    await expect(reporter.getByRole('status').innerText()).resolves.toBe('Saved.');
    // Submitting asks to confirm: the step opens, then the confirming button acts.
    await reporter.locator('summary', { hasText: 'Submit the report' }).click();
    await reporter.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect(reporter.getByRole('status').innerText()).resolves.toBe(
      'The report was submitted to the WTO Secretariat.',
    );
    await expect(reporter.getByText('Status: Submitted').isVisible()).resolves.toBe(true);

    // 5. The Secretariat returns it with a comment on the narrative.
    const comment = 'Please say how many people the Zebra clinic trained.';
    const secretariat = await signIn(secretariatEmail);
    await secretariat.getByRole('link', { name: 'Reports to review' }).click();
    await expect(heading(secretariat)).resolves.toBe('Reports to review');
    await secretariat.getByRole('link', { name: 'Report of Canada, 2021–2022' }).click();
    await expect(heading(secretariat)).resolves.toBe('Review: Report of Canada, 2021–2022');
    expect(new URL(secretariat.url()).pathname).toBe(`/en/secretariat/reports/${reportId}`);
    await expect(secretariat.locator('ol.narrative > li').allInnerTexts()).resolves.toEqual(firstNarrative);
    await expect(secretariat.locator('main').innerText()).resolves.toContain(zebra);
    await secretariat.getByLabel('Comment on the narrative').fill(comment);
    await secretariat.getByRole('button', { name: 'Return to the reporter with these comments' }).click();
    await expect(secretariat.getByRole('status').innerText()).resolves.toBe(
      'The report was returned to the reporting officers with 1 comment.',
    );

    // 6. The reporter finds the comment beside the narrative, fixes it and submits again.
    await reporter.goto(`${server.url}/en/drafting`);
    await reporter.getByRole('link', { name: 'Open: 2021–2022, Original' }).click();
    await expect(heading(reporter)).resolves.toBe('Report of Canada, 2021–2022');
    await expect(reporter.getByText('Status: Returned with comments').isVisible()).resolves.toBe(true);
    const aside = narrativeSection(reporter).getByRole('complementary', {
      name: 'Comment of the Secretariat',
    });
    await expect(aside.innerText()).resolves.toContain(comment);
    await expect(
      narrativeSection(reporter).getByLabel('Paragraphs of the narrative').inputValue(),
    ).resolves.toBe(firstNarrative.join('\n\n'));
    await reporter.getByLabel('Paragraphs of the narrative').fill(fixedNarrative.join('\n\n'));
    await reporter.getByRole('button', { name: 'Save the narrative' }).click();
    await expect(reporter.getByRole('status').innerText()).resolves.toBe('Saved.');
    // Submitting asks to confirm: the step opens, then the confirming button acts.
    await reporter.locator('summary', { hasText: 'Submit the report' }).click();
    await reporter.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect(reporter.getByRole('status').innerText()).resolves.toBe(
      'The report was submitted to the WTO Secretariat.',
    );
    await expect(reporter.getByText('Status: Submitted').isVisible()).resolves.toBe(true);

    // 7. The Secretariat publishes it with the default circulation date (today).
    await secretariat.getByRole('link', { name: 'Back to the reports to review' }).click();
    await secretariat.getByRole('link', { name: 'Report of Canada, 2021–2022' }).click();
    await expect(secretariat.locator('ol.narrative > li').allInnerTexts()).resolves.toEqual(fixedNarrative);
    await expect(secretariat.locator('main').innerText()).resolves.toContain(
      'The report becomes public with the symbol below',
    );
    await secretariat.getByLabel('Document symbol').fill(expectedSymbol);
    const today = new Date().toISOString().slice(0, 10);
    await expect(secretariat.getByLabel('Circulation date').inputValue()).resolves.toBe(today);
    await secretariat.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(secretariat.getByRole('status').innerText()).resolves.toBe(
      `The report is published as ${expectedSymbol}.`,
    );
    expect(expectedSymbol).toMatch(/^IP\/C\/R\/TC\/CAN\/\d+$/);
    await expect(secretariat.locator('main').innerText()).resolves.toContain(expectedSymbol);
    const [stored] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(stored).toMatchObject({
      status: 'published',
      symbol: expectedSymbol,
      circulationDate: today,
      narrative: fixedNarrative,
    });

    // 8. An anonymous visitor, in a profile of their own, finds the activity and the document.
    const visitor = await freshPage();
    expect(await visitor.context().cookies()).toEqual([]);
    await visitor.goto(`${server.url}/en/`);
    await visitor.getByLabel('Search programmes and activities').fill('Zebra');
    await visitor.getByRole('button', { name: 'Search', exact: true }).click();
    expect(visitor.url()).toContain('/en/search?q=Zebra');
    await expect(visitor.getByRole('status').innerText()).resolves.toContain('1 activity');
    await visitor.getByRole('link', { name: zebra }).click();
    await expect(heading(visitor)).resolves.toBe(zebra);
    const activityText = await visitor.locator('main').innerText();
    expect(activityText).toContain('Ghana');
    expect(activityText).toContain('Kenya');

    await visitor.goto(`${server.url}/en/reports`);
    const cycle = visitor.locator('section', { has: visitor.getByRole('heading', { name: '2021–2022' }) });
    await expect(cycle.locator('li', { hasText: 'Canada' }).innerText()).resolves.toContain(
      `(${expectedSymbol})`,
    );
    await cycle.getByRole('link', { name: 'Canada', exact: true }).click();
    expect(new URL(visitor.url()).pathname).toBe(`/en/reports/${reportId}`);
    await expect(heading(visitor)).resolves.toBe('Technical cooperation activities of Canada, 2021–2022');
    const reportText = await visitor.locator('main').innerText();
    expect(reportText).toContain(expectedSymbol);
    expect(reportText).toContain(zebra);
    await expect(visitor.locator('ol.narrative > li').allInnerTexts()).resolves.toEqual(fixedNarrative);

    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: 'Download DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${expectedSymbol.replaceAll('/', '-')}.docx`);
    const docx = await readFile(await download.path());
    const docxText = plain((await mammoth.extractRawText({ buffer: docx })).value);
    expect(docxText).toContain(expectedSymbol);
    expect(docxText).toContain(zebra);
    expect(docxText).toContain(librarians);
    for (const paragraph of fixedNarrative) expect(docxText).toContain(paragraph);
    expect(await visitor.context().cookies()).toEqual([]);

    expect(problems).toEqual([]); // nothing blocked by the strict CSP, no other console error
  }, 180_000); // about 35 s alone on the embedded database: three people, eleven forms, a DOCX
});
