import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { referenceData } from '../../reference/reference-data.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { removeFromReport } from '../draft/service.ts';
import { confirmUpload, stagedUpload } from '../spreadsheet/service.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from '../test-helpers.ts';
import { formStateFromBody, rawActivityInput } from './form-state.ts';
import { type ActivityInput, validateActivityInput } from './input.ts';
import { createActivity, updateActivity } from './service.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function activityInput(title: string): ActivityInput {
  const result = validateActivityInput(
    rawActivityInput(formStateFromBody({ title, originalLanguage: 'en' })),
    'en',
    referenceData(),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** The part of the draft page about one activity: from its title to the next one. */
function itemOf(html: string, activityId: number): string {
  // In the list of programmes, not in the "carried forward without an end date" section above it.
  const at = html.indexOf(`/activities/${activityId}/remove"`, html.indexOf('class="drafted-activities"'));
  if (at < 0) throw new Error(`activity ${activityId} is not on the page`);
  const start = html.lastIndexOf('<h3', at);
  const next = html.indexOf('<h3', at);
  return html.slice(start, next < 0 ? undefined : next);
}

describe.each(testBackends)('activities shared with a report under review (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let officer: TestSession;
  let secretariat: TestSession;
  let corrigendumId: number;
  let draftId: number;
  let manualId: number;

  const get = (path: string, session: TestSession = officer) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const actor = () => ({ userId: officer.userId, label: 'officer@cipo.example' });
  const activity = async (id: number) =>
    (await database.db.select().from(activities).where(eq(activities.id, id)))[0];
  const listOf = async (reportId: number) =>
    (
      await database.db
        .select({ activityId: reportActivities.activityId })
        .from(reportActivities)
        .where(eq(reportActivities.reportId, reportId))
        .orderBy(asc(reportActivities.rowNumber))
    ).map((row) => row.activityId);
  const setStatus = (reportId: number, status: 'draft' | 'submitted' | 'returned') =>
    database.db.update(reports).set({ status }).where(eq(reports.id, reportId));
  const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
  /** Server only: until some statement of the test database waits for a row lock. */
  const lockWaiter = async () => {
    for (let i = 0; i < 200; i++) {
      const result = await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      const [row] = (result as unknown as { rows: Array<{ n: number }> }).rows;
      if ((row?.n ?? 0) > 0) return true;
      await sleep(25);
    }
    return false;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    officer = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a later draft edit an activity listed in a submitted corrigendum, which does not change', async () => {
    const revision = await app.request(
      '/en/drafting/reports/1/revisions',
      formRequest(officer, { kind: 'corrigendum' }),
    );
    corrigendumId = reportIdFrom(revision.headers.get('location'));
    const submit = await app.request(
      `/en/drafting/reports/${corrigendumId}/submit`,
      formRequest(officer, {}),
    );
    expect(submit.status).toBe(303);
    const started = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'en',
      }),
    );
    draftId = reportIdFrom(started.headers.get('location'));
    expect(await listOf(draftId)).toContain(1);
    expect(await listOf(corrigendumId)).toContain(1);

    const before = await activity(1);
    const underReview = await (
      await get(`/en/drafting/reports/${corrigendumId}/preview`, secretariat)
    ).text();

    // The draft's edits are its own (pending until it is published): nothing to refuse.
    const form = await get(`/fr/drafting/reports/${draftId}/activities/1/edit`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).not.toContain('role="alert"');
    expect(formHtml).toContain('Ce programme est déjà public.');
    const version = versionIn(formHtml);
    expect(version).toBe(String(before?.version));
    const edit = (lang: string, title: string) =>
      app.request(
        `/${lang}/drafting/reports/${draftId}/activities/1/edit`,
        formRequest(officer, { title, originalLanguage: 'en', startDate: '2021-04-24', version }),
      );
    expect((await edit('fr', 'Atelier modifié pendant l’examen')).status).toBe(303);
    // A second save on the same version meets the conflict page, as ever.
    expect((await edit('es', 'Otro título')).status).toBe(409);

    const draftPage = await (await get(`/en/drafting/reports/${draftId}`)).text();
    expect(itemOf(draftPage, 1)).toContain('Atelier modifié pendant l’examen');
    // Not the public record, not the corrigendum the Secretariat is reading.
    expect(await activity(1)).toEqual(before);
    const after = await (await get(`/en/drafting/reports/${corrigendumId}/preview`, secretariat)).text();
    expect(after).toBe(underReview);
  });

  it('offers Edit and Remove for every programme of the draft; removing one leaves the corrigendum alone', async () => {
    const added = await app.request(
      `/en/drafting/reports/${draftId}/activities/new`,
      formRequest(officer, { title: 'Only in the new draft', originalLanguage: 'en' }),
    );
    expect(added.status).toBe(303);
    manualId = (await listOf(draftId)).at(-1) ?? 0;

    const html = await (await get(`/en/drafting/reports/${draftId}`)).text();
    const shared = itemOf(html, 1);
    expect(shared).toContain(`/drafting/reports/${draftId}/activities/1/edit"`);
    expect(shared).toContain(`/drafting/reports/${draftId}/activities/1/remove"`);
    expect(itemOf(html, manualId)).toContain(`/drafting/reports/${draftId}/activities/${manualId}/edit"`);

    const removed = await app.request(
      `/en/drafting/reports/${draftId}/activities/1/remove`,
      formRequest(officer, {}),
    );
    expect(removed.status).toBe(303);
    expect(await listOf(draftId)).not.toContain(1);
    expect(await listOf(corrigendumId)).toContain(1);
  });

  it('keeps each draft’s version to itself once the corrigendum is back with the reporter', async () => {
    await setStatus(corrigendumId, 'returned');
    const before = await activity(2);
    const saved = await app.request(
      `/en/drafting/reports/${draftId}/activities/2/edit`,
      formRequest(officer, {
        title: 'Edited in the 2023–2024 draft',
        originalLanguage: 'en',
        version: String(before?.version),
      }),
    );
    expect(saved.status).toBe(303);
    expect(itemOf(await (await get(`/en/drafting/reports/${draftId}`)).text(), 2)).toContain(
      'Edited in the 2023–2024 draft',
    );
    expect(itemOf(await (await get(`/en/drafting/reports/${corrigendumId}`)).text(), 2)).not.toContain(
      'Edited in the 2023–2024 draft',
    );
    expect((await activity(2))?.title.en).toBe(before?.title.en);
  });

  it('checks the report again inside each change: submitted or another party’s since the route looked', async () => {
    const workbook = await activitiesWorkbook([['Title'], ['Staged before the submission']]);
    const upload = await app.request(
      `/en/drafting/reports/${draftId}/upload`,
      multipartRequest(officer, {}, { name: 'late.xlsx', bytes: workbook }),
    );
    const uploadId = /\/upload\/([\w-]+)$/.exec(upload.headers.get('location') ?? '')?.[1] ?? '';
    expect(uploadId).not.toBe('');
    const manual = await activity(manualId);
    const listBefore = await listOf(draftId);

    // What a route checked a moment before: Canada's draft. Then the submission lands.
    const seen = { id: draftId, reportingPartyCode: 'CAN' };
    await setStatus(draftId, 'submitted');
    const refusals = [
      await createActivity(database.db, actor(), seen, activityInput('Too late')),
      await removeFromReport(database.db, actor(), seen, 2),
      await updateActivity(
        database.db,
        actor(),
        seen,
        manualId,
        manual?.version ?? 0,
        activityInput('Too late'),
      ),
      await confirmUpload(database.db, actor(), uploadId, seen),
    ];
    for (const result of refusals) {
      expect(result).toMatchObject({
        ok: false,
        reason: 'locked',
        current: { id: draftId, status: 'submitted' },
      });
    }
    expect(await listOf(draftId)).toEqual(listBefore);
    expect(await activity(manualId)).toEqual(manual);
    // The upload is not used up: it can be imported if the report comes back.
    expect(await stagedUpload(database.db, uploadId)).not.toBeNull();

    // Editable again, but not the party the route checked.
    await setStatus(draftId, 'draft');
    const otherParty = { id: draftId, reportingPartyCode: 'JPN' };
    expect(await createActivity(database.db, actor(), otherParty, activityInput('Not mine'))).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await removeFromReport(database.db, actor(), otherParty, 2)).toMatchObject({ reason: 'locked' });
    expect(await listOf(draftId)).toEqual(listBefore);

    // And the same report, still as seen: the import goes through.
    const imported = await confirmUpload(database.db, actor(), uploadId, seen);
    expect(imported).toMatchObject({ ok: true });
    expect(await listOf(draftId)).toHaveLength(listBefore.length + 1);
  });

  it('answers 409 "can no longer be changed" when a submission lands while an addition waits', async () => {
    const listBefore = await listOf(draftId);
    let response: Response | Promise<Response> | undefined;
    await database.db.transaction(async (tx) => {
      // The submission in flight holds the report row.
      await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, draftId)).for('update');
      response = app.request(
        `/en/drafting/reports/${draftId}/activities/new`,
        formRequest(officer, { title: 'Racing the submission', originalLanguage: 'en' }),
      );
      // On the server the addition gets past the route's check and waits inside its transaction;
      // PGlite runs one transaction at a time, so there it waits before the route's check.
      if (backend === 'server') expect(await lockWaiter()).toBe(true);
      else await sleep(50);
      await tx.update(reports).set({ status: 'submitted' }).where(eq(reports.id, draftId));
    });
    const answer = await response;
    expect(answer?.status).toBe(409);
    expect(await answer?.text()).toContain('This report can no longer be changed');
    expect(await listOf(draftId)).toEqual(listBefore);
    await setStatus(draftId, 'draft');
  });

  // Only the server runs transactions side by side; PGlite runs one at a time, so nothing can wait.
  if (backend === 'server')
    it('holds a submission until an edit in flight of one of its activities has ended', async () => {
      // The corrigendum (returned) lists activity 3; an edit of it through the draft is in flight.
      expect(await listOf(corrigendumId)).toContain(3);
      let submission: Response | Promise<Response> | undefined;
      await database.db.transaction(async (tx) => {
        await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, 3)).for('update');
        submission = app.request(`/en/drafting/reports/${corrigendumId}/submit`, formRequest(officer, {}));
        expect(await lockWaiter()).toBe(true);
        const [report] = await tx.select().from(reports).where(eq(reports.id, corrigendumId));
        expect(report?.status).toBe('returned');
      });
      expect((await submission)?.status).toBe(303);
      const [report] = await database.db.select().from(reports).where(eq(reports.id, corrigendumId));
      expect(report?.status).toBe('submitted');
    });
});
