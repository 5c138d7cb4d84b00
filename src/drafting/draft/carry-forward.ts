import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { activities, type DatePrecision } from '../../activities/schema.ts';
import type { Db } from '../../db/database.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { lastDayCovered } from '../activity-form/partial-date.ts';

export type CarryCandidate = {
  endDate: string | null;
  endPrecision: DatePrecision | null;
  status: 'planned' | 'ongoing' | 'completed' | 'cancelled' | null;
};

/**
 * Still running in the new period: not completed or cancelled, and with no known end or an end
 * on or after the new period's first day (an end known only to the year counts to 31 December).
 */
export function isStillOngoing(activity: CarryCandidate, newPeriodStart: string): boolean {
  if (activity.status === 'completed' || activity.status === 'cancelled') return false;
  if (!activity.endDate) return true;
  return (
    lastDayCovered({ date: activity.endDate, precision: activity.endPrecision ?? 'day' }) >= newPeriodStart
  );
}

export type CarryForward = {
  fromReportId: number;
  narrative: string[];
  /** In the order of the earlier report. */
  activityIds: number[];
};

/**
 * What a new draft starts from: the party's latest published original report whose period began
 * before the new one, its narrative, and those of its activities still ongoing. Null when the
 * party has never published one.
 */
export async function carryForwardFor(
  db: Db,
  partyCode: string,
  newPeriodStart: string,
): Promise<CarryForward | null> {
  const [previous] = await db
    .select({ id: reports.id, narrative: reports.narrative })
    .from(reports)
    .where(
      and(
        eq(reports.reportingPartyCode, partyCode),
        eq(reports.status, 'published'),
        eq(reports.revisionKind, 'original'),
        lt(reports.periodStart, newPeriodStart),
      ),
    )
    .orderBy(desc(reports.periodStart), desc(reports.periodEnd))
    .limit(1);
  if (!previous) return null;
  const rows = await db
    .select({
      id: activities.id,
      endDate: activities.endDate,
      endPrecision: activities.endPrecision,
      status: activities.status,
    })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, previous.id))
    .orderBy(asc(reportActivities.rowNumber));
  return {
    fromReportId: previous.id,
    narrative: previous.narrative,
    activityIds: rows.filter((row) => isStillOngoing(row, newPeriodStart)).map((row) => row.id),
  };
}
