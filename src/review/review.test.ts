import { and, eq, inArray } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities } from '../activities/schema.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportActivities, reportComments, reports } from '../reports/schema.ts';

describe.each(testBackends)('review and publication (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let secretariat: TestSession;
  let reporter: TestSession;
  let focalPoint: TestSession;
  let reportId: number;
  let corrigendumId: number;
  let activityIds: number[];
  let expectedSymbol: string;

  const get = (path: string, session?: TestSession | null) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession | null, fields: Record<string, string>) =>
    app.request(path, formRequest(session, fields));
  const html = async (path: string, session?: TestSession | null) => {
    const response = await get(path, session);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  /** A hidden activity of Canada, as a draft would hold it. */
  async function hiddenActivity(title: string) {
    const [row] = await database.db
      .insert(activities)
      .values({
        donorPartyCode: 'CAN',
        title: { en: title },
        originalLanguage: 'en',
        source: 'test',
        isPublic: false,
      })
      .returning({ id: activities.id });
    if (!row) throw new Error('no activity');
    return row.id;
  }

  async function submittedReport(values: Partial<typeof reports.$inferInsert>, listed: number[]) {
    const [row] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
        narrative: ['Canada cooperates.', 'Paragraph two as first sent.'],
        status: 'submitted',
        submittedAt: new Date(),
        source: 'test',
        ...values,
      })
      .returning({ id: reports.id });
    if (!row) throw new Error('no report');
    if (listed.length === 0) return row.id;
    await database.db.insert(reportActivities).values(
      listed.map((activityId, index) => ({
        reportId: row.id,
        activityId,
        rowNumber: index + 1,
        origin: 'manual' as const,
      })),
    );
    return row.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    secretariat = await testSession(database.db, 'secretariat@wto.example', 'secretariat');
    reporter = await testSession(database.db, 'reporter@cipo.example', 'reporter', { party: 'CAN' });
    focalPoint = await testSession(database.db, 'focal@npl.example', 'focal-point', { party: 'NPL' });
    activityIds = [
      await hiddenActivity('Zebrafish patent drafting clinic'),
      await hiddenActivity('Quokka trademark webinar'),
    ];
    reportId = await submittedReport({}, activityIds);
    // The demo knows no earlier symbol of Canada: the officer sets the number at publication.
    expectedSymbol = 'IP/C/R/TC/CAN/5';
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets only the Secretariat in, on every page and form', async () => {
    for (const path of ['reports', `reports/${reportId}`, 'cycles', 'settings', 'audit', 'audit.csv']) {
      const anonymous = await get(`/en/secretariat/${path}`);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/en\/sign-in\?next=/);
      expect((await get(`/en/secretariat/${path}`, reporter)).status, path).toBe(403);
      expect((await get(`/en/secretariat/${path}`, focalPoint)).status, path).toBe(403);
    }
    const forms = [`reports/${reportId}/return`, `reports/${reportId}/publish`, 'settings'];
    const fields = { comment_general: 'x', circulation_date: '2023-01-01', symbol_pattern: 'X/{code}/{n}' };
    for (const path of forms) {
      expect((await post(`/en/secretariat/${path}`, reporter, fields)).status, path).toBe(403);
      expect((await post(`/en/secretariat/${path}`, focalPoint, fields)).status, path).toBe(403);
      // Signed out, with a valid anonymous CSRF token: sent to sign in, nothing done.
      const anonymous = await app.request(`/en/secretariat/${path}`, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, _csrf: 'a'.repeat(43) }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: `ipcoop_csrf=${'a'.repeat(43)}`,
        },
      });
      expect(anonymous.status, path).toBe(303);
    }
    const [report] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(report?.status).toBe('submitted');
  });

  it('queues submitted reports with a review page and comment boxes', async () => {
    const queue = await html('/en/secretariat/reports', secretariat);
    expect(queue).toContain(`/en/secretariat/reports/${reportId}`);
    expect(queue).toContain('Report of Canada, 2021–2022');
    const review = await html(`/en/secretariat/reports/${reportId}`, secretariat);
    expect(review).toContain('Zebrafish patent drafting clinic');
    expect(review).toContain('Paragraph two as first sent.');
    for (const name of ['comment_general', 'comment_narrative', `comment_activity_${activityIds[0]}`]) {
      expect(review).toContain(`name="${name}"`);
    }
    expect(review).toContain('No earlier symbol of Canada in the series IP/C/R/TC/CAN/n is known');
    const workspace = await html('/en/workspace', secretariat);
    expect(workspace).toContain('/en/secretariat/reports');
    expect(workspace).toContain('/en/secretariat/audit');
    expect(await html('/en/workspace', reporter)).not.toContain('/en/secretariat/');
  });

  it('refuses to return a report without a comment, at the field, in the page language', async () => {
    const response = await post(`/fr/secretariat/reports/${reportId}/return`, secretariat, {
      comment_general: '  ',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('Écrivez au moins un commentaire');
    expect(body).toContain('id="comment_general-error"');
  });

  it('returns a report with comments and tells its reporters', async () => {
    const response = await post(`/en/secretariat/reports/${reportId}/return`, secretariat, {
      comment_general: 'Please add the budget.',
      comment_narrative: '',
      [`comment_activity_${activityIds[1]}`]: 'Which beneficiaries?',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/en/secretariat/reports/${reportId}?done=returned&count=2`,
    );
    const [report] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(report?.status).toBe('returned');
    const comments = await database.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.reportId, reportId));
    expect(comments.map((c) => [c.field, c.body, c.authorId])).toEqual([
      ['general', 'Please add the budget.', secretariat.userId],
      [`activity:${activityIds[1]}`, 'Which beneficiaries?', secretariat.userId],
    ]);
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, reporter.userId));
    expect(told.map((n) => n.link)).toContain(`/drafting/reports/${reportId}`);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'return'), eq(auditLog.recordId, String(reportId))));
    expect(audit?.actor).toBe('secretariat@wto.example');
    expect(audit?.after).toMatchObject({ status: 'returned' });
  });

  it('answers 409 to publishing or returning a report that is not submitted', async () => {
    const publish = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2023-03-01',
    });
    expect(publish.status).toBe(409);
    expect(await publish.text()).toContain('Only a submitted report can be returned or published');
    const again = await post(`/en/secretariat/reports/${reportId}/return`, secretariat, {
      comment_general: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('publishes with the next symbol, makes the programmes public and searchable, and feeds it', async () => {
    // The reporter resubmits (the drafting pages do this).
    await database.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, reportId));
    const badDate = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2023-02-30',
    });
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('Enter a date as YYYY-MM-DD');
    const farAhead = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2199-01-01',
    });
    expect(farAhead.status).toBe(400);

    const noSymbol = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2023-03-01',
    });
    expect(noSymbol.status).toBe(400);
    expect(await noSymbol.text()).toContain('Give the document symbol.');
    const response = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2023-03-01',
      symbol: expectedSymbol,
    });
    expect(response.status).toBe(303);
    const [report] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(report).toMatchObject({
      status: 'published',
      symbol: expectedSymbol,
      circulationDate: '2023-03-01',
    });
    expect(report?.publishedAt).not.toBeNull();
    expect(report?.snapshot).toMatchObject({
      symbol: expectedSymbol,
      narrative: ['Canada cooperates.', 'Paragraph two as first sent.'],
    });
    expect(await html(`/en/secretariat/reports/${reportId}?done=published`, secretariat)).toContain(
      `The report is published as ${expectedSymbol}.`,
    );

    const shown = await database.db.select().from(activities).where(inArray(activities.id, activityIds));
    expect(shown.every((a) => a.isPublic)).toBe(true);
    const search = await (await app.request('/api/v1/activities?q=zebrafish')).json();
    expect(search.items.map((item: { id: number }) => item.id)).toContain(activityIds[0]);

    const list = await html('/en/reports');
    expect(list).toContain(`/en/reports/${reportId}`);
    expect(list).toContain(expectedSymbol);
    const feed = await html('/en/reports/feed.atom');
    expect(feed).toContain(`/en/reports/${reportId}</id>`);
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, reporter.userId));
    expect(told.map((n) => n.link)).toContain(`/reports/${reportId}`);
  });

  it('publishes a corrigendum as /Corr.1 and keeps the original exactly as published', async () => {
    const added = await hiddenActivity('Narwhal copyright workshop');
    corrigendumId = await submittedReport(
      {
        revisionOf: reportId,
        revisionKind: 'corrigendum',
        revisionNumber: 1,
        narrative: ['Canada cooperates.', 'Paragraph two, corrected.'],
      },
      [...activityIds, added],
    );
    // The drafting pages edit the shared activity record.
    await database.db
      .update(activities)
      .set({ title: { en: 'Zebrafish patent drafting clinic (revised)' } })
      .where(eq(activities.id, activityIds[0] as number));
    const review = await html(`/en/secretariat/reports/${corrigendumId}`, secretariat);
    expect(review).toContain('Changes from the published version');
    expect(review).toContain(`${expectedSymbol}/Corr.1`);

    const response = await post(`/en/secretariat/reports/${corrigendumId}/publish`, secretariat, {
      circulation_date: '2023-05-02',
    });
    expect(response.status).toBe(303);
    const [corrigendum] = await database.db.select().from(reports).where(eq(reports.id, corrigendumId));
    expect(corrigendum?.symbol).toBe(`${expectedSymbol}/Corr.1`);

    const original = await html(`/en/reports/${reportId}`);
    expect(original).toContain('Zebrafish patent drafting clinic');
    expect(original).not.toContain('(revised)');
    expect(original).toContain('Paragraph two as first sent.');
    expect(original).toContain(`/en/reports/${corrigendumId}`);
    expect(original).toContain('Corrigendum 1');
    const revised = await html(`/en/reports/${corrigendumId}`);
    expect(revised).toContain('Zebrafish patent drafting clinic (revised)');
    expect(revised).toContain('Technical cooperation activities of Canada, 2021–2022 — Corrigendum 1');

    const changes = await html(`/en/reports/${corrigendumId}/changes?from=${reportId}&to=${corrigendumId}`);
    expect(changes).toContain('Paragraph 2 changed');
    expect(changes).toContain('Paragraph two as first sent.');
    expect(changes).toContain('Paragraph two, corrected.');
    expect(changes).toContain('Programmes added');
    expect(changes).toContain('Narwhal copyright workshop');
    expect(changes).toContain('Zebrafish patent drafting clinic (revised)');
    // By default, a version against the one before it.
    expect(await html(`/en/reports/${corrigendumId}/changes`)).toContain('Paragraph 2 changed');

    // The corrigendum's document lists the corrections only, as WTO corrigenda do.
    const docxText = async (lang: string) => {
      const docx = await get(`/${lang}/reports/${corrigendumId}.docx`);
      expect(docx.status).toBe(200);
      return (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    };
    const corrections = await docxText('en');
    expect(corrections).toContain(`The following corrections are made to document ${expectedSymbol}:`);
    expect(corrections).toContain('Paragraph 2: replace the text with: “Paragraph two, corrected.”');
    expect(corrections).toContain(
      'Annex, programme 1 (Zebrafish patent drafting clinic), title: read “Zebrafish patent drafting clinic (revised)”',
    );
    expect(corrections).toContain('Annex: add programme 3, Narwhal copyright workshop.');
    expect(corrections).not.toContain('Canada cooperates.');
    expect(await docxText('fr')).toContain(
      `Les corrections suivantes sont apportées au document ${expectedSymbol}`,
    );
    const demo = (
      await database.db.select({ id: reports.id }).from(reports).where(eq(reports.periodStart, '2020-01-01'))
    )[0];
    expect(
      (await get(`/en/reports/${corrigendumId}/changes?from=${demo?.id}&to=${corrigendumId}`)).status,
    ).toBe(400);

    const list = await html('/en/reports');
    expect(list.split(`href="/en/reports/${reportId}"`)).toHaveLength(2);
    expect(list).toContain(`latest revision: Corrigendum 1 (${expectedSymbol}/Corr.1)`);
    const feed = await html('/en/reports/feed.atom');
    expect(feed).toContain('Report of Canada, 2021–2022 — Corrigendum 1');
    const api = await (await app.request(`/api/v1/reports/${reportId}`)).json();
    expect(api.versions.map((v: { id: number }) => v.id)).toEqual([reportId, corrigendumId]);
  });

  it('shows each expected party in the reporting cycle with its state', async () => {
    const page = await html('/en/secretariat/cycles?period=2021-2022', secretariat);
    expect(page).toContain('data-party="CAN" data-state="published"');
    expect(page).toContain('data-party="USA" data-state="notStarted"');
    expect(page).toContain('data-party="WIPO" data-state="notStarted"');
    // Developing Members are not expected.
    expect(page).not.toContain('data-party="NPL"');
    expect(page).toContain('Corrigendum 1 (Published)');
    expect((await get('/en/secretariat/cycles?period=2022-2021', secretariat)).status).toBe(400);
  });

  it('lists the publication in the audit trail and exports it as safe CSV', async () => {
    const page = await html(
      `/en/secretariat/audit?table=reports&action=publish&record=${reportId}`,
      secretariat,
    );
    expect(page).toContain('secretariat@wto.example');
    expect(page).toContain(expectedSymbol);
    expect(page).toContain('1 change ·');
    await database.db.insert(auditLog).values({
      actor: 'cli',
      action: 'update',
      tableName: 'activities',
      recordId: String(activityIds[0]),
      after: { title: 'x' },
      note: '=HYPERLINK("http://evil.example","x")',
    });
    const response = await get(
      `/en/secretariat/audit.csv?table=activities&record=${activityIds[0]}`,
      secretariat,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect((await get('/en/secretariat/audit?from=2024-13-01', secretariat)).status).toBe(400);
  });

  it('cannot give a revision a symbol when its original has none, nor act on a draft', async () => {
    const [demo] = await database.db.select().from(reports).where(eq(reports.periodStart, '2020-01-01'));
    expect(demo?.symbol).toBeNull();
    const revisionId = await submittedReport(
      {
        periodStart: '2020-01-01',
        periodEnd: '2021-12-31',
        revisionOf: demo?.id,
        revisionKind: 'addendum',
        revisionNumber: 1,
      },
      [],
    );
    expect(await html(`/en/secretariat/reports/${revisionId}`, secretariat)).toContain(
      'The original report has no symbol',
    );
    const response = await post(`/en/secretariat/reports/${revisionId}/publish`, secretariat, {});
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('The original report has no symbol');
    const [after] = await database.db.select().from(reports).where(eq(reports.id, revisionId));
    expect(after?.status).toBe('submitted');

    await database.db.update(reports).set({ status: 'draft' }).where(eq(reports.id, revisionId));
    expect((await get(`/en/secretariat/reports/${revisionId}`, secretariat)).status).toBe(404);
    const onDraft = await post(`/en/secretariat/reports/${revisionId}/return`, secretariat, {
      comment_general: 'x',
    });
    expect(onDraft.status).toBe(409);
  });

  it('changes the symbol pattern only to a usable one', async () => {
    const bad = await post('/en/secretariat/settings', secretariat, { symbol_pattern: 'IP/C/R/TC/{n}' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The pattern must contain {code}.');
    const good = await post('/en/secretariat/settings', secretariat, { symbol_pattern: 'TRIPS/{code}/{n}' });
    expect(good.status).toBe(303);
    const page = await html('/en/secretariat/settings?saved=1', secretariat);
    expect(page).toContain('value="TRIPS/{code}/{n}"');
    expect(page).toContain('TRIPS/CAN/1');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.tableName, 'settings'));
    expect(audit?.after).toMatchObject({ value: 'TRIPS/{code}/{n}' });
  });
});
