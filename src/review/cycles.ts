import { and, asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { PartyInfo, ReferenceLabels } from '../reference/labels.ts';
import type { RevisionKind } from '../reports/lifecycle/status.ts';
import { reports } from '../reports/schema.ts';

export const cycleStates = ['published', 'submitted', 'returned', 'drafting', 'notStarted'] as const;
export type CycleState = (typeof cycleStates)[number];

/** A reporting cycle, named as the Council names it: "2021-2022" (one year: "2021-2021"). */
export type Period = { startYear: number; endYear: number; key: string };

export function parsePeriod(value: string): Period | null {
  const match = /^(\d{4})-(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const [startYear, endYear] = [Number(match[1]), Number(match[2])];
  if (startYear < 1995 || endYear < startYear || endYear - startYear > 4) return null;
  return { startYear, endYear, key: `${startYear}-${endYear}` };
}

const developedOn = (party: PartyInfo, day: string) =>
  party.status.some((s) => s.status === 'developed' && s.from <= day && (s.to === null || s.to >= day));

/**
 * Who is expected to report for a cycle: parties developed on its first day (Article 67 binds
 * developed country Members) and intergovernmental organizations, which report by invitation.
 */
export function expectedParties(labels: ReferenceLabels, period: Period): string[] {
  const firstDay = `${period.startYear}-01-01`;
  return [...labels.parties.values()]
    .filter((party) => party.kind === 'igo' || developedOn(party, firstDay))
    .map((party) => party.code);
}

export type CycleReport = {
  id: number;
  status: string;
  symbol: string | null;
  revisionKind: RevisionKind;
  revisionNumber: number;
};

export type CycleRow = {
  partyCode: string;
  expected: boolean;
  state: CycleState;
  /** The original report of the cycle, if any. */
  report: CycleReport | null;
  revisions: CycleReport[];
};

export type CycleOverview = { period: Period; rows: CycleRow[]; counts: Record<CycleState, number> };

const stateOf = (report: CycleReport | null): CycleState => {
  if (!report) return 'notStarted';
  if (report.status === 'draft') return 'drafting';
  return report.status as CycleState;
};

/** Every expected party (and any other that reported) with where its report stands. */
export async function cycleOverview(db: Db, labels: ReferenceLabels, period: Period): Promise<CycleOverview> {
  const filed = await db
    .select({
      id: reports.id,
      partyCode: reports.reportingPartyCode,
      status: reports.status,
      symbol: reports.symbol,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
    })
    .from(reports)
    .where(
      and(
        sql`extract(year from ${reports.periodStart}) = ${period.startYear}`,
        sql`extract(year from ${reports.periodEnd}) = ${period.endYear}`,
      ),
    )
    .orderBy(asc(reports.revisionNumber), asc(reports.id));
  const expected = new Set(expectedParties(labels, period));
  const codes = new Set([...expected, ...filed.map((report) => report.partyCode)]);
  const rows = [...codes].map((partyCode): CycleRow => {
    const own = filed.filter((report) => report.partyCode === partyCode);
    const report = own.find((r) => r.revisionKind === 'original') ?? null;
    return {
      partyCode,
      expected: expected.has(partyCode),
      state: stateOf(report),
      report,
      revisions: own.filter((r) => r.revisionKind !== 'original'),
    };
  });
  const counts = Object.fromEntries(cycleStates.map((state) => [state, 0])) as Record<CycleState, number>;
  for (const row of rows) counts[row.state] += 1;
  return { period, rows, counts };
}

/** Cycles that have reports, newest first, for the period picker. */
export async function knownPeriods(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({
      key: sql<string>`extract(year from ${reports.periodStart})::int || '-' || extract(year from ${reports.periodEnd})::int`,
      end: reports.periodEnd,
    })
    .from(reports)
    .orderBy(desc(reports.periodEnd));
  return [...new Set(rows.map((row) => row.key))];
}

/** The latest cycle with reports, else the last two full years. */
export function defaultPeriod(known: string[], today: Date = new Date()): Period {
  const year = today.getUTCFullYear();
  return (
    (known[0] && parsePeriod(known[0])) || {
      startYear: year - 2,
      endYear: year - 1,
      key: `${year - 2}-${year - 1}`,
    }
  );
}
