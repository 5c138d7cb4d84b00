import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/record.ts';
import { type Database, inTransaction } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { resultsOnReport } from '../reports/pending-edits.ts';
import { replaceResults, resultsOf } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';
import { syncEditionActivity } from './edition-activity.ts';
import { certificates, participants, researchProjects, trainingEditions } from './schema.ts';

const typed: ResultIndicator = {
  type: 'outcome',
  title: 'Offices applying what was learnt',
  language: 'en',
  measure: 'offices-supported',
  baselineYear: null,
  baselineValue: null,
  periods: [{ start: '2025-01-01', end: '2025-12-31', target: '5', actual: null }],
  source: null,
  origin: 'entered',
};

describe.each(testBackends)('results a training edition reports by itself (%s database)', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    await seedTrainingOperationsDemo(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('computes participants trained, completion and projects delivered, refreshed at each sync', async () => {
    const { db } = database;
    const editions = await db.select().from(trainingEditions).where(eq(trainingEditions.status, 'completed'));
    const edition = editions.find((row) => row.activityId !== null);
    if (!edition?.activityId) throw new Error('the demo has no completed edition with an activity');
    const activityId = edition.activityId;
    const people = await db.select().from(participants).where(eq(participants.editionId, edition.id));
    expect(people.length).toBeGreaterThan(1);

    // Where the edition's activity is read: its draft's version if one lists it, else the stored one.
    const current = async () => {
      const sync = await inTransaction(db, (tx) => syncEditionActivity(tx, edition.id, systemActor));
      const found = sync.reportId
        ? (await resultsOnReport(db, sync.reportId, [activityId])).get(activityId)
        : (await resultsOf(db, [activityId])).get(activityId);
      return found ?? [];
    };
    const actualOf = (results: ResultIndicator[], measure: string) =>
      results.find((indicator) => indicator.measure === measure)?.periods[0]?.actual;

    await db.delete(certificates);
    await db.delete(researchProjects);
    const start = await current();
    expect(start.every((indicator) => indicator.origin === 'training-edition')).toBe(true);
    expect(actualOf(start, 'people-trained')).toBe(String(people.length));
    expect(actualOf(start, 'percentage')).toBe('0');
    expect(actualOf(start, 'projects-delivered')).toBe('0');
    expect(start[0]?.periods[0]?.start).toBe(edition.startDate);

    // One certificate of two participants, one project delivered, another only proposed.
    const [first, second] = people;
    await db.insert(certificates).values({ participantId: first?.id ?? 0, code: 'test-code-results' });
    await db.insert(researchProjects).values([
      { participantId: first?.id ?? 0, title: 'Backlog study', status: 'submitted' },
      { participantId: second?.id ?? 0, title: 'Fees study', status: 'proposed' },
    ]);
    // A result a person typed stays beside the computed ones (the demo's edition is its own public
    // record, edited in place by the sync).
    const stored = (await resultsOf(db, [activityId])).get(activityId) ?? [];
    await replaceResults(db, activityId, [...stored, typed]);
    const after = await current();
    expect(after.filter((indicator) => indicator.origin === 'entered')).toEqual([typed]);
    expect(actualOf(after, 'percentage')).toBe(String(Math.round((1 / people.length) * 1000) / 10));
    expect(actualOf(after, 'projects-delivered')).toBe('1');
    expect(after.filter((indicator) => indicator.origin === 'training-edition')).toHaveLength(3);
  });
});
