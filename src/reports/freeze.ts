import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { reportSnapshot } from './document/snapshot.ts';
import { reportActivities, reports } from './schema.ts';

/**
 * Published reports that have no snapshot yet (imported ones) are drawn from live rows. Before a
 * draft changes those rows (editing a carried-forward activity, starting a corrigendum), the
 * published reports that list them are frozen as they stand, so a published document never
 * changes under its readers. Call inside the transaction that makes the change, before it.
 */
export async function freezePublishedReports(
  db: Db,
  which: { activityIds?: number[]; reportIds?: number[] },
): Promise<number[]> {
  const ids = new Set<number>(which.reportIds ?? []);
  if (which.activityIds && which.activityIds.length > 0) {
    const listing = await db
      .selectDistinct({ id: reportActivities.reportId })
      .from(reportActivities)
      .where(inArray(reportActivities.activityId, which.activityIds));
    for (const row of listing) ids.add(row.id);
  }
  if (ids.size === 0) return [];
  const unfrozen = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(inArray(reports.id, [...ids]), eq(reports.status, 'published'), isNull(reports.snapshot)));
  for (const { id } of unfrozen) {
    await db
      .update(reports)
      .set({ snapshot: await reportSnapshot(db, id) })
      .where(eq(reports.id, id));
  }
  return unfrozen.map((row) => row.id);
}
