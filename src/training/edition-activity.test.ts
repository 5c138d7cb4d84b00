import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { syncEditionActivity } from './edition-activity.ts';
import { participants, trainingEditions, trainingProgrammes } from './schema.ts';
import { insertEdition } from './workspace/test-fixtures.ts';

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
