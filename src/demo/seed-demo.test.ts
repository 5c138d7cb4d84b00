import { existsSync, readFileSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityAgencies, activitySearch } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { activityElements } from '../elements/schema.ts';
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

  it('suggests the elements of Article 67 of every activity and confirms a few', async () => {
    const rows = await database.db
      .select({ title: activities.title, element: activityElements.element, state: activityElements.state })
      .from(activityElements)
      .innerJoin(activities, eq(activities.id, activityElements.activityId));
    const titled = new Set(rows.map((row) => row.title.en));
    expect(titled.size).toBe(11);
    const confirmed = rows.filter((row) => row.state === 'confirmed');
    expect(new Set(confirmed.map((row) => row.title.en)).size).toBe(3);
    const interpol = rows.filter((row) => row.title.en?.startsWith('International IP Crime'));
    expect(interpol).toEqual([
      expect.objectContaining({ element: 'training-personnel', state: 'confirmed' }),
    ]);
    const [search] = await database.db
      .select({ n: count() })
      .from(activitySearch)
      .where(sql`cardinality(${activitySearch.elements}) > 0`);
    expect(search?.n).toBe(11);
    const audits = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tableName, 'activity_elements'));
    expect(audits.filter((a) => a.action === 'elements.confirm')).toHaveLength(3);
    expect(audits.filter((a) => a.action === 'elements.suggest')).toHaveLength(11);
  });
});
