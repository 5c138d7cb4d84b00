import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { type genders, participants, trainingEditions, trainingProgrammes } from '../schema.ts';
import { programmeFigures } from './figures.ts';

describe.each(testBackends)('programme figures (%s)', (backend) => {
  let database: Database;
  let programmeId: number;
  let emptyProgrammeId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    const [programme, empty] = await db
      .insert(trainingProgrammes)
      .values([
        {
          code: 'TEST',
          name: { en: 'Test programme' },
          foundingYear: 1997,
          historicParticipants: 200,
          historicCountries: 90,
          source: 'test',
        },
        { code: 'EMPTY', name: { en: 'No history' }, source: 'test' },
      ])
      .returning({ id: trainingProgrammes.id });
    programmeId = programme?.id ?? 0;
    emptyProgrammeId = empty?.id ?? 0;
    // Bhutan left the LDC list on 13 December 2023: an LDC in 2022, not in 2024.
    const editions = await db
      .insert(trainingEditions)
      .values([
        { programmeId, year: 2022, startDate: '2022-10-03', source: 'test' },
        { programmeId, year: 2024, startDate: '2024-10-07', source: 'test' },
        { programmeId, year: 2027, source: 'test', status: 'open' },
      ])
      .returning({ id: trainingEditions.id });
    const [e2022, e2024] = editions.map((e) => e.id);
    const person = (
      editionId: number | undefined,
      partyCode: string,
      gender: (typeof genders)[number] | null,
    ) => ({
      editionId: editionId ?? 0,
      name: `Person ${partyCode}`,
      office: 'Office',
      partyCode,
      gender,
    });
    await db
      .insert(participants)
      .values([
        person(e2022, 'BTN', 'female'),
        person(e2022, 'KEN', 'male'),
        person(e2024, 'BTN', null),
        person(e2024, 'RWA', 'female'),
        person(e2024, 'KEN', 'female'),
        person(e2024, 'PER', 'other'),
      ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds the recorded participants to the historic aggregate', async () => {
    const figures = await programmeFigures(database.db, programmeId);
    expect(figures).toMatchObject({
      foundingYear: 1997,
      historic: { participants: 200, countries: 90 },
      recorded: { participants: 6, parties: 4, regions: 3 },
      sinceInception: { participants: 206, countriesReached: 90 },
    });
    expect(figures?.byYear).toEqual([
      { year: 2022, count: 2 },
      { year: 2024, count: 4 },
    ]);
    expect(figures?.byParty).toEqual([
      { partyCode: 'BTN', count: 2 },
      { partyCode: 'KEN', count: 2 },
      { partyCode: 'PER', count: 1 },
      { partyCode: 'RWA', count: 1 },
    ]);
    expect(figures?.byRegion).toEqual([
      { regionCode: '002', count: 3 },
      { regionCode: '142', count: 2 },
      { regionCode: '019', count: 1 },
    ]);
  });

  it('counts LDC participants by the status their party had when the edition started', async () => {
    const figures = await programmeFigures(database.db, programmeId);
    // Bhutan in 2022 and Rwanda in 2024 count; Bhutan in 2024 had graduated.
    expect(figures?.ldc).toEqual({ participants: 2, share: 2 / 6 });
  });

  it('counts gender where stated and says how many did not state it', async () => {
    const figures = await programmeFigures(database.db, programmeId);
    expect(figures?.gender).toEqual({ female: 3, male: 1, other: 1, notStated: 1 });
  });

  it('gives zeros, not errors, for a programme without history or participants', async () => {
    const figures = await programmeFigures(database.db, emptyProgrammeId);
    expect(figures).toMatchObject({
      historic: { participants: null, countries: null },
      recorded: { participants: 0, parties: 0, regions: 0 },
      sinceInception: { participants: 0, countriesReached: 0 },
      ldc: { participants: 0, share: null },
      gender: { female: 0, male: 0, other: 0, notStated: 0 },
      byYear: [],
    });
  });

  it('returns null for an unknown programme', async () => {
    expect(await programmeFigures(database.db, 987654)).toBeNull();
  });

  it('returns counts and codes only, no names', async () => {
    const figures = await programmeFigures(database.db, programmeId);
    expect(JSON.stringify(figures)).not.toContain('Person');
  });
});
