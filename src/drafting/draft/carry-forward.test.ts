import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { auditLog } from '../../audit/schema.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { reportIdFrom } from '../test-helpers.ts';

describe.each(testBackends)('carrying a report forward as the reporter means it (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let officer: TestSession;
  let corrigendumId: number;
  let draftId: number;

  const get = (path: string) => app.request(path, { headers: { Cookie: officer.cookie } });
  const listOf = (reportId: number) =>
    database.db
      .select()
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId))
      .orderBy(asc(reportActivities.rowNumber));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    const { db } = database;
    // Ended before the new period, completed, and ending inside it: left, left, carried.
    await db
      .update(activities)
      .set({ endDate: '2020-06-30', endPrecision: 'day' })
      .where(eq(activities.id, 9));
    await db.update(activities).set({ status: 'completed' }).where(eq(activities.id, 10));
    await db
      .update(activities)
      .set({ endDate: '2022-03-31', endPrecision: 'day' })
      .where(eq(activities.id, 8));
    // A published corrigendum of the 2020–2021 report that no longer lists programme 7.
    const [original] = await db.select().from(reports).where(eq(reports.id, 1));
    if (!original) throw new Error('the demo report is missing');
    const [corrigendum] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        periodPrecision: original.periodPrecision,
        originalLanguage: 'en',
        narrative: original.narrative,
        status: 'published',
        source: 'test',
        revisionOf: 1,
        revisionKind: 'corrigendum',
        revisionNumber: 1,
        publishedAt: new Date('2022-05-01T00:00:00Z'),
      })
      .returning();
    if (!corrigendum) throw new Error('corrigendum not stored');
    corrigendumId = corrigendum.id;
    const rows = (await listOf(1)).filter((row) => row.activityId !== 7);
    await db
      .insert(reportActivities)
      .values(rows.map((row, index) => ({ ...row, reportId: corrigendumId, rowNumber: index + 1 })));
    app = createApp(database);
    officer = await testSession(db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('proposes the period of the same length from the day after the last report ends', async () => {
    const html = await (await get('/en/drafting')).text();
    expect(html).toContain('First day of the period');
    expect(html).toMatch(/id="periodStart-CAN"[^>]*value="2022-01-01"/);
    expect(html).toMatch(/id="periodEnd-CAN"[^>]*value="2023-12-31"/);
    const french = await (await get('/fr/drafting')).text();
    expect(french).toContain('Premier jour de la période');
  });

  it('refuses a day that does not exist, at the field, in the user’s language', async () => {
    const response = await app.request(
      '/es/drafting/reports',
      formRequest(officer, { party: 'CAN', periodStart: '2022-02-30', periodEnd: '2023-12-31' }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Indique una fecha, p. ej. 2022-01-01');
  });

  it('carries from the latest published version what ends in the new period, and asks about the undated', async () => {
    const response = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2022-01-01',
        periodEnd: '2023-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(response.status).toBe(303);
    draftId = reportIdFrom(response.headers.get('location'));
    const [draft] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    expect(draft).toMatchObject({ carriedForwardFrom: corrigendumId, periodPrecision: 'year' });
    const list = await listOf(draftId);
    // 7 left by the corrigendum, 9 ended in 2020, 10 completed; 8 ends in March 2022.
    expect(list.map((row) => [row.activityId, row.carriedUndated])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
      [8, false],
    ]);

    const html = await (await get(`/en/drafting/reports/${draftId}`)).text();
    expect(html).toContain('Carried forward without an end date (6)');
    expect(html).toContain('Keep in the report');
    expect(html).not.toContain('overlaps the published report');
    // The carried narrative still says "covering the 2020-2021 period".
    expect(html).toContain('These sentences still name the period of the earlier report (2020–2021)');
    expect(html).toContain('covering the 2020-2021 period.');
    const french = await (await get(`/fr/drafting/reports/${draftId}`)).text();
    expect(french).toContain('Repris sans date de fin (6)');
    expect(french).toContain('Ces phrases mentionnent encore la période du rapport précédent');
  });

  it('keeps or drops each undated programme, audited', async () => {
    const kept = await app.request(
      `/en/drafting/reports/${draftId}/activities/1/keep`,
      formRequest(officer, {}),
    );
    expect(kept.status).toBe(303);
    expect(kept.headers.get('location')).toContain('notice=activityKept');
    const dropped = await app.request(
      `/en/drafting/reports/${draftId}/activities/2/remove`,
      formRequest(officer, {}),
    );
    expect(dropped.status).toBe(303);
    const list = await listOf(draftId);
    expect(list.find((row) => row.activityId === 1)?.carriedUndated).toBe(false);
    expect(list.some((row) => row.activityId === 2)).toBe(false);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'keep-carried'), eq(auditLog.recordId, `${draftId}:1`)));
    expect(audit?.after).toEqual({ carriedUndated: false });
    const html = await (await get(`/en/drafting/reports/${draftId}?notice=activityKept`)).text();
    expect(html).toContain('The programme stays on the report.');
    expect(html).toContain('Carried forward without an end date (4)');
    const missing = await app.request(
      `/en/drafting/reports/${draftId}/activities/9/keep`,
      formRequest(officer, {}),
    );
    expect(missing.status).toBe(404);
  });

  it('leaves the Article 67 paragraph out of the document while the narrative quotes the Article', async () => {
    const preview = await (await get(`/en/drafting/reports/${draftId}/preview`)).text();
    expect(preview).not.toContain('This document reproduces the information received');
    const [draft] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    const saved = await app.request(
      `/en/drafting/reports/${draftId}/narrative`,
      formRequest(officer, {
        narrative: 'Canada reports on its cooperation in 2022 and 2023.',
        grouping: 'level-agency',
        version: String(draft?.version),
      }),
    );
    expect(saved.status).toBe(303);
    const after = await (await get(`/en/drafting/reports/${draftId}/preview`)).text();
    expect(after).toContain('This document reproduces the information received from Canada');
    const page = await (await get(`/en/drafting/reports/${draftId}`)).text();
    expect(page).not.toContain('These sentences still name the period');
  });

  it('warns when the period overlaps a published report', async () => {
    const response = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2021-07-01',
        periodEnd: '2022-06-30',
        originalLanguage: 'en',
      }),
    );
    expect(response.status).toBe(303);
    const id = reportIdFrom(response.headers.get('location'));
    const html = await (
      await app.request(`/es/drafting/reports/${id}`, { headers: { Cookie: officer.cookie } })
    ).text();
    expect(html).toContain('Este período se superpone con el del informe publicado para 2020–2021');
    const english = await (await get(`/en/drafting/reports/${id}`)).text();
    expect(english).toContain('This period overlaps the published report for 2020–2021');
  });
});
