import { and, asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities, activityBeneficiaries, activitySearch } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { auditLog } from '../../audit/schema.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { draftActivityEdits, reportActivities, reportComments, reports } from '../../reports/schema.ts';
import { settings } from '../../settings/schema.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from '../test-helpers.ts';

describe.each(testBackends)('drafting an Art. 67 report (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let officer: TestSession;
  let colleague: TestSession;
  let secretariat: TestSession;
  let admin: TestSession;
  let draftId: number;

  const listOf = (reportId: number) =>
    database.db
      .select()
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId))
      .orderBy(asc(reportActivities.rowNumber));
  const get = (path: string, session: TestSession = officer) =>
    app.request(path, { headers: { Cookie: session.cookie } });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    // The demo's ten programmes have no end date or status, so all are ongoing; two fixtures are not.
    await database.db.update(activities).set({ status: 'completed' }).where(eq(activities.id, 10));
    await database.db
      .update(activities)
      .set({ endDate: '2020-06-30', endPrecision: 'day' })
      .where(eq(activities.id, 9));
    // Ended "2021" (year precision) still runs into a period starting 2021-01-01.
    await database.db
      .update(activities)
      .set({ endDate: '2021-01-01', endPrecision: 'year' })
      .where(eq(activities.id, 8));
    app = createApp(database);
    officer = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    colleague = await testSession(database.db, 'colleague@cipo.example', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
    admin = await testSession(database.db, 'admin@wto.example', 'admin');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts 2021–2022 for Canada from the 2020–2021 report: ongoing programmes and the narrative', async () => {
    const response = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(response.status).toBe(303);
    draftId = reportIdFrom(response.headers.get('location'));
    const [draft] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    const [previous] = await database.db.select().from(reports).where(eq(reports.id, 1));
    expect(draft).toMatchObject({
      reportingPartyCode: 'CAN',
      periodStart: '2021-01-01',
      periodEnd: '2022-12-31',
      status: 'draft',
      source: 'drafted in ipcoop',
      grouping: 'level-agency',
      carriedForwardFrom: 1,
      revisionKind: 'original',
    });
    expect(draft?.narrative).toEqual(previous?.narrative);
    const list = await listOf(draftId);
    expect(list.map((row) => [row.rowNumber, row.activityId, row.origin])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, id, 'carry-forward']),
    );
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'reports'), eq(auditLog.recordId, String(draftId))));
    expect(audit?.action).toBe('create');

    const html = await (await get(`/en/drafting/reports/${draftId}`)).text();
    expect(html).toContain('Report of Canada, 2021–2022');
    expect(html).toContain('carried forward from 2020–2021');
    expect(html).not.toContain('International IP Crime Training Seminars');
  });

  it('refuses the same period twice and a period that ends before it starts, at the field', async () => {
    const again = await app.request(
      '/fr/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('Canada a déjà un rapport pour 2021–2022.');
    expect(html).toContain('aria-describedby="period-hint-CAN periodStart-CAN-format periodStart-CAN-error"');
    const reversed = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2024-01-01',
        periodEnd: '2023-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(reversed.status).toBe(400);
    const reversedHtml = await reversed.text();
    expect(reversedHtml).toContain('The period ends before it starts.');
    expect(reversedHtml).toContain('value="2024-01-01"');
    const count = await database.db.select().from(reports).where(eq(reports.reportingPartyCode, 'CAN'));
    expect(count).toHaveLength(2);
  });

  it('shows validation errors in French at their fields and keeps everything typed', async () => {
    const response = await app.request(
      `/fr/drafting/reports/${draftId}/activities/new`,
      formRequest(officer, {
        title: '',
        description: 'Ateliers <b>régionaux</b>',
        startDate: '2024-13-45',
        budgetAmount: 'beaucoup',
        contactEmail: 'pas une adresse',
        ipAreas: ['patents', 'trademarks'],
        beneficiaries: ['CRI', '013'],
        beneficiariesTyped: 'Atlantide',
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Ce champ est obligatoire.');
    expect(html).toContain('« 2024-13-45 » n’est pas une date qui existe.');
    expect(html).toContain('Partie ou région inconnue\u202f: Atlantide.');
    expect(html).toContain('Cette adresse électronique n’est pas valide.');
    expect(html).toMatch(/id="f-title"[^>]*aria-invalid="true"[^>]*aria-describedby="f-title-error"/);
    // One error summary at the top, each error linking to its field.
    expect(html).toMatch(
      /class="error-summary"[\s\S]*?href="#f-title">Titre\u202f: Ce champ est obligatoire\./,
    );
    expect(html).toContain('Ateliers &lt;b&gt;régionaux&lt;/b&gt;');
    expect(html).toContain('value="2024-13-45"');
    expect(html).toContain('value="beaucoup"');
    expect(html).toContain('value="Atlantide"');
    expect(html).toMatch(/value="patents" checked/);
    expect(html).toMatch(/<option value="CRI" selected="">Costa Rica<\/option>/);
    expect(html).toMatch(/<option value="013" selected="">Amérique centrale<\/option>/);
    expect(await listOf(draftId)).toHaveLength(8);
  });

  it('adds a programme out of public view, donor Canada, at the end of the list', async () => {
    const response = await app.request(
      `/en/drafting/reports/${draftId}/activities/new`,
      formRequest(officer, {
        title: 'Regional patent drafting workshop',
        description: 'Three days for examiners.',
        originalLanguage: 'en',
        startDate: '2022-03',
        endDate: '2022',
        level: 'plurilateral',
        activityType: 'training',
        ipAreas: ['patents'],
        beneficiaries: ['CRI'],
        beneficiariesTyped: 'Panama; Central America',
        implementingAgencies: 'CIPO',
        partners: 'Regional Patent Academy',
        budgetAmount: '25 000,50',
        budgetCurrency: 'cad',
        status: 'ongoing',
        version: '',
      }),
    );
    expect(response.status).toBe(303);
    const list = await listOf(draftId);
    const added = list.at(-1);
    expect(added).toMatchObject({ rowNumber: 9, origin: 'manual' });
    const [activity] = await database.db
      .select()
      .from(activities)
      .where(eq(activities.id, added?.activityId ?? 0));
    expect(activity).toMatchObject({
      donorPartyCode: 'CAN',
      isPublic: false,
      startDate: '2022-03-01',
      startPrecision: 'month',
      budgetAmount: '25000.50',
      budgetCurrency: 'CAD',
    });
    const beneficiaries = await database.db
      .select()
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, activity?.id ?? 0))
      .orderBy(asc(activityBeneficiaries.position));
    expect(beneficiaries.map((b) => b.partyCode ?? b.regionCode)).toEqual(['CRI', 'PAN', '013']);
    // Not public: no search row, no public page.
    const searchRows = await database.db
      .select()
      .from(activitySearch)
      .where(eq(activitySearch.activityId, activity?.id ?? 0));
    expect(searchRows).toHaveLength(0);
    expect((await app.request(`/en/activities/${activity?.id}`)).status).toBe(404);
  });

  it('never overwrites silently: the second of two saves on one version gets 409 with both versions', async () => {
    const form = await (await get(`/en/drafting/reports/${draftId}/activities/1/edit`)).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
    expect(version).not.toBe('');
    const edit = (session: TestSession, title: string) =>
      app.request(
        `/en/drafting/reports/${draftId}/activities/1/edit`,
        formRequest(session, { title, originalLanguage: 'en', startDate: '2021-04-24', version }),
      );
    expect((await edit(officer, 'Executive Workshop on IP Office Management (first)')).status).toBe(303);
    const second = await edit(colleague, 'Executive Workshop (second)');
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Someone saved this in the meantime');
    expect(html).toContain('value="Executive Workshop (second)"');
    expect(html).toContain('Executive Workshop on IP Office Management (first)');
    // A carried-forward activity is public: the first save is this draft's pending version of it.
    const [pending] = await database.db
      .select()
      .from(draftActivityEdits)
      .where(and(eq(draftActivityEdits.reportId, draftId), eq(draftActivityEdits.activityId, 1)));
    expect(pending?.values.activity.title.en).toBe('Executive Workshop on IP Office Management (first)');
    expect(pending?.version).toBe(Number(version) + 1);
    const [stored] = await database.db.select().from(activities).where(eq(activities.id, 1));
    expect(stored?.title.en).toBe('CIPO-WIPO Executive Workshop on IP Office Management');
    expect(stored?.version).toBe(Number(version));
  });

  it('locks the narrative the same way', async () => {
    const [before] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    const save = (session: TestSession, narrative: string) =>
      app.request(
        `/en/drafting/reports/${draftId}/narrative`,
        formRequest(session, { narrative, grouping: 'none', version: String(before?.version) }),
      );
    expect((await save(officer, 'First paragraph.\n\nSecond paragraph.')).status).toBe(303);
    const late = await save(colleague, 'Another text.');
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain('Another text.');
    expect(html).toContain('<li>Second paragraph.</li>');
    const [after] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    expect(after?.narrative).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(after?.grouping).toBe('none');
  });

  it('previews an upload with the bad row at its row and column, then imports only the good rows', async () => {
    const workbook = await activitiesWorkbook([
      ['Title', 'Start date', 'Beneficiaries'],
      ['Copyright clinic for librarians', '2022-05-10', 'Ghana; Kenya'],
      ['Mystery mission', 'soon', 'Kenya'],
      ['Trademark examination course', '2022', 'Peru'],
    ]);
    const upload = await app.request(
      `/en/drafting/reports/${draftId}/upload`,
      multipartRequest(officer, {}, { name: 'activities.xlsx', bytes: workbook }),
    );
    expect(upload.status).toBe(303);
    const previewPath = upload.headers.get('location') ?? '';
    const uploadId = /\/upload\/([\w-]+)$/.exec(previewPath)?.[1] ?? '';
    const preview = await get(previewPath);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('<th scope="row">3</th>');
    // The refused cell is marked, its column letter and message inside it.
    expect(html).toMatch(/<td class="cell-invalid">.*?<strong>Column B:<\/strong> Write the date as YYYY/s);
    expect(html).toContain('Import the 2 good rows');

    // Only its uploader sees or confirms it.
    expect((await get(previewPath, colleague)).status).toBe(403);
    const stolen = await app.request(`${previewPath}/confirm`, formRequest(colleague, {}));
    expect(stolen.status).toBe(403);

    const rowsBefore = (await listOf(draftId)).length;
    const confirm = await app.request(`${previewPath}/confirm`, formRequest(officer, {}));
    expect(confirm.status).toBe(303);
    const list = await listOf(draftId);
    const imported = list.slice(rowsBefore);
    expect(imported.map((row) => [row.rowNumber, row.origin])).toEqual([
      [rowsBefore + 1, 'spreadsheet'],
      [rowsBefore + 2, 'spreadsheet'],
    ]);
    const titles = await database.db
      .select({ title: activities.title, isPublic: activities.isPublic })
      .from(activities)
      .where(eq(activities.id, imported[0]?.activityId ?? 0));
    expect(titles[0]).toEqual({ title: { en: 'Copyright clinic for librarians' }, isPublic: false });
    const staged = await database.db
      .select()
      .from(settings)
      .where(like(settings.key, `upload:${uploadId}`));
    expect(staged).toHaveLength(0);
    // A second confirm finds nothing to import.
    expect((await app.request(`${previewPath}/confirm`, formRequest(officer, {}))).status).toBe(404);
    expect(await listOf(draftId)).toHaveLength(list.length);
  });

  it('imports all the good rows or none', async () => {
    const workbook = await activitiesWorkbook([['Title'], ['First of two'], ['Second of two']]);
    const upload = await app.request(
      `/en/drafting/reports/${draftId}/upload`,
      multipartRequest(officer, {}, { name: 'two.xlsx', bytes: workbook }),
    );
    const previewPath = upload.headers.get('location') ?? '';
    const key = `upload:${/\/upload\/([\w-]+)$/.exec(previewPath)?.[1]}`;
    // Make the second row fail inside the import (a beneficiary no party table knows).
    const [row] = await database.db.select().from(settings).where(eq(settings.key, key));
    const value = structuredClone(row?.value) as {
      preview: { rows: Array<{ input: { beneficiaries: unknown[] } }> };
    };
    const second = value.preview.rows[1];
    if (second) second.input.beneficiaries = [{ kind: 'party', code: 'ZZZ', nameAsWritten: 'Nowhere' }];
    await database.db.update(settings).set({ value }).where(eq(settings.key, key));
    const before = await listOf(draftId);
    const confirm = await app.request(`${previewPath}/confirm`, formRequest(officer, {}));
    expect(confirm.status).toBe(500);
    expect(await listOf(draftId)).toHaveLength(before.length);
    const orphans = await database.db
      .select()
      .from(activities)
      .where(sql`${activities.title}->>'en' = 'First of two'`);
    expect(orphans).toHaveLength(0);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 10).fill(65);
    const response = await app.request(
      `/en/drafting/reports/${draftId}/upload`,
      multipartRequest(officer, {}, { name: 'big.csv', bytes: big }),
    );
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The file is larger than 2 MB.');
  });

  it('takes a programme off the list and closes the gap', async () => {
    const response = await app.request(
      `/en/drafting/reports/${draftId}/activities/2/remove`,
      formRequest(officer, {}),
    );
    expect(response.status).toBe(303);
    const list = await listOf(draftId);
    expect(list.map((row) => row.rowNumber)).toEqual(list.map((_, index) => index + 1));
    expect(list.some((row) => row.activityId === 2)).toBe(false);
    expect((await database.db.select().from(activities).where(eq(activities.id, 2))).length).toBe(1);
  });

  it('shows returned comments beside what they concern, and resolves them on submission', async () => {
    await database.db.update(reports).set({ status: 'returned' }).where(eq(reports.id, draftId));
    await database.db.insert(reportComments).values([
      { reportId: draftId, authorId: secretariat.userId, field: 'general', body: 'Please check the period.' },
      {
        reportId: draftId,
        authorId: secretariat.userId,
        field: 'narrative',
        body: 'Paragraph 2 is unclear.',
      },
      { reportId: draftId, authorId: secretariat.userId, field: 'activity:3', body: 'Which webinars?' },
    ]);
    const html = await (await get(`/en/drafting/reports/${draftId}`)).text();
    const narrativeSection = html.slice(
      html.indexOf('id="narrative-title"'),
      html.indexOf('id="activities-title"'),
    );
    expect(narrativeSection).toContain('Paragraph 2 is unclear.');
    // In the numbered list (the programmes carried without an end date are also listed above it).
    const webinars = html.indexOf('Pre-recorded webinars', html.indexOf('class="drafted-activities"'));
    expect(html.indexOf('Which webinars?')).toBeGreaterThan(webinars);
    expect(html.indexOf('Which webinars?')).toBeLessThan(html.indexOf('</li>', webinars));
    expect(html.indexOf('Please check the period.')).toBeLessThan(html.indexOf('id="narrative-title"'));
  });

  it('submits, notifies the Secretariat and closes the draft to changes', async () => {
    const response = await app.request(`/en/drafting/reports/${draftId}/submit`, formRequest(officer, {}));
    expect(response.status).toBe(303);
    const [report] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    expect(report?.status).toBe('submitted');
    expect(report?.submittedAt).toBeInstanceOf(Date);
    const comments = await database.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.reportId, draftId));
    expect(comments.every((comment) => comment.resolvedAt !== null)).toBe(true);
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, secretariat.userId));
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe(`/secretariat/reports/${draftId}`);
    expect((told[0]?.params as Record<string, string> | undefined)?.fr).toContain(
      'Le Canada a présenté le document suivant\u202f: Rapport du Canada, 2021–2022.',
    );
    // Admins act as the Secretariat, so they hear of it too.
    const toldAdmin = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, admin.userId));
    expect(toldAdmin).toHaveLength(1);

    const locked = await app.request(
      `/en/drafting/reports/${draftId}/narrative`,
      formRequest(officer, { narrative: 'Too late.', grouping: 'none', version: String(report?.version) }),
    );
    expect(locked.status).toBe(409);
    expect(await locked.text()).toContain('This report can no longer be changed');
    // The Secretariat now reads it, without forms.
    const read = await get(`/en/drafting/reports/${draftId}`, secretariat);
    expect(read.status).toBe(200);
    expect(await read.text()).not.toContain(`/drafting/reports/${draftId}/submit`);
  });

  it('refuses to submit an empty report', async () => {
    const started = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2010-01-01',
        periodEnd: '2011-12-31',
        originalLanguage: 'fr',
      }),
    );
    const emptyId = reportIdFrom(started.headers.get('location'));
    const [empty] = await database.db.select().from(reports).where(eq(reports.id, emptyId));
    expect(empty).toMatchObject({ carriedForwardFrom: null, narrative: [] });
    const response = await app.request(`/en/drafting/reports/${emptyId}/submit`, formRequest(officer, {}));
    expect(response.status).toBe(400);
    const refused = await response.text();
    expect(refused).toContain('A report needs a narrative or at least one programme');
    // The refusal is also at the top of the page, in the error summary, linked to the submit step.
    expect(refused).toMatch(/class="error-summary"[\s\S]*?href="#submit-title">A report needs a narrative/);
  });

  it('starts a corrigendum of a published report as a new draft with its list and narrative', async () => {
    const response = await app.request(
      '/en/drafting/reports/1/revisions',
      formRequest(officer, { kind: 'corrigendum' }),
    );
    expect(response.status).toBe(303);
    const revisionId = reportIdFrom(response.headers.get('location'));
    const [revision] = await database.db.select().from(reports).where(eq(reports.id, revisionId));
    const [original] = await database.db.select().from(reports).where(eq(reports.id, 1));
    expect(revision).toMatchObject({
      revisionOf: 1,
      revisionKind: 'corrigendum',
      revisionNumber: 1,
      status: 'draft',
      periodStart: original?.periodStart,
      narrative: original?.narrative,
    });
    const copied = await listOf(revisionId);
    expect(copied.map((row) => [row.rowNumber, row.activityId, row.origin])).toEqual(
      (await listOf(1)).map((row) => [row.rowNumber, row.activityId, row.origin]),
    );
    // Asking again opens the same open corrigendum; an addendum is numbered on its own.
    const again = await app.request(
      '/en/drafting/reports/1/revisions',
      formRequest(officer, { kind: 'corrigendum' }),
    );
    expect(reportIdFrom(again.headers.get('location'))).toBe(revisionId);
    const addendum = await app.request(
      '/en/drafting/reports/1/revisions',
      formRequest(officer, { kind: 'addendum' }),
    );
    const [added] = await database.db
      .select()
      .from(reports)
      .where(eq(reports.id, reportIdFrom(addendum.headers.get('location'))));
    expect(added).toMatchObject({ revisionKind: 'addendum', revisionNumber: 1 });
    const page = await (await get(`/en/drafting/reports/${revisionId}`)).text();
    expect(page).toContain('Report of Canada, 2020–2021 — Corrigendum 1');
  });

  it('previews the document and serves the template', async () => {
    const preview = await get(`/en/drafting/reports/${draftId}/preview`);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Copyright clinic for librarians');
    expect(html).toContain('First paragraph.');
    const template = await get(`/es/drafting/reports/${draftId}/template.xlsx`);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await template.arrayBuffer());
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  });
});
