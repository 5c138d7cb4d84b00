import { existsSync, readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityAgencies } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { reports } from '../reports/schema.ts';
import {
  editionSessions,
  programmeAgreements,
  trainingEditions,
  trainingProgrammes,
} from '../training/schema.ts';
import { canadaPageFile, executiveTrainingArticleFile, seedDemo } from './seed-demo.ts';

describe('demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('bundles the same seeds as the shared folder', () => {
    for (const name of [canadaPageFile, executiveTrainingArticleFile]) {
      const shared = new URL(`../../../shared/seeds/${name}`, import.meta.url);
      if (!existsSync(shared)) continue; // a checkout without the shared folder uses the bundled copy
      expect(readFileSync(new URL(`./seeds/${name}`, import.meta.url), 'utf8')).toBe(
        readFileSync(shared, 'utf8'),
      );
    }
  });

  it('loads the Canada report and the WIPO–CIPO programme, and a second run changes nothing', async () => {
    const first = await seedDemo(database.db);
    const second = await seedDemo(database.db);
    expect(second).toEqual(first);
    const [reportCount] = await database.db.select({ n: count() }).from(reports);
    const [activityCount] = await database.db.select({ n: count() }).from(activities);
    expect(reportCount?.n).toBe(1);
    expect(activityCount?.n).toBe(11); // ten reported programmes + the 2024 edition

    const [programme] = await database.db.select().from(trainingProgrammes);
    expect(programme).toMatchObject({
      code: 'WIPO-CIPO-ETP',
      foundingYear: 1997,
      historicParticipants: 200,
      historicCountries: 90,
    });
    const [agreement] = await database.db.select().from(programmeAgreements);
    expect(agreement?.signedOn).toBe('2024-10-07');
    const [edition] = await database.db.select().from(trainingEditions);
    expect(edition).toMatchObject({
      year: 2024,
      startDate: '2024-10-07',
      endDate: '2024-10-11',
      venueCity: 'Gatineau',
      venuePartyCode: 'CAN',
      reportedParticipants: 9,
    });
    expect(edition?.topics).toHaveLength(7);
    const [sessions] = await database.db.select({ n: count() }).from(editionSessions);
    expect(sessions?.n).toBe(2);
  });

  it('links the agencies that programme titles name', async () => {
    const rows = await database.db
      .select({ title: activities.title, agency: agencies.code, role: activityAgencies.role })
      .from(activityAgencies)
      .innerJoin(activities, eq(activities.id, activityAgencies.activityId))
      .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
      .where(eq(activities.source, 'etrips-import'));
    expect(rows.map((r) => `${r.agency}:${r.role}`).sort()).toEqual([
      'CIPO:implementing',
      'CTPL:partner',
      'INTERPOL:partner',
      'TFO-CANADA:partner',
      'WIPO:partner',
    ]);
  });
});
