import { and, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { reportActivities, reports } from '../reports/schema.ts';

describe.each(testBackends)('symbols as the WTO numbers them (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let secretariat: TestSession;
  let reporter: TestSession;
  let demoId: number;
  let submittedId: number;

  const get = (path: string, session: TestSession = secretariat) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const post = (path: string, fields: Record<string, string>, session: TestSession = secretariat) =>
    app.request(path, formRequest(session, fields));
  const insertReport = async (values: Partial<typeof reports.$inferInsert>) => {
    const [row] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2016-01-01',
        periodEnd: '2016-12-31',
        originalLanguage: 'en',
        narrative: ['Canada cooperates.'],
        status: 'published',
        source: 'test',
        ...values,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('no report');
    return row.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const demo = await seedDemo(database.db);
    demoId = demo.reportId;
    app = createApp(database);
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives a report imported without a symbol its symbol, legacy series accepted, checked and audited', async () => {
    const page = await (await get(`/en/secretariat/reports/${demoId}`)).text();
    expect(page).toContain('Give this report its symbol');
    const cycles = await (await get('/en/secretariat/cycles?period=2020-2021')).text();
    expect(cycles).toContain(`/en/secretariat/reports/${demoId}#give-symbol`);

    const bad = await post(`/fr/secretariat/reports/${demoId}/symbol`, { given_symbol: 'rapport 3' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Ce n’est pas une cote de document de l’OMC');
    await insertReport({ symbol: 'IP/C/R/TC/CAN/3' });
    const taken = await post(`/en/secretariat/reports/${demoId}/symbol`, { given_symbol: 'IP/C/R/TC/CAN/3' });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('Another report already has the symbol IP/C/R/TC/CAN/3.');

    const given = await post(`/en/secretariat/reports/${demoId}/symbol`, {
      given_symbol: 'ip/c/w/584/add.3',
    });
    expect(given.status).toBe(303);
    const [demo] = await database.db.select().from(reports).where(eq(reports.id, demoId));
    expect(demo?.symbol).toBe('IP/C/W/584/Add.3');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'give-symbol'), eq(auditLog.recordId, String(demoId))));
    expect(audit?.after).toMatchObject({ symbol: 'IP/C/W/584/Add.3' });
    expect(await (await get(`/en/secretariat/reports/${demoId}?done=symbol`)).text()).toContain(
      'The report now has the symbol IP/C/W/584/Add.3.',
    );
    const again = await post(`/en/secretariat/reports/${demoId}/symbol`, { given_symbol: 'IP/C/R/TC/CAN/9' });
    expect(again.status).toBe(409);
  });

  it('numbers a revision of it from the symbol given', async () => {
    const revisionId = await insertReport({
      periodStart: '2020-01-01',
      periodEnd: '2021-12-31',
      status: 'submitted',
      revisionOf: demoId,
      revisionKind: 'corrigendum',
      revisionNumber: 1,
    });
    const page = await (await get(`/en/secretariat/reports/${revisionId}`)).text();
    expect(page).toContain('The report becomes public with the symbol IP/C/W/584/Add.3/Corr.1');
  });

  it('proposes the next number after the party’s known symbols, lets the officer set another, unique', async () => {
    submittedId = await insertReport({
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      status: 'submitted',
    });
    const page = await (await get(`/en/secretariat/reports/${submittedId}`)).text();
    expect(page).toContain('Proposed: the next number of Canada in the series IP/C/R/TC/CAN/n.');
    expect(page).toMatch(/id="symbol"[^>]*value="IP\/C\/R\/TC\/CAN\/4"/);

    const taken = await post(`/en/secretariat/reports/${submittedId}/publish`, {
      circulation_date: '2024-02-01',
      symbol: 'IP/C/R/TC/CAN/3',
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('Another report already has the symbol IP/C/R/TC/CAN/3.');
    const otherSeries = await post(`/es/secretariat/reports/${submittedId}/publish`, {
      circulation_date: '2024-02-01',
      symbol: 'IP/C/R/TC/USA/9',
    });
    expect(otherSeries.status).toBe(400);
    expect(await otherSeries.text()).toContain('La signatura debe pertenecer a la serie IP/C/R/TC/CAN/n');
    const [still] = await database.db.select().from(reports).where(eq(reports.id, submittedId));
    expect(still?.status).toBe('submitted');

    const published = await post(`/en/secretariat/reports/${submittedId}/publish`, {
      circulation_date: '2024-02-01',
      symbol: 'IP/C/R/TC/CAN/6',
    });
    expect(published.status).toBe(303);
    const [after] = await database.db.select().from(reports).where(eq(reports.id, submittedId));
    expect(after).toMatchObject({ status: 'published', symbol: 'IP/C/R/TC/CAN/6' });
  });

  it('starts a revision that replaces the whole document, numbered /Rev.1', async () => {
    await database.db.insert(reportActivities).values({ reportId: submittedId, activityId: 1, rowNumber: 1 });
    const started = await post(
      `/en/drafting/reports/${submittedId}/revisions`,
      { kind: 'revision' },
      reporter,
    );
    expect(started.status).toBe(303);
    const revisionId = reportIdFrom(started.headers.get('location'));
    const [revision] = await database.db.select().from(reports).where(eq(reports.id, revisionId));
    expect(revision).toMatchObject({ revisionKind: 'revision', revisionNumber: 1, revisionOf: submittedId });
    const french = await (await get(`/fr/drafting/reports/${revisionId}`, reporter)).text();
    expect(french).toContain('Révision 1');
    await database.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, revisionId));
    const review = await (await get(`/en/secretariat/reports/${revisionId}`)).text();
    expect(review).toContain('The report becomes public with the symbol IP/C/R/TC/CAN/6/Rev.1');
  });

  it('gives an addendum a document that carries only what it adds', async () => {
    const addendumId = await insertReport({
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      narrative: ['Canada cooperates.', 'A paragraph the addendum adds.'],
      revisionOf: submittedId,
      revisionKind: 'addendum',
      revisionNumber: 1,
      symbol: 'IP/C/R/TC/CAN/6/Add.1',
      publishedAt: new Date(),
    });
    await database.db.insert(reportActivities).values({ reportId: addendumId, activityId: 2, rowNumber: 1 });
    const docx = await get(`/en/reports/${addendumId}.docx`);
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain('The following is added to document IP/C/R/TC/CAN/6:');
    expect(text).toContain('A paragraph the addendum adds.');
    expect(text).not.toContain('Canada cooperates.');
    expect(text).toContain('Pilot Program of Training for patent examiners');
    // The report page still shows the whole.
    const page = await (await app.request(`/en/reports/${addendumId}`)).text();
    expect(page).toContain('Canada cooperates.');
  });
});
