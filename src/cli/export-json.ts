import { asc } from 'drizzle-orm';
import { activities } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { loadExportActivities } from '../exports/load.ts';
import { getReport, listReports } from '../reports/service.ts';

/** The whole registry (every report with its list, and every activity) as one JSON document. */
export async function exportRegistry(db: Db) {
  const summaries = await listReports(db);
  const reports = [];
  for (const summary of summaries) reports.push(await getReport(db, summary.id));
  const ids = await db.select({ id: activities.id }).from(activities).orderBy(asc(activities.id));
  // Loaded in batches, a few queries per thousand activities.
  const list = await loadExportActivities(
    db,
    ids.map((row) => row.id),
    { includeUnpublishedReports: true },
  );
  return { exportedAt: new Date().toISOString(), reports, activities: list };
}
