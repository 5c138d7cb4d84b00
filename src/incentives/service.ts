import { and, asc, eq, sql } from 'drizzle-orm';
import { matchesSearch } from '../activities/full-text-query.ts';
import type { Db } from '../db/database.ts';
import { reportIncentives } from '../reports/incentives/schema.ts';
import type { IncentiveRow } from '../reports/incentives/service.ts';
import { reports } from '../reports/schema.ts';
import type { IncentiveFilters } from './filters.ts';

export type { IncentiveFilters } from './filters.ts';

/**
 * The public side of Article 66.2 incentives: only those of published reports, each from the
 * latest published version of its report (a corrigendum or addendum carries the whole list), so a
 * draft's incentives never reach a page, a download or the API.
 */

export type PublicIncentive = IncentiveRow & {
  report: {
    id: number;
    partyCode: string;
    symbol: string | null;
    periodStart: string;
    periodEnd: string;
    format: 'detailed' | 'update' | null;
    originalLanguage: 'en' | 'fr' | 'es';
    circulationDate: string | null;
    isSample: boolean;
  };
};

/** The report is the latest published version of its family (original, corrigenda, addenda). */
const latestPublished = sql`${reports.status} = 'published' and not exists (
  select 1 from reports later
   where later.status = 'published'
     and coalesce(later.revision_of, later.id) = coalesce(${reports.revisionOf}, ${reports.id})
     and (later.published_at > ${reports.publishedAt}
          or (later.published_at = ${reports.publishedAt} and later.id > ${reports.id})))`;

const reportColumns = {
  id: reports.id,
  partyCode: reports.reportingPartyCode,
  symbol: reports.symbol,
  periodStart: reports.periodStart,
  periodEnd: reports.periodEnd,
  format: reports.format,
  originalLanguage: reports.originalLanguage,
  circulationDate: reports.circulationDate,
  isSample: reports.isSample,
};

/** Every public incentive, newest period first, then in each report's order. */
export async function publicIncentives(db: Db): Promise<PublicIncentive[]> {
  const rows = await db
    .select({ incentive: reportIncentives, report: reportColumns })
    .from(reportIncentives)
    .innerJoin(reports, eq(reports.id, reportIncentives.reportId))
    .where(and(eq(reports.kind, 'art66-2'), latestPublished))
    .orderBy(sql`${reports.periodEnd} desc`, asc(reports.reportingPartyCode), asc(reportIncentives.position));
  return rows.map((row) => ({ ...row.incentive, report: row.report }));
}

/** One public incentive; null for an unknown one or one of a report not (or no longer) published. */
export async function publicIncentive(db: Db, id: number): Promise<PublicIncentive | null> {
  const [row] = await db
    .select({ incentive: reportIncentives, report: reportColumns })
    .from(reportIncentives)
    .innerJoin(reports, eq(reports.id, reportIncentives.reportId))
    .where(and(eq(reportIncentives.id, id), eq(reports.kind, 'art66-2'), latestPublished));
  return row ? { ...row.incentive, report: row.report } : null;
}

/**
 * The ids of the incentives the words find, searched as activities are (the three stemmers, the IP
 * vocabulary's equivalents: "formación" finds "training") in the title, description, technology,
 * government body and terms.
 */
export async function incentivesMatching(db: Db, q: string): Promise<Set<number>> {
  const text = sql`(${reportIncentives.title} || ' ' || ${reportIncentives.description} || ' ' || ${reportIncentives.technologyTransferred} || ' ' || ${reportIncentives.governmentBody} || ' ' || ${reportIncentives.modeAndTerms})`;
  const rows = await db
    .select({ id: reportIncentives.id })
    .from(reportIncentives)
    .where(matchesSearch(text, q));
  return new Set(rows.map((row) => row.id));
}

/** Lower case without accents: "Énergie" finds "energie". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The incentives that pass every filter. Words go by `matched` (incentivesMatching) when given;
 * without it they must all appear in the texts as typed.
 */
export function filterIncentives(
  rows: PublicIncentive[],
  filters: IncentiveFilters,
  matched?: ReadonlySet<number>,
): PublicIncentive[] {
  const words = filters.q ? folded(filters.q).split(/\s+/).filter(Boolean) : [];
  return rows.filter((row) => {
    if (filters.type && row.incentiveType !== filters.type) return false;
    if (filters.sector && !row.sectors.includes(filters.sector)) return false;
    if (filters.ldc && !row.beneficiaryCodes.includes(filters.ldc)) return false;
    if (filters.specificity && row.ldcSpecificity !== filters.specificity) return false;
    if (filters.party && row.report.partyCode !== filters.party) return false;
    if (words.length === 0) return true;
    if (matched) return matched.has(row.id);
    const haystack = folded(
      [row.title, row.description, row.technologyTransferred, row.governmentBody, row.modeAndTerms].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

export type IncentiveFacets = Record<
  'type' | 'sector' | 'ldc' | 'specificity' | 'party',
  Map<string, number>
>;

/**
 * How many incentives each value of each facet would give, the other filters kept (a facet never
 * counts against its own choice, so every value shown can be picked).
 */
export function incentiveFacets(
  rows: PublicIncentive[],
  filters: IncentiveFilters,
  matched?: ReadonlySet<number>,
): IncentiveFacets {
  const count = (facet: keyof IncentiveFacets, valuesOf: (row: PublicIncentive) => string[]) => {
    const { [facet]: _own, ...others } = filters;
    const counts = new Map<string, number>();
    for (const row of filterIncentives(rows, others, matched)) {
      for (const value of new Set(valuesOf(row))) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
  return {
    type: count('type', (row) => [row.incentiveType]),
    sector: count('sector', (row) => row.sectors),
    ldc: count('ldc', (row) => row.beneficiaryCodes),
    specificity: count('specificity', (row) => [row.ldcSpecificity]),
    party: count('party', (row) => [row.report.partyCode]),
  };
}
