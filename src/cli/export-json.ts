import { asc } from 'drizzle-orm';
import { activityDetail } from '../activities/detail.ts';
import { activities } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { getReport, listReports } from '../reports/service.ts';

/** The whole registry (reports with their lists, and every activity) as one JSON document. */
export async function exportRegistry(db: Db) {
  const summaries = await listReports(db);
  const reports = [];
  for (const summary of summaries) reports.push(await getReport(db, summary.id));
  const ids = await db.select({ id: activities.id }).from(activities).orderBy(asc(activities.id));
  const list = [];
  for (const { id } of ids) list.push(await activityDetail(db, id));
  return { exportedAt: new Date().toISOString(), reports, activities: list };
}
