import { eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { type activityOrigins, reportActivities, reports } from './schema.ts';

/** How an activity came onto a report's list: typed, uploaded, carried forward, from a training edition… */
export type ActivityOrigin = (typeof activityOrigins)[number];

/**
 * The list of programmes of a report (report_activities), numbered 1..n as the document numbers them.
 * Row numbers after the last one, in the order given (the report row is locked, so two appends queue).
 */
export async function appendToReport(
  db: Db,
  reportId: number,
  activityIds: number[],
  origin: ActivityOrigin,
) {
  if (activityIds.length === 0) return;
  await db.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId)).for('update');
  const [last] = await db
    .select({ value: max(reportActivities.rowNumber) })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, reportId));
  const first = (last?.value ?? 0) + 1;
  await db
    .insert(reportActivities)
    .values(
      activityIds.map((activityId, index) => ({ reportId, activityId, rowNumber: first + index, origin })),
    );
}

/** Row numbers 1..n again, in the current order; through negatives so the unique key never trips. */
export async function renumberRows(db: Db, reportId: number): Promise<void> {
  await db.execute(sql`
    WITH ordered AS (
      SELECT activity_id, row_number() OVER (ORDER BY row_number) AS n
        FROM report_activities WHERE report_id = ${reportId})
    UPDATE report_activities ra SET row_number = -ordered.n
      FROM ordered WHERE ra.report_id = ${reportId} AND ra.activity_id = ordered.activity_id`);
  await db.execute(
    sql`UPDATE report_activities SET row_number = -row_number WHERE report_id = ${reportId} AND row_number < 0`,
  );
}
