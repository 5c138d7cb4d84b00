import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../db/columns.ts';
import { type Db, queryRows } from '../db/database.ts';
import { type ElementCode, elementCodes, isElementCode } from '../elements/taxonomy.ts';
import { filterIncentives, publicIncentives } from '../incentives/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { publicResultsWhere } from '../results/service.ts';
import { type ResultSums, sumResults } from '../results/sums.ts';
import { editionStarted } from '../training/took-part.ts';

export type YearCount = { year: number; count: number };
export type CodeCount = { code: string; count: number };
export type ReportingCycle = {
  periodStart: string;
  periodEnd: string;
  reportId: number | null;
  activityCount: number;
};
export type Helper = {
  donor: string;
  count: number;
  firstYear: number | null;
  ipAreas: string[];
  viaRegion: boolean;
};
export type BeneficiaryActivity = {
  id: number;
  donor: string;
  title: Record<string, string | undefined>;
  startDate: string | null;
  startPrecision: 'day' | 'month' | 'year' | null;
  viaRegion: string | null;
};

/** One reporting cycle seen through the elements of Article 67: activities per element, every element listed. */
export type ElementCycle = {
  periodStart: string;
  periodEnd: string;
  /** Activities of the cycle, whatever their elements. */
  activities: number;
  counts: Array<{ code: ElementCode; count: number }>;
};

export type Art66Report = {
  reportId: number;
  periodStart: string;
  periodEnd: string;
  format: 'detailed' | 'update' | null;
  symbol: string | null;
  incentiveCount: number;
  isSample: boolean;
};

export type PartyProfile = {
  code: string;
  asDonor: {
    total: number;
    byYear: YearCount[];
    ipAreas: CodeCount[];
    beneficiaries: CodeCount[];
    cycles: ReportingCycle[];
    /** Its published Art. 66.2 reports (latest version of each), newest period first, with their incentives. */
    art66Reports: Art66Report[];
    /** Its activities in its published reports, per cycle and element of Article 67. */
    elements: ElementCycle[];
    /** Result indicators of its public activities, added up where units agree. */
    results: ResultSums;
  };
  asBeneficiary: {
    /** Public Art. 66.2 incentives that name it as a beneficiary LDC. */
    incentives: number;
    helpers: Helper[];
    activities: BeneficiaryActivity[];
    /** Activities for it (directly or through a region) in published reports, per cycle and element. */
    elements: ElementCycle[];
    /** Result indicators of public activities for it (directly or through a region), added up. */
    results: ResultSums;
  };
  /** People of this party in training editions: counts only, never names (one person is still a count). */
  training: Array<{
    programmeId: number;
    programmeName: LocalizedText;
    year: number;
    tookPart: number;
    selected: number;
  }>;
};

/** The regions a party belongs to, from its sub-region up (e.g. Central America → Latin America → Americas). */
export function regionsOf(labels: ReferenceLabels, code: string): string[] {
  const party = labels.parties.get(code);
  const found: string[] = [];
  for (const start of [party?.subregionCode, party?.regionCode]) {
    for (let region = start ? labels.regions.get(start) : undefined; region; ) {
      if (!found.includes(region.code)) found.push(region.code);
      region = region.parentCode ? labels.regions.get(region.parentCode) : undefined;
    }
  }
  if (labels.isLdc(code) && labels.regions.has('LDC')) found.push('LDC');
  return found;
}

/**
 * A party seen both ways (public activities only: one that exists only in drafts counts nowhere): what it reports as a donor (by year, IP area, beneficiary, and for
 * every reporting cycle whether it filed) and who helps it as a beneficiary, directly or through
 * a region it belongs to.
 */
export async function partyProfile(db: Db, labels: ReferenceLabels, code: string): Promise<PartyProfile> {
  const regionCodes = regionsOf(labels, code);
  const regionList =
    regionCodes.length > 0
      ? sql.join(
          regionCodes.map((r) => sql`${r}`),
          sql`, `,
        )
      : sql`NULL`;
  const [byYear, ipAreas, beneficiaries, cycles, helpers, activities, totals] = await Promise.all([
    queryRows<{ year: number; count: number }>(
      db,
      sql`SELECT extract(year FROM start_date)::int AS year, count(*)::int AS count
            FROM activities WHERE donor_party_code = ${code} AND start_date IS NOT NULL AND is_public
           GROUP BY 1 ORDER BY 1`,
    ),
    queryRows<CodeCount>(
      db,
      sql`SELECT area AS code, count(*)::int AS count
            FROM activities, unnest(ip_areas) AS area WHERE donor_party_code = ${code} AND is_public
           GROUP BY area ORDER BY 2 DESC, 1`,
    ),
    queryRows<CodeCount>(
      db,
      sql`SELECT b.party_code AS code, count(DISTINCT a.id)::int AS count
            FROM activities a JOIN activity_beneficiaries b ON b.activity_id = a.id
           WHERE a.donor_party_code = ${code} AND a.is_public AND b.party_code IS NOT NULL
           GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30`,
    ),
    queryRows<ReportingCycle>(
      db,
      // Cycles of Art. 67 reports; Art. 66.2 reports are listed apart (art66Reports).
      sql`WITH cycles AS (SELECT DISTINCT period_start, period_end FROM reports WHERE status = 'published' AND kind = 'art67')
          SELECT c.period_start::text AS "periodStart", c.period_end::text AS "periodEnd", r.id AS "reportId",
                 (SELECT count(*)::int FROM report_activities ra WHERE ra.report_id = r.id) AS "activityCount"
            FROM cycles c
            LEFT JOIN reports r ON r.period_start = c.period_start AND r.period_end = c.period_end
                               AND r.reporting_party_code = ${code} AND r.status = 'published'
                               AND r.kind = 'art67'
           ORDER BY c.period_end DESC, c.period_start DESC`,
    ),
    queryRows<Helper>(
      db,
      sql`SELECT a.donor_party_code AS donor, count(DISTINCT a.id)::int AS count,
                 min(extract(year FROM a.start_date))::int AS "firstYear",
                 coalesce(array_agg(DISTINCT area) FILTER (WHERE area IS NOT NULL), '{}') AS "ipAreas",
                 bool_and(b.party_code IS NULL) AS "viaRegion"
            FROM activity_beneficiaries b
            JOIN activities a ON a.id = b.activity_id
            LEFT JOIN LATERAL unnest(a.ip_areas) AS area ON true
           WHERE a.is_public AND (b.party_code = ${code} OR b.region_code IN (${regionList}))
           GROUP BY a.donor_party_code ORDER BY 2 DESC, 1`,
    ),
    queryRows<BeneficiaryActivity>(
      db,
      sql`SELECT DISTINCT ON (a.start_date, a.id) a.id, a.donor_party_code AS donor, a.title,
                 a.start_date::text AS "startDate", a.start_precision AS "startPrecision",
                 CASE WHEN b.party_code IS NULL THEN b.region_code END AS "viaRegion"
            FROM activity_beneficiaries b JOIN activities a ON a.id = b.activity_id
           WHERE a.is_public AND (b.party_code = ${code} OR b.region_code IN (${regionList}))
           ORDER BY a.start_date DESC NULLS LAST, a.id LIMIT 100`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM activities WHERE donor_party_code = ${code} AND is_public`,
    ),
  ]);
  const forParty = sql`EXISTS (SELECT 1 FROM activity_beneficiaries b
                   WHERE b.activity_id = a.id AND (b.party_code = ${code} OR b.region_code IN (${regionList})))`;
  const [donorResults, beneficiaryResults] = await Promise.all([
    publicResultsWhere(db, sql`a.donor_party_code = ${code}`),
    publicResultsWhere(db, forParty),
  ]);
  const [donorElements, beneficiaryElements] = await Promise.all([
    elementCycles(db, sql`r.reporting_party_code = ${code}`),
    elementCycles(
      db,
      sql`EXISTS (SELECT 1 FROM activity_beneficiaries b
                   WHERE b.activity_id = a.id AND (b.party_code = ${code} OR b.region_code IN (${regionList})))`,
    ),
  ]);
  // "Took part" once the edition has started (src/training/took-part.ts); before, only selected.
  const training = await queryRows<{
    programme_id: number;
    programme_name: LocalizedText;
    year: number;
    took_part: number;
    selected: number;
  }>(
    db,
    sql`SELECT pr.id AS programme_id, pr.name AS programme_name, e.year,
               count(*) FILTER (WHERE ${editionStarted(sql`e`)})::int AS took_part,
               count(*) FILTER (WHERE NOT ${editionStarted(sql`e`)})::int AS selected
          FROM participants p
          JOIN training_editions e ON e.id = p.edition_id
          JOIN training_programmes pr ON pr.id = e.programme_id
         WHERE p.party_code = ${code}
         GROUP BY pr.id, pr.name, e.year, e.id
         ORDER BY e.year DESC, pr.id`,
  );
  // Public incentives only (published reports, latest version): drafts never count.
  const incentives = await publicIncentives(db);
  const art66Reports = new Map<number, Art66Report>();
  for (const row of filterIncentives(incentives, { party: code })) {
    const report = art66Reports.get(row.report.id) ?? {
      reportId: row.report.id,
      periodStart: row.report.periodStart,
      periodEnd: row.report.periodEnd,
      format: row.report.format,
      symbol: row.report.symbol,
      incentiveCount: 0,
      isSample: row.report.isSample,
    };
    report.incentiveCount += 1;
    art66Reports.set(row.report.id, report);
  }
  return {
    code,
    asDonor: {
      total: totals[0]?.n ?? 0,
      byYear,
      ipAreas,
      beneficiaries,
      cycles,
      art66Reports: [...art66Reports.values()],
      elements: donorElements,
      results: sumResults(donorResults),
    },
    asBeneficiary: {
      incentives: filterIncentives(incentives, { ldc: code }).length,
      helpers,
      activities,
      elements: beneficiaryElements,
      results: sumResults(beneficiaryResults),
    },
    training: training.map((row) => ({
      programmeId: row.programme_id,
      programmeName: row.programme_name,
      year: row.year,
      tookPart: row.took_part,
      selected: row.selected,
    })),
  };
}

/**
 * Public activities listed in published reports that meet `which` (over reports r and activities
 * a), by reporting cycle (the report's period), with how many address each element of Article 67
 * (suggested or confirmed); newest cycle first. An element counted zero is one no activity addressed.
 */
async function elementCycles(db: Db, which: ReturnType<typeof sql>): Promise<ElementCycle[]> {
  const rows = await queryRows<{ periodStart: string; periodEnd: string; id: number; elements: string[] }>(
    db,
    sql`SELECT DISTINCT r.period_start::text AS "periodStart", r.period_end::text AS "periodEnd", a.id,
               ARRAY(SELECT e.element FROM activity_elements e WHERE e.activity_id = a.id ORDER BY 1) AS elements
          FROM reports r
          JOIN report_activities ra ON ra.report_id = r.id
          JOIN activities a ON a.id = ra.activity_id
         WHERE r.status = 'published' AND a.is_public AND ${which}`,
  );
  const cycles = new Map<
    string,
    { periodStart: string; periodEnd: string; ids: Set<number>; counts: Map<ElementCode, number> }
  >();
  for (const row of rows) {
    const key = `${row.periodStart}/${row.periodEnd}`;
    let cycle = cycles.get(key);
    if (!cycle) {
      cycle = { periodStart: row.periodStart, periodEnd: row.periodEnd, ids: new Set(), counts: new Map() };
      cycles.set(key, cycle);
    }
    if (cycle.ids.has(row.id)) continue;
    cycle.ids.add(row.id);
    for (const element of row.elements) {
      if (isElementCode(element)) cycle.counts.set(element, (cycle.counts.get(element) ?? 0) + 1);
    }
  }
  return [...cycles.values()]
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart))
    .map((cycle) => ({
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      activities: cycle.ids.size,
      counts: elementCodes.map((code) => ({ code, count: cycle.counts.get(code) ?? 0 })),
    }));
}
