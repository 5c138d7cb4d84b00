import { and, asc, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, testSession } from '../accounts/test-sessions.ts';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { createApp } from '../app.tsx';
import { type Actor, systemActor } from '../audit/record.ts';
import { auditLog } from '../audit/schema.ts';
import { type Database, inTransaction } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import type { ActivityInput } from '../drafting/activity-form/input.ts';
import { activityOnReport, updateActivity } from '../drafting/activity-form/service.ts';
import { removeFromReport, startRevision } from '../drafting/draft/service.ts';
import { appendToReport } from '../reports/activity-list.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { syncEditionActivity } from './edition-activity.ts';
import { participants, trainingEditions, trainingProgrammes } from './schema.ts';
import { insertEdition } from './test-fixtures.ts';

describe.each(testBackends)('edition activity in the Art. 67 draft (%s database)', (backend) => {
  let database: Database;
  let editionId: number;
  let draftId: number;
  let otherActivityId: number;

  const addParticipant = (name: string, partyCode: string) =>
    database.db
      .insert(participants)
      .values({ editionId, name, office: `${partyCode} office`, partyCode, email: `${name}@x.test` });
  const activityOf = async () => {
    const [edition] = await database.db
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, editionId));
    const [activity] = await database.db
      .select()
      .from(activities)
      .where(eq(activities.id, edition?.activityId ?? 0));
    if (!activity) throw new Error('the edition has no activity');
    const beneficiaries = await database.db
      .select()
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, activity.id))
      .orderBy(asc(activityBeneficiaries.position));
    return { activity, beneficiaries: beneficiaries.map((b) => [b.kind, b.partyCode]) };
  };
  const draftRows = () =>
    database.db
      .select()
      .from(reportActivities)
      .where(eq(reportActivities.reportId, draftId))
      .orderBy(asc(reportActivities.rowNumber));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    const demo = await seedDemo(db);
    await db
      .update(trainingProgrammes)
      .set({ interestAreas: ['office-administration', 'Leadership'] })
      .where(eq(trainingProgrammes.id, demo.programmeId));
    editionId = await insertEdition(db, demo.programmeId, {
      year: 2024,
      startDate: '2024-11-04',
      endDate: '2024-11-08',
      status: 'selection',
      capacity: 10,
    });
    const [draft] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        originalLanguage: 'en',
        status: 'draft',
        source: 'test draft',
      })
      .returning({ id: reports.id });
    draftId = draft?.id ?? 0;
    // The draft already lists one programme: the edition must come after it.
    const [other] = await db.select({ id: reportActivities.activityId }).from(reportActivities).limit(1);
    otherActivityId = other?.id ?? 0;
    await db
      .insert(reportActivities)
      .values({ reportId: draftId, activityId: otherActivityId, rowNumber: 1, origin: 'manual' });
    await addParticipant('Amina Test', 'KEN');
  });
  afterAll(async () => {
    await database?.close();
  });

  it("enters the organizer party's open draft with the participants' parties as beneficiaries", async () => {
    const result = await syncEditionActivity(database.db, editionId);
    expect(result).toMatchObject({ reportId: draftId, frozen: false });
    const { activity, beneficiaries } = await activityOf();
    expect(activity).toMatchObject({
      id: result.activityId,
      donorPartyCode: 'CAN',
      title: { en: 'WIPO-CIPO Executive Training Program 2024' },
      startDate: '2024-11-04',
      startPrecision: 'day',
      endDate: '2024-11-08',
      activityType: 'training',
      ipAreas: ['office-administration'],
      level: 'multilateral',
      status: 'planned',
      source: 'training-edition',
      isPublic: false,
    });
    expect(JSON.stringify(activity.description)).not.toContain('Amina');
    expect(activity.description).toEqual({
      en: 'WIPO-CIPO Executive Training Program, 2024 edition: 1 participant from 1 party.',
      fr: 'WIPO-CIPO Executive Training Program, édition 2024\u202f: 1 participant de 1 partie.',
      es: 'WIPO-CIPO Executive Training Program, edición 2024: 1 participante de 1 parte.',
    });
    expect(beneficiaries).toEqual([['party', 'KEN']]);
    const agencyRows = await database.db
      .select({ code: agencies.code, role: activityAgencies.role })
      .from(activityAgencies)
      .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
      .where(eq(activityAgencies.activityId, activity.id))
      .orderBy(asc(agencies.code));
    expect(agencyRows).toEqual([
      { code: 'CIPO', role: 'implementing' },
      { code: 'WIPO-ACADEMY', role: 'partner' },
    ]);
    expect((await draftRows()).map((r) => [r.rowNumber, r.activityId, r.origin])).toEqual([
      [1, otherActivityId, 'manual'],
      [2, activity.id, 'training-edition'],
    ]);
  });

  it('stays in step with the edition while the report is a draft', async () => {
    await addParticipant('Kofi Test', 'GHA');
    await database.db
      .update(trainingEditions)
      .set({ status: 'running' })
      .where(eq(trainingEditions.id, editionId));
    await syncEditionActivity(database.db, editionId);
    const { activity, beneficiaries } = await activityOf();
    expect(beneficiaries).toEqual([
      ['party', 'GHA'],
      ['party', 'KEN'],
    ]);
    expect(activity.status).toBe('ongoing');
    expect(activity.description).toMatchObject({
      en: 'WIPO-CIPO Executive Training Program, 2024 edition: 2 participants from 2 parties.',
      fr: 'WIPO-CIPO Executive Training Program, édition 2024\u202f: 2 participants de 2 parties.',
      es: 'WIPO-CIPO Executive Training Program, edición 2024: 2 participantes de 2 partes.',
    });
    expect(await draftRows()).toHaveLength(2);

    // Dates moved out of the report's period: out of the draft, back in when they return.
    await database.db
      .update(trainingEditions)
      .set({ year: 2026, startDate: '2026-03-02', endDate: '2026-03-06' })
      .where(eq(trainingEditions.id, editionId));
    expect((await syncEditionActivity(database.db, editionId)).reportId).toBeNull();
    expect((await draftRows()).map((r) => r.activityId)).toEqual([otherActivityId]);
    await database.db
      .update(trainingEditions)
      .set({ year: 2024, startDate: '2024-11-04', endDate: '2024-11-08' })
      .where(eq(trainingEditions.id, editionId));
    expect((await syncEditionActivity(database.db, editionId)).reportId).toBe(draftId);
    expect((await draftRows()).map((r) => [r.rowNumber, r.origin])).toEqual([
      [1, 'manual'],
      [2, 'training-edition'],
    ]);
  });

  it('leaves the activity alone once the report is submitted', async () => {
    const before = await activityOf();
    await database.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, draftId));
    await addParticipant('Late Test', 'UGA');
    await database.db
      .update(trainingEditions)
      .set({ endDate: '2024-11-15', status: 'completed' })
      .where(eq(trainingEditions.id, editionId));
    const result = await syncEditionActivity(database.db, editionId);
    expect(result.frozen).toBe(true);
    const after = await activityOf();
    expect(after.beneficiaries).toEqual(before.beneficiaries);
    expect(after.activity.endDate).toBe('2024-11-08');
    expect(after.activity.version).toBe(before.activity.version);
  });

  it('after publication, syncs the edition into the open draft’s copy, never into the public record', async () => {
    const app = createApp(database);
    const secretariat = await testSession(database.db, 'secretariat@edition.example', 'secretariat');
    const publish = (reportId: number) =>
      app.request(
        `/en/secretariat/reports/${reportId}/publish`,
        formRequest(secretariat, { circulation_date: '2025-01-15', symbol: 'IP/C/R/TC/CAN/7' }),
      );
    expect((await publish(draftId)).status).toBe(303);
    const { activity } = await activityOf();
    const publicRecord = async () => (await app.request(`/api/v1/activities/${activity.id}`)).json();
    const published = await publicRecord();
    expect(published).toMatchObject({ endDate: '2024-11-08', status: 'ongoing' });
    expect(published.beneficiaries.map((b: { code: string }) => b.code)).not.toContain('UGA');

    // No open draft lists it: the edition's changes wait.
    expect(await syncEditionActivity(database.db, editionId)).toMatchObject({ frozen: true });
    // A corrigendum lists it again: the sync writes the corrigendum's copy.
    const revision = await startRevision(database.db, systemActor, draftId, 'corrigendum');
    const corrigendumId = revision?.reportId ?? 0;
    expect(await syncEditionActivity(database.db, editionId)).toMatchObject({
      reportId: corrigendumId,
      frozen: false,
    });
    expect(await publicRecord()).toEqual(published);
    expect((await activityOf()).activity.version).toBe(activity.version);
    const copy = await activityOnReport(database.db, corrigendumId, activity.id);
    expect(copy).toMatchObject({ endDate: '2024-11-15', status: 'completed' });
    expect(copy?.beneficiaries.map((b) => b.partyCode)).toContain('UGA');
    // The coordinator's edition page says where the changes go, in the page's language.
    const coordinator = await testSession(database.db, 'coordinator@edition.example', 'coordinator', {
      agency: 'CIPO',
    });
    const editionPage = async (lang: string) =>
      (
        await app.request(`/${lang}/training/editions/${editionId}`, {
          headers: { Cookie: coordinator.cookie },
        })
      ).text();
    expect(await editionPage('en')).toContain(
      `Changes to the edition go to its copy in the open draft report no. ${corrigendumId}`,
    );
    expect(await editionPage('fr')).toContain(
      `Les modifications de l’édition vont à sa copie dans le projet de rapport ouvert n° ${corrigendumId}`,
    );
    const draftPage = await app.request(`/fr/reports/${corrigendumId}`);
    expect(draftPage.status).toBe(404);

    // Its publication makes them public.
    await database.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, corrigendumId));
    expect((await publish(corrigendumId)).status).toBe(303);
    const corrected = await publicRecord();
    expect(corrected).toMatchObject({ endDate: '2024-11-15', status: 'completed' });
    expect(corrected.beneficiaries.map((b: { code: string }) => b.code)).toContain('UGA');
  });

  it('records every sync in the audit trail without personal data', async () => {
    const { activity } = await activityOf();
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'activities'), eq(auditLog.recordId, String(activity.id))));
    expect(rows.map((r) => r.action)).toContain('create-edition-activity');
    expect(rows.map((r) => r.action)).toContain('sync-edition-activity');
    expect(JSON.stringify(rows)).not.toMatch(/Amina|Kofi|@x\.test/);
    const added = await database.db.select().from(auditLog).where(eq(auditLog.action, 'add-to-report'));
    expect(added.length).toBeGreaterThan(0);
  });
});

/** The activity as a reporter saves it in the drafting form. */
const reporterInput = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  title: 'Executive course for heads of IP offices',
  description: 'Written by the reporter.',
  originalLanguage: 'en',
  startDate: { date: '2024-11-05', precision: 'day' },
  endDate: { date: '2024-11-07', precision: 'day' },
  level: 'multilateral',
  activityType: 'training',
  ipAreas: [],
  elements: [],
  beneficiaries: [{ kind: 'party', code: 'GHA', nameAsWritten: 'Ghana' }],
  implementingAgencies: ['CIPO'],
  partners: [],
  budgetAmount: null,
  budgetCurrency: null,
  fundingSource: null,
  deliveryMode: 'in-person',
  deliveryLanguages: ['en'],
  website: null,
  contactName: null,
  contactEmail: null,
  status: 'planned',
  ...overrides,
});

describe.each(testBackends)("the edition sync and the reporter's changes (%s database)", (backend) => {
  let database: Database;
  let programmeId: number;
  let draftId: number;
  let reporter: Actor;

  const draft = () => ({ id: draftId, reportingPartyCode: 'CAN' });
  const newEdition = () =>
    insertEdition(database.db, programmeId, {
      year: 2024,
      startDate: '2024-11-04',
      endDate: '2024-11-08',
      status: 'selection',
      capacity: 10,
    });
  const addParticipant = (editionId: number, name: string, partyCode: string) =>
    database.db.insert(participants).values({ editionId, name, office: `${partyCode} office`, partyCode });
  const activityOf = async (activityId: number) => {
    const [activity] = await database.db.select().from(activities).where(eq(activities.id, activityId));
    if (!activity) throw new Error(`no activity ${activityId}`);
    const beneficiaries = await database.db
      .select()
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, activityId))
      .orderBy(asc(activityBeneficiaries.position));
    return { activity, beneficiaries: beneficiaries.map((b) => b.partyCode ?? b.regionCode) };
  };
  const draftRows = async () =>
    (
      await database.db
        .select()
        .from(reportActivities)
        .where(eq(reportActivities.reportId, draftId))
        .orderBy(asc(reportActivities.rowNumber))
    ).map((r) => [r.rowNumber, r.activityId]);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    programmeId = (await seedDemo(db)).programmeId;
    const [draft] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        originalLanguage: 'en',
        status: 'draft',
        source: 'test draft',
      })
      .returning({ id: reports.id });
    draftId = draft?.id ?? 0;
    const session = await testSession(db, 'reporter@cipo.test', 'reporter', { party: 'CAN' });
    reporter = { userId: session.userId, label: 'reporter@cipo.test' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps the reporter's edits and only appends the parties of newly selected participants", async () => {
    const editionId = await newEdition();
    await addParticipant(editionId, 'Amina Test', 'KEN');
    const { activityId } = await syncEditionActivity(database.db, editionId);
    const id = activityId ?? 0;
    const { activity: synced } = await activityOf(id);

    // The reporter rewrites the activity: their title, text and dates; Ghana instead of Kenya.
    expect(await updateActivity(database.db, reporter, draft(), id, synced.version, reporterInput())).toEqual(
      {
        ok: true,
      },
    );
    const edited = await activityOf(id);
    expect(edited.beneficiaries).toEqual(['GHA']);

    // Two more selections (Uganda is new; Kenya was known to the last sync) and an edition edit.
    await addParticipant(editionId, 'Kato Test', 'UGA');
    await addParticipant(editionId, 'Baraka Test', 'KEN');
    await database.db
      .update(trainingEditions)
      .set({ status: 'running', endDate: '2024-11-15', topics: ['Examination'] })
      .where(eq(trainingEditions.id, editionId));
    expect(await syncEditionActivity(database.db, editionId)).toMatchObject({ reportId: draftId });
    const after = await activityOf(id);
    expect(after.activity).toMatchObject({
      title: { en: 'Executive course for heads of IP offices' },
      description: { ...edited.activity.description },
      startDate: '2024-11-05',
      endDate: '2024-11-07',
      status: 'planned',
      level: 'multilateral',
    });
    expect(after.beneficiaries).toEqual(['GHA', 'UGA']);
    // A new version, so a form opened before the sync cannot silently drop Uganda.
    expect(after.activity.version).toBeGreaterThan(edited.activity.version);

    // Nothing new: nothing changes, not even the version.
    await syncEditionActivity(database.db, editionId);
    const again = await activityOf(id);
    expect(again.beneficiaries).toEqual(['GHA', 'UGA']);
    expect(again.activity.version).toBe(after.activity.version);

    const [last] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'activities'), eq(auditLog.recordId, String(id))))
      .orderBy(asc(auditLog.id))
      .then((rows) => rows.slice(-2));
    expect(last).toMatchObject({
      action: 'sync-edition-activity',
      after: { keptReporterEdits: true, addedBeneficiaries: ['UGA'] },
    });
  });

  it('does not put back an activity the reporter removed from the draft', async () => {
    const editionId = await newEdition();
    await addParticipant(editionId, 'Ama Test', 'GHA');
    const { activityId, reportId } = await syncEditionActivity(database.db, editionId);
    expect(reportId).toBe(draftId);
    const id = activityId ?? 0;
    expect((await draftRows()).map(([, activity]) => activity)).toContain(id);

    expect(await removeFromReport(database.db, reporter, draft(), id)).toEqual({ ok: true });
    await addParticipant(editionId, 'Kwame Test', 'KEN');
    expect(await syncEditionActivity(database.db, editionId)).toMatchObject({
      activityId: id,
      reportId: null,
    });
    expect((await draftRows()).map(([, activity]) => activity)).not.toContain(id);
    const added = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'add-to-report'), eq(auditLog.recordId, `${draftId}:${id}`)));
    expect(added).toHaveLength(1);
    // The activity itself still follows the edition: the reporter only took it off the list.
    expect((await activityOf(id)).beneficiaries).toEqual(['GHA', 'KEN']);
  });

  it("queues behind a reporter's append instead of taking the same row number", async () => {
    const editionId = await newEdition();
    await addParticipant(editionId, 'Zawadi Test', 'TZA');
    const listed = (await draftRows()).map(([, activity]) => activity as number);
    const [typed] = await database.db
      .select({ id: activities.id })
      .from(activities)
      .where(notInArray(activities.id, listed))
      .limit(1);
    const typedId = typed?.id ?? 0;

    // The reporter's transaction appends a row and is still open when the sync starts.
    let appended!: () => void;
    let finish!: () => void;
    const rowAppended = new Promise<void>((resolve) => {
      appended = resolve;
    });
    const reporterDone = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const reporterAppend = inTransaction(database.db, async (tx) => {
      await appendToReport(tx, draftId, [typedId], 'manual');
      appended();
      await reporterDone;
    });
    await rowAppended;
    const sync = inTransaction(database.db, (tx) => syncEditionActivity(tx, editionId));
    setTimeout(finish, 300);
    const [, result] = await Promise.all([reporterAppend, sync]);

    const rows = await draftRows();
    expect(rows.map(([n]) => n)).toEqual(rows.map((_, index) => index + 1));
    expect(rows.slice(-2).map(([, activity]) => activity)).toEqual([typedId, result.activityId]);
  });
});
