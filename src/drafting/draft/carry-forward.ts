import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import { activities, type DatePrecision } from '../../activities/schema.ts';
import type { Db } from '../../db/database.ts';
import { lastDayCovered } from '../../http/partial-date.ts';
import type { ReportKind } from '../../reports/incentives/taxonomy.ts';
import { type ReportingPeriod, storedPeriod } from '../../reports/period.ts';
import { reportActivities, reports } from '../../reports/schema.ts';

export type CarryCandidate = {
  endDate: string | null;
  endPrecision: DatePrecision | null;
  status: 'planned' | 'ongoing' | 'completed' | 'cancelled' | null;
};

/**
 * What the new draft does with an activity of the earlier report: carry it (its end is on or after
 * the new period's first day; an end known only to the year counts to 31 December), ask the
 * reporter (no end date: it may have ended unrecorded), or leave it (ended before, completed or
 * cancelled).
 */
export function carryDecision(activity: CarryCandidate, newPeriodStart: string): 'carry' | 'ask' | 'leave' {
  if (activity.status === 'completed' || activity.status === 'cancelled') return 'leave';
  if (!activity.endDate) return 'ask';
  return lastDayCovered({ date: activity.endDate, precision: activity.endPrecision ?? 'day' }) >=
    newPeriodStart
    ? 'carry'
    : 'leave';
}

export type CarryForward = {
  /** The published version carried from: the original, or its latest corrigendum or addendum. */
  fromReportId: number;
  /** The earlier report's period, for flagging narrative sentences that still name it. */
  fromPeriod: ReportingPeriod;
  narrative: string[];
  /** Every activity carried, in the order of the earlier report. */
  activityIds: number[];
  /** Those of them with no end date: listed apart for the reporter to keep or drop. */
  undatedActivityIds: number[];
};

/**
 * What a new draft starts from: the party's latest published report of the same kind whose period began before the
 * new one, as its latest published version stands (a corrigendum or addendum carries the whole
 * list), its narrative and its activities still running. Null when the party never published one.
 */
export async function carryForwardFor(
  db: Db,
  partyCode: string,
  newPeriodStart: string,
  kind: ReportKind = 'art67',
): Promise<CarryForward | null> {
  const [original] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.reportingPartyCode, partyCode),
        eq(reports.kind, kind),
        // Sample data of the demo is never a real report's predecessor.
        eq(reports.isSample, false),
        eq(reports.status, 'published'),
        eq(reports.revisionKind, 'original'),
        lt(reports.periodStart, newPeriodStart),
      ),
    )
    .orderBy(desc(reports.periodStart), desc(reports.periodEnd))
    .limit(1);
  if (!original) return null;
  const [latest] = await db
    .select({
      id: reports.id,
      narrative: reports.narrative,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      periodPrecision: reports.periodPrecision,
    })
    .from(reports)
    .where(
      and(
        eq(reports.status, 'published'),
        or(eq(reports.id, original.id), eq(reports.revisionOf, original.id)),
      ),
    )
    .orderBy(sql`${reports.publishedAt} desc nulls last`, desc(reports.id))
    .limit(1);
  if (!latest) return null;
  const rows = await db
    .select({
      id: activities.id,
      endDate: activities.endDate,
      endPrecision: activities.endPrecision,
      status: activities.status,
    })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, latest.id))
    .orderBy(asc(reportActivities.rowNumber));
  const decisions = rows.map((row) => ({ id: row.id, decision: carryDecision(row, newPeriodStart) }));
  return {
    fromReportId: latest.id,
    fromPeriod: storedPeriod(latest.periodStart, latest.periodEnd, latest.periodPrecision),
    narrative: latest.narrative,
    activityIds: decisions.filter((row) => row.decision !== 'leave').map((row) => row.id),
    undatedActivityIds: decisions.filter((row) => row.decision === 'ask').map((row) => row.id),
  };
}

/** A sentence of the narrative that names the earlier report's period (1-based paragraph). */
export type StalePeriodSentence = { paragraph: number; sentence: string };

/**
 * Sentences still naming the period of the report carried from: a year of the old period that is
 * not a year of the new one ("in 2020–2021", "FY2021-22"). Other years ("since 1997") are left
 * alone. Pure.
 */
export function sentencesNamingPeriod(
  narrative: string[],
  oldPeriod: Pick<ReportingPeriod, 'start' | 'end'>,
  newPeriod: Pick<ReportingPeriod, 'start' | 'end'>,
): StalePeriodSentence[] {
  const years = (p: Pick<ReportingPeriod, 'start' | 'end'>) => {
    const [first, last] = [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))];
    return new Set(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  };
  const newYears = years(newPeriod);
  const stale = [...years(oldPeriod)].filter((year) => !newYears.has(year)).map(String);
  if (stale.length === 0) return [];
  // A two-digit second year ("2020–21") names 2021 too.
  const names = (sentence: string) =>
    [...sentence.matchAll(/(?<!\d)(\d{4})(?:\s*[-–—/]\s*(\d{2})(?!\d))?/g)].some(([, year, short]) => {
      if (year && stale.includes(year)) return true;
      return short !== undefined && year !== undefined && stale.includes(`${year.slice(0, 2)}${short}`);
    });
  return narrative.flatMap((text, index) =>
    (text.match(/[^.!?]+(?:[.!?]+["'’”»)]*|$)/g) ?? [text])
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== '' && names(sentence))
      .map((sentence) => ({ paragraph: index + 1, sentence })),
  );
}
