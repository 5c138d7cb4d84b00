import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities } from '../activities/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels } from '../reference/labels.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';
import { publishReport } from './publish.ts';

describe('Secretariat review pages in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let secretariat: TestSession;
  const ids = { original: 0, corrigendum: 0, addendum: 0 };

  /** A submitted report of Canada listing `kept` activities, then new hidden ones with these titles. */
  async function report(values: Partial<typeof reports.$inferInsert>, titles: string[], kept: number[] = []) {
    const [row] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
        narrative: ['Canada cooperates.', 'A second paragraph.'],
        status: 'submitted',
        submittedAt: new Date(),
        source: 'test',
        ...values,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('no report');
    const made = await database.db
      .insert(activities)
      .values(
        titles.map((title) => ({
          donorPartyCode: 'CAN',
          title: { en: title },
          originalLanguage: 'en' as const,
          source: 'test',
          isPublic: false,
        })),
      )
      .returning({ id: activities.id });
    const listed = [...kept, ...made.map((activity) => activity.id)];
    await database.db
      .insert(reportActivities)
      .values(listed.map((activityId, index) => ({ reportId: row.id, activityId, rowNumber: index + 1 })));
    return { id: row.id, listed };
  }

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    const labels = await loadReferenceLabels(database.db);
    secretariat = await testSession(database.db, 'secretariat@wto.example', 'secretariat');
    const actor = { userId: secretariat.userId, label: 'secretariat@wto.example' };
    const original = await report({}, ['Patent drafting clinic', 'Trademark webinar']);
    ids.original = original.id;
    // No earlier symbol of Canada is known: the officer sets it.
    await publishReport(database.db, actor, ids.original, '2023-03-01', labels, 'IP/C/R/TC/CAN/4');
    const corrigendum = await report(
      {
        revisionOf: ids.original,
        revisionKind: 'corrigendum',
        revisionNumber: 1,
        narrative: ['Canada cooperates.', 'A corrected paragraph.'],
      },
      ['Copyright workshop'],
      original.listed.slice(0, 1),
    );
    ids.corrigendum = corrigendum.id;
    await database.db
      .update(activities)
      .set({
        title: { en: 'Patent drafting clinic for examiners' },
        startDate: '2022-05-01',
        startPrecision: 'month',
      })
      .where(eq(activities.id, original.listed[0] as number));
    await publishReport(database.db, actor, ids.corrigendum, '2023-04-01', labels);
    ids.addendum = (
      await report(
        {
          revisionOf: ids.original,
          revisionKind: 'addendum',
          revisionNumber: 1,
          narrative: ['Canada adds.'],
        },
        ['Geographical indications seminar'],
        corrigendum.listed,
      )
    ).id;
    server = await serveForTest(database);
    chromium = await launchChromium();
    // axe is injected by the test, so the page's own CSP (no inline script) is bypassed for it alone.
    context = await chromium.browser.newContext({ bypassCSP: true });
    const [name = '', value = ''] = secretariat.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
  });
  afterAll(async () => {
    await context?.close();
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  async function violations(path: string, expectedStatus = 200) {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(expectedStatus);
    const found = await axeViolations(page);
    await page.close();
    return found.map((v) => `${path}: ${v}`);
  }

  it('finds no accessibility violation on the review, cycle, settings, audit and version pages', async () => {
    const failures: string[] = [];
    for (const lang of ['en', 'fr'] as const) {
      for (const path of [
        `/${lang}/secretariat/reports`,
        `/${lang}/secretariat/reports/${ids.addendum}`,
        `/${lang}/secretariat/cycles?period=2021-2022`,
        `/${lang}/secretariat/settings`,
        `/${lang}/secretariat/audit`,
        `/${lang}/reports`,
        `/${lang}/reports/${ids.original}`,
        `/${lang}/reports/${ids.corrigendum}/changes?from=${ids.original}&to=${ids.corrigendum}`,
      ]) {
        failures.push(...(await violations(path)));
      }
    }
    expect(failures).toEqual([]);
  }, 180_000); // many pages, each checked by axe: a loaded machine needs the time

  it('returns a report from the browser without JavaScript, showing a missing comment at its field', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/en/secretariat/reports/${ids.addendum}`);
    await page.getByRole('button', { name: 'Return to the reporter with these comments' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#comment_general-error').textContent()).toContain(
      'Write at least one comment',
    );
    expect((await axeViolations(page)).map((v) => `error page: ${v}`)).toEqual([]);
    await page.getByLabel('Comment on the narrative').fill('Please date the second paragraph.');
    await page.getByRole('button', { name: 'Return to the reporter with these comments' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').textContent()).toContain(
      'returned to the reporting officers with 1 comment',
    );
    await page.close();
    const [row] = await database.db
      .select({ status: reports.status })
      .from(reports)
      .where(eq(reports.id, ids.addendum));
    expect(row?.status).toBe('returned');
  });
});
