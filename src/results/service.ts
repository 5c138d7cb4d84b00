import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { activityResults } from './schema.ts';
import type { ResultIndicator } from './taxonomy.ts';

/** The stored result indicators of some activities, by activity, in the order entered. */
export async function resultsOf(db: Db, activityIds: number[]): Promise<Map<number, ResultIndicator[]>> {
  const byActivity = new Map<number, ResultIndicator[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .select({ activityId: activityResults.activityId, indicator: activityResults.indicator })
    .from(activityResults)
    .where(inArray(activityResults.activityId, [...new Set(activityIds)]))
    .orderBy(asc(activityResults.activityId), asc(activityResults.position));
  for (const row of rows) {
    const list = byActivity.get(row.activityId) ?? [];
    list.push(row.indicator);
    byActivity.set(row.activityId, list);
  }
  return byActivity;
}

/** Replaces an activity's indicators with `indicators` (inside the caller's transaction). */
export async function replaceResults(
  tx: Db,
  activityId: number,
  indicators: ResultIndicator[],
): Promise<void> {
  await tx.delete(activityResults).where(eq(activityResults.activityId, activityId));
  if (indicators.length === 0) return;
  await tx.insert(activityResults).values(
    indicators.map((indicator, index) => ({
      activityId,
      position: index + 1,
      type: indicator.type,
      measure: indicator.measure,
      origin: indicator.origin,
      indicator,
    })),
  );
}

/** Indicators typed by people, with those computed elsewhere (a training edition) kept first. */
export function withComputedResults(
  stored: ResultIndicator[],
  entered: ResultIndicator[],
): ResultIndicator[] {
  return [...stored.filter((indicator) => indicator.origin !== 'entered'), ...entered];
}

/** The indicators of public activities that meet `which` (a condition over activities `a`). */
export async function publicResultsWhere(db: Db, which: SQL): Promise<ResultIndicator[]> {
  const rows = await queryRows<{ indicator: ResultIndicator }>(
    db,
    sql`SELECT r.indicator FROM activity_results r JOIN activities a ON a.id = r.activity_id
         WHERE a.is_public AND ${which} ORDER BY r.activity_id, r.position`,
  );
  return rows.map((row) => row.indicator);
}
