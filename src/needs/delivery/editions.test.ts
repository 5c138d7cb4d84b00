import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import { systemActor } from '../../audit/record.ts';
import { auditLog } from '../../audit/schema.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedNeedsDemo } from '../../demo/needs-demo.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../../demo/training-demo.ts';
import { formatDate } from '../../i18n/format.ts';
import { reports } from '../../reports/schema.ts';
import { syncEditionActivity } from '../../training/edition-activity.ts';
import { trainingEditions } from '../../training/schema.ts';
import { needs } from '../schema.ts';
import { publishedNeeds } from '../service.ts';
import { needActivityLinks, needEditionLinks } from './schema.ts';
import { advanceNeedsOfStartedActivities } from './service.ts';

/** A need as GET /api/v1/needs lists it: only what these tests read. */
type ApiNeed = {
  id: number;
  addressedBy: {
    activities: Array<{ id: number; donor: string; reportId: number; reportSymbol: string | null }>;
    trainingEditions: Array<{ id: number; programmeId: number; year: number; status: string }>;
  };
};

describe.each(testBackends)('training editions that answer needs (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestSession;
  let partnerCoordinator: TestSession;
  let reporter: TestSession;
  let secretariat: TestSession;
  let openEdition: number;
  let programmeId: number;
  let management: number;
  let examiners: number;
  let customs: number;
  let automation: number;

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]> = {}) =>
    app.request(path, formRequest(session, fields));
  const statusOf = async (id: number) =>
    (await database.db.select({ status: needs.status }).from(needs).where(eq(needs.id, id)))[0]?.status;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const demo = await seedDemo(database.db);
    programmeId = demo.programmeId;
    openEdition = (await seedTrainingOperationsDemo(database.db)).openEditionId;
    await seedNeedsDemo(database.db);
    coordinator = await testSession(database.db, 'answers@cipo.example', 'coordinator', { agency: 'CIPO' });
    partnerCoordinator = await testSession(database.db, 'answers@wipo.example', 'coordinator', {
      agency: 'WIPO',
    });
    reporter = await testSession(database.db, 'answers.reporter@cipo.example', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'answers@wto.example', 'secretariat');
    const all = await publishedNeeds(database.db);
    const find = (words: string) =>
      all.find((row) => JSON.stringify(row.need.title).includes(words))?.need.id ?? 0;
    management = find('gestion d’un office');
    examiners = find('patent examiners');
    customs = find('douanes');
    automation = find('trademark registry');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('in the demo, Cambodia’s need for managers’ training is answered by the open WIPO–CIPO edition, in public', async () => {
    const [edition] = await database.db
      .select({ deadline: trainingEditions.nominationDeadline })
      .from(trainingEditions)
      .where(eq(trainingEditions.id, openEdition));
    const deadline = formatDate('en', edition?.deadline ?? null) ?? 'none';
    const page = await (await get(`/en/needs/${management}`)).text();
    expect(page).toContain('Training that answers it');
    expect(page).toContain(`href="/en/programmes/${programmeId}#edition-${openEdition}"`);
    expect(page).toContain(`Executive Training Program 2027</a> (open for nominations until ${deadline})`);
    const french = await (await get(`/fr/needs/${management}`)).text();
    expect(french).toContain('L’édition de formation <a');
    const programme = await (await get(`/es/programmes/${programmeId}`)).text();
    expect(programme).toContain('Necesidades de Miembros que atiende');
    expect(programme).toContain(`href="/es/needs/${management}"`);
    const api = (await (await get('/api/v1/needs?party=KHM')).json()) as { needs: ApiNeed[] };
    expect(api.needs.find((need) => need.id === management)?.addressedBy.trainingEditions).toEqual([
      { id: openEdition, programmeId, year: 2027, status: expect.any(String) },
    ]);
  });

  it('suggests the training needs of the Members of its candidates, and finds others by words', async () => {
    const page = await (await get(`/en/training/editions/${openEdition}`, coordinator)).text();
    expect(page).toContain('Needs this edition answers');
    expect(page).toContain(`/en/training/editions/${openEdition}/needs/${management}/unlink`);
    // Uganda has a candidate; its examiners need is for training of personnel. Its registry need is not.
    expect(page).toContain(`id="suggested-need-${examiners}"`);
    expect(page).not.toContain(`-need-${automation}"`);
    expect(page).not.toContain(`-need-${customs}"`);
    const found = await (await get(`/fr/training/editions/${openEdition}?needs=douanes`, coordinator)).text();
    expect(found).toContain(`id="found-need-${customs}"`);
  });

  it('links needs at once, in public, audited; refuses met needs and other programmes’ coordinators', async () => {
    const refused = await post(`/fr/training/editions/${openEdition}/needs`, coordinator, {
      need: [String(examiners), String(automation)],
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choisissez au moins un besoin publié, ni satisfait ni retiré.');
    const partner = await post(`/en/training/editions/${openEdition}/needs`, partnerCoordinator, {
      need: String(examiners),
    });
    expect(partner.status).toBe(403);
    expect((await (await get(`/en/needs/${examiners}`)).text()).includes('Training that answers it')).toBe(
      false,
    );

    const linked = await post(`/en/training/editions/${openEdition}/needs`, coordinator, {
      need: [String(examiners), String(customs)],
    });
    expect(linked.status).toBe(303);
    expect(linked.headers.get('location')).toBe(
      `/en/training/editions/${openEdition}?done=needsLinked#needs`,
    );
    expect(await (await get(`/en/needs/${examiners}`)).text()).toContain('Training that answers it');
    const audited = await database.db
      .select({ id: auditLog.recordId })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'need_edition_links'), eq(auditLog.action, 'link')));
    expect(audited.map((row) => row.id)).toEqual(
      expect.arrayContaining([`${examiners}/${openEdition}`, `${customs}/${openEdition}`]),
    );
    // Linking does not change the need's status: only a published report's started activity does.
    expect(await statusOf(examiners)).toBe('offered');
  });

  it('carries the edition’s needs into the Art. 67 draft that lists it; they follow the draft to publication', async () => {
    const [draft] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        originalLanguage: 'en',
        source: 'test',
        status: 'draft',
      })
      .returning({ id: reports.id });
    const draftId = draft?.id ?? 0;
    const synced = await syncEditionActivity(database.db, openEdition, systemActor);
    expect(synced.reportId).toBe(draftId);
    const activityId = synced.activityId ?? 0;
    const linksInDraft = async () =>
      (
        await database.db
          .select({ needId: needActivityLinks.needId })
          .from(needActivityLinks)
          .where(and(eq(needActivityLinks.reportId, draftId), eq(needActivityLinks.activityId, activityId)))
      )
        .map((row) => row.needId)
        .sort((a, b) => a - b);
    expect(await linksInDraft()).toEqual([management, examiners, customs].sort((a, b) => a - b));

    // The reporter's word wins in the draft: a need taken off is not put back by the next sync.
    const unlinked = await post(
      `/en/drafting/reports/${draftId}/activities/${activityId}/needs/${customs}/unlink`,
      reporter,
    );
    expect(unlinked.status).toBe(303);
    await syncEditionActivity(database.db, openEdition, systemActor);
    expect(await linksInDraft()).toEqual([management, examiners].sort((a, b) => a - b));

    expect((await post(`/en/drafting/reports/${draftId}/submit`, reporter)).status).toBe(303);
    const published = await post(`/en/secretariat/reports/${draftId}/publish`, secretariat, {
      circulation_date: '2027-01-15',
      symbol: 'IP/C/R/TC/CAN/42',
    });
    expect(published.status).toBe(303);
    // The edition starts in October 2027: its needs move when it has started.
    expect(await statusOf(examiners)).toBe('offered');
    expect(await advanceNeedsOfStartedActivities(database.db, systemActor, { today: '2027-10-04' })).toEqual([
      examiners,
    ]);
    expect(await statusOf(examiners)).toBe('in-progress');
    expect(await statusOf(customs)).toBe('offered');
    expect(await (await get(`/en/needs/${examiners}`)).text()).toContain('IP/C/R/TC/CAN/42');
    // The open data says the same: the activity of the published report, and the edition.
    const api = (await (await get('/api/v1/needs')).json()) as { needs: ApiNeed[] };
    const addressed = api.needs.find((need) => need.id === examiners)?.addressedBy;
    expect(addressed?.activities).toEqual([
      { id: activityId, donor: 'CAN', reportId: expect.any(Number), reportSymbol: 'IP/C/R/TC/CAN/42' },
    ]);
    expect(addressed?.trainingEditions.map((edition) => edition.id)).toEqual([openEdition]);
    const csv = await (await get('/api/v1/needs?format=csv')).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(`${examiners},`)) ?? '';
    expect(row).toContain(`/en/activities/${activityId}`);
    expect(row).toContain(`/en/programmes/${programmeId}#edition-${openEdition}`);
  });

  it('unlinks, audited: the need’s page no longer names the edition', async () => {
    const unlinked = await post(`/en/training/editions/${openEdition}/needs/${customs}/unlink`, coordinator);
    expect(unlinked.status).toBe(303);
    expect(await (await get(`/en/needs/${customs}`)).text()).not.toContain('Training that answers it');
    const rows = await database.db
      .select()
      .from(needEditionLinks)
      .where(and(eq(needEditionLinks.editionId, openEdition), eq(needEditionLinks.needId, customs)));
    expect(rows).toEqual([]);
    const [audit] = await database.db
      .select({ id: auditLog.recordId })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'need_edition_links'), eq(auditLog.action, 'unlink')));
    expect(audit?.id).toBe(`${customs}/${openEdition}`);
    expect(
      (await post(`/en/training/editions/${openEdition}/needs/${customs}/unlink`, coordinator)).status,
    ).toBe(404);
  });
});
