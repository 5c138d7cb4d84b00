import { sql } from 'drizzle-orm';
import { wasLdcOn } from '../../activities/ldc.ts';
import { type Db, queryRows } from '../../db/database.ts';
import { genders } from '../schema.ts';
import { editionStarted } from '../took-part.ts';

type Gender = (typeof genders)[number];

/** A programme's reach: counts and party codes only, never anything about a person. */
export type ProgrammeFigures = {
  foundingYear: number | null;
  /** As the organizer states them for the years before records were kept here. */
  historic: { participants: number | null; countries: number | null; note: string | null };
  /** From the participant records kept here: people who took part (their edition has started). */
  recorded: { participants: number; parties: number; regions: number };
  /** Selected for editions still to come: not counted as having taken part. */
  selectedUpcoming: number;
  sinceInception: {
    participants: number;
    /**
     * The larger of the stated and the recorded count: countries cannot be added up (one may be in
     * both sets), and a stated figure may be approximate ("nearly 90").
     */
    countriesReached: number;
  };
  byYear: Array<{ year: number; count: number }>;
  byParty: Array<{ partyCode: string; count: number }>;
  /** M49 continent of the participant's party; null for parties without one. */
  byRegion: Array<{ regionCode: string | null; count: number }>;
  /** Participants whose party was an LDC when their edition started. */
  ldc: { participants: number; share: number | null };
  gender: Record<Gender | 'notStated', number>;
};

type GroupRow = {
  year: number;
  party_code: string;
  region_code: string | null;
  gender: Gender | null;
  ldc: boolean;
  n: number;
};

const byCountDesc = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

function tally<K>(rows: GroupRow[], key: (row: GroupRow) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n);
  return counts;
}

/** Totals since inception, by year, region, LDC status and gender; null when there is no such programme. */
export async function programmeFigures(db: Db, programmeId: number): Promise<ProgrammeFigures | null> {
  const [programme] = await queryRows<{
    founding_year: number | null;
    historic_participants: number | null;
    historic_countries: number | null;
    historic_note: string | null;
  }>(
    db,
    sql`SELECT founding_year, historic_participants, historic_countries, historic_note
          FROM training_programmes WHERE id = ${programmeId}`,
  );
  if (!programme) return null;

  // The LDC test is src/activities/ldc.ts's, the one the activity index uses: the party's status
  // on the day the edition started (1 January of its year when the start date is unknown).
  // Only people who took part count: those selected for an edition still to come are "selected".
  const rows = await queryRows<GroupRow>(
    db,
    sql`SELECT e.year, p.party_code, pa.region_code, p.gender,
               ${wasLdcOn(sql`p.party_code`, sql`coalesce(e.start_date, make_date(e.year, 1, 1))`)} AS ldc,
               count(*)::int AS n
          FROM participants p
          JOIN training_editions e ON e.id = p.edition_id
          JOIN parties pa ON pa.code = p.party_code
         WHERE e.programme_id = ${programmeId} AND ${editionStarted(sql`e`)}
         GROUP BY 1, 2, 3, 4, 5`,
  );
  const [upcoming] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM participants p JOIN training_editions e ON e.id = p.edition_id
         WHERE e.programme_id = ${programmeId} AND NOT ${editionStarted(sql`e`)}`,
  );

  const recordedParticipants = rows.reduce((sum, row) => sum + row.n, 0);
  const byParty = [...tally(rows, (r) => r.party_code)].map(([partyCode, count]) => ({ partyCode, count }));
  const byRegion = [...tally(rows, (r) => r.region_code)].map(([regionCode, count]) => ({
    regionCode,
    count,
  }));
  const genderCounts = tally(rows, (r) => r.gender);
  const ldcParticipants = rows.filter((r) => r.ldc).reduce((sum, row) => sum + row.n, 0);
  const historicParticipants = programme.historic_participants;
  const historicCountries = programme.historic_countries;

  return {
    foundingYear: programme.founding_year,
    historic: {
      participants: historicParticipants,
      countries: historicCountries,
      note: programme.historic_note,
    },
    recorded: {
      participants: recordedParticipants,
      parties: byParty.length,
      regions: byRegion.filter((r) => r.regionCode !== null).length,
    },
    selectedUpcoming: upcoming?.n ?? 0,
    sinceInception: {
      participants: (historicParticipants ?? 0) + recordedParticipants,
      countriesReached: Math.max(historicCountries ?? 0, byParty.length),
    },
    byYear: [...tally(rows, (r) => r.year)]
      .map(([year, count]) => ({ year, count }))
      .sort((a, b) => a.year - b.year),
    byParty: byParty.sort((a, b) => byCountDesc(a, b) || a.partyCode.localeCompare(b.partyCode)),
    byRegion: byRegion.sort(
      (a, b) => byCountDesc(a, b) || (a.regionCode ?? '').localeCompare(b.regionCode ?? ''),
    ),
    ldc: {
      participants: ldcParticipants,
      share: recordedParticipants > 0 ? ldcParticipants / recordedParticipants : null,
    },
    gender: {
      ...(Object.fromEntries(genders.map((g) => [g, genderCounts.get(g) ?? 0])) as Record<Gender, number>),
      notStated: genderCounts.get(null) ?? 0,
    },
  };
}
