import { asc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { activityBeneficiaries } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import {
  nominations,
  participants,
  projectMilestones,
  researchProjects,
  trainingEditions,
  trainingProgrammes,
} from '../training/schema.ts';
import { seedDemo } from './seed-demo.ts';
import { seedTrainingOperationsDemo, type TrainingDemoSummary } from './training-demo.ts';

describe.each(testBackends)('training operations demo (%s)', (backend) => {
  let database: Database;
  let first: TrainingDemoSummary;

  // Every row the training demo writes, to compare the database before and after a second run.
  const snapshot = async () => {
    const { db } = database;
    return {
      // Only the advisors: the demo may hold other accounts that seedDemo refreshes.
      users: await db.select().from(users).where(inArray(users.id, first.advisorIds)).orderBy(asc(users.id)),
      roles: await db
        .select()
        .from(userRoles)
        .where(inArray(userRoles.userId, first.advisorIds))
        .orderBy(asc(userRoles.id)),
      participants: await db.select().from(participants).orderBy(asc(participants.id)),
      projects: await db.select().from(researchProjects).orderBy(asc(researchProjects.id)),
      milestones: await db.select().from(projectMilestones).orderBy(asc(projectMilestones.id)),
      openEdition: await db.select().from(trainingEditions).where(eq(trainingEditions.year, 2027)),
      nominations: await db.select().from(nominations).orderBy(asc(nominations.id)),
      beneficiaries: await db
        .select()
        .from(activityBeneficiaries)
        .orderBy(asc(activityBeneficiaries.activityId), asc(activityBeneficiaries.position)),
      audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
    };
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses to run before the demo programme exists', async () => {
    await expect(seedTrainingOperationsDemo(database.db)).rejects.toThrow(/seedDemo/);
  });

  it('runs after seedDemo, and a second run of both changes nothing of its own', async () => {
    await seedDemo(database.db);
    first = await seedTrainingOperationsDemo(database.db);
    const before = await snapshot();
    await seedDemo(database.db);
    const second = await seedTrainingOperationsDemo(database.db);
    expect(second).toEqual(first);
    const after = await snapshot();
    // seedDemo stores the programme's activity again (same rows, new ids); what it lists must not change.
    const listed = (rows: (typeof before)['beneficiaries']) =>
      rows.map((b) => [b.activityId, b.position, b.partyCode, b.regionCode]);
    expect(listed(after.beneficiaries)).toEqual(listed(before.beneficiaries));
    expect({ ...after, beneficiaries: [] }).toEqual({ ...before, beneficiaries: [] });
  });

  it('adds nine sample participants from Africa, Asia and Latin America to the 2024 edition', async () => {
    const rows = await database.db
      .select()
      .from(participants)
      .where(eq(participants.editionId, first.editionId));
    expect(rows).toHaveLength(9);
    expect(rows.every((p) => p.isSample && /\(sample\)$|^Sample Participant/.test(p.name))).toBe(true);
    expect(rows.map((p) => p.partyCode).sort()).toEqual(
      ['BGD', 'COL', 'GHA', 'JAM', 'KEN', 'KHM', 'PER', 'RWA', 'VNM'].sort(),
    );
    expect(rows.filter((p) => p.consentPublicName)).toHaveLength(4);
    expect(rows.filter((p) => p.gender === null)).toHaveLength(2);
    expect(rows.filter((p) => p.completedAt !== null)).toHaveLength(4);
    expect(new Set(rows.map((p) => p.advisorId))).toEqual(new Set(first.advisorIds));
    const [edition] = await database.db
      .select({ status: trainingEditions.status })
      .from(trainingEditions)
      .where(eq(trainingEditions.id, first.editionId));
    expect(edition?.status).toBe('completed');
  });

  it('creates two CIPO advisors without passwords', async () => {
    const rows = await database.db
      .select({
        email: users.email,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
        role: userRoles.role,
        agency: agencies.code,
      })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .innerJoin(agencies, eq(agencies.id, userRoles.agencyId))
      .where(like(users.email, '%.cipo@demo.ipcoop.test'))
      .orderBy(asc(users.email));
    expect(rows).toEqual([
      expect.objectContaining({
        email: 'advisor.cipo@demo.ipcoop.test',
        passwordHash: null,
        role: 'advisor',
        agency: 'CIPO',
      }),
      expect.objectContaining({
        email: 'advisor2.cipo@demo.ipcoop.test',
        passwordHash: null,
        role: 'advisor',
        agency: 'CIPO',
      }),
    ]);
    expect(rows.every((r) => r.displayName.endsWith('(sample)'))).toBe(true);
  });

  it('gives every participant a research project, at every stage, with milestones', async () => {
    const projects = await database.db.select().from(researchProjects);
    expect(projects).toHaveLength(9);
    expect(new Set(projects.map((p) => p.status))).toEqual(
      new Set(['proposed', 'in-progress', 'submitted', 'completed']),
    );
    const milestones = await database.db.select().from(projectMilestones);
    expect(milestones).toHaveLength(27);
    const completed = projects.find((p) => p.status === 'completed');
    const proposed = projects.find((p) => p.status === 'proposed');
    const doneOf = (projectId?: number) =>
      milestones.filter((m) => m.projectId === projectId && m.doneOn !== null).length;
    expect(doneOf(completed?.id)).toBe(3);
    expect(doneOf(proposed?.id)).toBe(0);
  });

  it('gives the open edition candidates in every state, from several focal points and the public form', async () => {
    const rows = await database.db
      .select({
        status: nominations.status,
        partyCode: nominations.partyCode,
        rank: nominations.rank,
        nominator: users.email,
        nominatorName: nominations.nominatorName,
        name: nominations.candidateName,
      })
      .from(nominations)
      .leftJoin(users, eq(users.id, nominations.nominatedBy))
      .where(eq(nominations.editionId, first.openEditionId))
      .orderBy(asc(nominations.id));
    expect(rows.map((r) => [r.status, r.partyCode, r.rank])).toEqual([
      ['nominated', 'KEN', null],
      ['withdrawn', 'KEN', null],
      ['selected', 'BGD', 1],
      ['waitlisted', 'PER', 2],
      ['declined', 'SEN', null],
      ['nominated', 'UGA', null],
    ]);
    expect(new Set(rows.flatMap((r) => (r.nominator ? [r.nominator] : []))).size).toBe(4);
    expect(rows[5]).toMatchObject({ nominator: null, nominatorName: 'Sample nominator (invented)' });
    expect(rows.every((r) => /\(sample\)$|^Sample /.test(r.name))).toBe(true);
    // The selected candidate has a participant record, marked as sample data.
    const selected = await database.db
      .select()
      .from(participants)
      .where(eq(participants.editionId, first.openEditionId));
    expect(selected.map((p) => [p.partyCode, p.isSample])).toEqual([['BGD', true]]);
  });

  it('lists the parties of the people recorded as the editions’ beneficiaries, not whole regions', async () => {
    const beneficiariesOf = async (editionId: number) => {
      const [edition] = await database.db
        .select({ activityId: trainingEditions.activityId })
        .from(trainingEditions)
        .where(eq(trainingEditions.id, editionId));
      const rows = await database.db
        .select()
        .from(activityBeneficiaries)
        .where(eq(activityBeneficiaries.activityId, edition?.activityId ?? 0))
        .orderBy(asc(activityBeneficiaries.position));
      return rows.map((b) => b.partyCode ?? b.regionCode);
    };
    expect(await beneficiariesOf(first.editionId)).toEqual([
      'BGD',
      'KHM',
      'COL',
      'GHA',
      'JAM',
      'KEN',
      'PER',
      'RWA',
      'VNM',
    ]);
    expect(await beneficiariesOf(first.openEditionId)).toEqual(['BGD']);
  });

  it('opens the 2027 edition for nominations by IP offices', async () => {
    const [programme] = await database.db
      .select({ id: trainingProgrammes.id })
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.code, 'WIPO-CIPO-ETP'));
    const [edition] = await database.db
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, first.openEditionId));
    expect(edition).toMatchObject({
      programmeId: programme?.id,
      year: 2027,
      status: 'open',
      nominationDeadline: '2027-06-30',
      capacity: 10,
      publicNominations: false,
      venueCity: 'Gatineau',
      venuePartyCode: 'CAN',
    });
    expect(edition?.startDate?.startsWith('2027-10')).toBe(true);
  });
});
