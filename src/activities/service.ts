import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../db/database.ts';
import { beneficiariesOf } from '../reports/service.ts';
import { type ActivityFilters, type ActivityMatch, type ActivitySort, listedInReports } from './filters.ts';
import { fullTextQuery } from './full-text-query.ts';
import { type MemoryMatch, matchInMemory } from './match-index/live-index.ts';
import { activities, activitySearch } from './schema.ts';

const s = activitySearch;
const hasElement = (column: AnyPgColumn, value: string) => sql`${column} @> ARRAY[${value}]::text[]`;

/**
 * The one WHERE clause, over the search index (activity_search), for listing, counting and
 * facets. Years compare the start date with a range so that the start-date indexes apply.
 */
export function activityWhere(filters: ActivityMatch): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(sql`${s.searchVector} @@ ${fullTextQuery(filters.q)}`);
  if (filters.donor) conditions.push(eq(s.donor, filters.donor));
  if (filters.beneficiary) conditions.push(hasElement(s.beneficiaryCodes, filters.beneficiary));
  if (filters.region) conditions.push(hasElement(s.regionCodes, filters.region));
  if (filters.ldc) conditions.push(eq(s.benefitsLdc, true));
  if (filters.ipArea) conditions.push(hasElement(s.ipAreas, filters.ipArea));
  if (filters.element) conditions.push(hasElement(s.elements, filters.element));
  if (filters.type) conditions.push(eq(s.activityType, filters.type));
  if (filters.level) conditions.push(eq(s.level, filters.level));
  if (filters.status) conditions.push(eq(s.status, filters.status));
  const listed = listedInReports(filters);
  if (listed) conditions.push(sql`${s.activityId} IN (${listed})`);
  if (filters.from !== undefined) conditions.push(gte(s.startDate, `${filters.from}-01-01`));
  if (filters.to !== undefined) conditions.push(lt(s.startDate, `${filters.to + 1}-01-01`));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The order actually used: relevance needs a query. */
export function effectiveSort(filters: Pick<ActivityFilters, 'q' | 'sort'>): ActivitySort {
  if (!filters.q) return 'date';
  return filters.sort ?? 'relevance';
}

const listColumns = {
  id: activities.id,
  donor: activities.donorPartyCode,
  title: activities.title,
  description: activities.description,
  originalLanguage: activities.originalLanguage,
  startDate: activities.startDate,
  startPrecision: activities.startPrecision,
  endDate: activities.endDate,
  endPrecision: activities.endPrecision,
  level: activities.level,
  activityType: activities.activityType,
  ipAreas: activities.ipAreas,
  status: activities.status,
  version: activities.version,
  updatedAt: activities.updatedAt,
};

/** The ids of every match in list order (for downloads), at most `limit`. */
export async function matchingActivityIds(
  db: Db,
  filters: ActivityFilters,
  limit: number,
): Promise<number[]> {
  const memory = await matchInMemory(db, filters);
  if (memory) return pageInMemory(memory, filters, 0, limit);
  const where = activityWhere(filters);
  const rankBy = effectiveSort(filters) === 'relevance' && filters.q ? filters.q : null;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT ${s.activityId} AS id FROM ${s} ${where ? sql`WHERE ${where}` : sql``}
         ORDER BY ${rankBy ? sql`ts_rank(${s.searchVector}, ${fullTextQuery(rankBy)}) DESC` : sql`${s.startDate} DESC NULLS LAST`}, 1
         LIMIT ${limit}`,
  );
  return rows.map((row) => row.id);
}

/**
 * One page of the matches from the in-memory index, in list order: relevance (its own ranking,
 * see MatchIndex.page) or newest first.
 */
export function pageInMemory(
  { index, set, query }: MemoryMatch,
  filters: Pick<ActivityFilters, 'q' | 'sort'>,
  offset: number,
  limit: number,
): number[] {
  return index.page(
    set,
    effectiveSort(filters) === 'relevance' && query ? { by: 'relevance', query } : { by: 'date' },
    offset,
    limit,
  );
}

export async function listActivities(db: Db, filters: ActivityFilters) {
  const offset = (filters.page - 1) * filters.pageSize;
  const sort = effectiveSort(filters);
  const memory = await matchInMemory(db, filters);
  if (memory) {
    const ids = pageInMemory(memory, filters, offset, filters.pageSize);
    const total = memory.set.count();
    return {
      total,
      page: filters.page,
      pageSize: filters.pageSize,
      sort,
      items: await activityItems(db, ids),
    };
  }
  const where = activityWhere(filters);
  const { total, ids } = where
    ? await pageOfMatches(db, where, matchOrder(filters), filters.pageSize, offset)
    : await pageOfAll(db, filters.pageSize, offset);
  return { total, page: filters.page, pageSize: filters.pageSize, sort, items: await activityItems(db, ids) };
}

/** The listed activities of a page, in the given order, with their beneficiaries. */
export async function activityItems(db: Db, ids: number[]) {
  const [rows, beneficiaries] = await Promise.all([
    ids.length > 0 ? db.select(listColumns).from(activities).where(inArray(activities.id, ids)) : [],
    beneficiariesOf(db, ids),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, beneficiaries: beneficiaries.get(id) ?? [] }] : [];
  });
}

/**
 * What a page of matches is ordered by: ts_rank (cheaper than ts_rank_cd on OR-ed multilingual
 * queries) when sorting by relevance, else the start date, newest first; then id.
 */
export function matchOrder(filters: Pick<ActivityFilters, 'q' | 'sort'>): { key: SQL; order: SQL } {
  const rankBy = effectiveSort(filters) === 'relevance' && filters.q ? filters.q : null;
  return rankBy
    ? { key: sql`ts_rank(${s.searchVector}, ${fullTextQuery(rankBy)})`, order: sql`sort_key DESC` }
    : { key: sql`${s.startDate}`, order: sql`sort_key DESC NULLS LAST` };
}

/** No filter at all: the newest-first index gives the page; counting is a separate scan. */
async function pageOfAll(db: Db, limit: number, offset: number) {
  const [total, rows] = await Promise.all([
    countActivities(db, undefined),
    db
      .select({ id: s.activityId })
      .from(s)
      .orderBy(sql`${s.startDate} DESC NULLS LAST`, s.activityId)
      .limit(limit)
      .offset(offset),
  ]);
  return { total, ids: rows.map((row) => row.id) };
}

/**
 * Filtered: one pass over the matches orders and counts them, carrying only (id, sort key)
 * through the sort; the wide rows are then read for the one page. Counting needs every match
 * anyway, so this is never more work than a count, and it keeps the planner from walking the
 * date index in the hope of meeting 20 matches early. The OFFSET 0 fence keeps the rank in the
 * scan, below the window, so the window buffers two numbers per match rather than whole rows.
 */
async function pageOfMatches(
  db: Db,
  where: SQL,
  { key, order }: ReturnType<typeof matchOrder>,
  limit: number,
  offset: number,
) {
  const ordered = await queryRows<{ id: number; total: string | number }>(
    db,
    sql`SELECT id, count(*) OVER () AS total
          FROM (SELECT ${s.activityId} AS id, ${key} AS sort_key FROM ${s} WHERE ${where} OFFSET 0) AS matches
         ORDER BY ${order}, id LIMIT ${limit} OFFSET ${offset}`,
  );
  // Past the last page no row carries the count.
  if (ordered.length === 0) return { total: offset > 0 ? await countActivities(db, where) : 0, ids: [] };
  return { total: Number(ordered[0]?.total ?? 0), ids: ordered.map((row) => Number(row.id)) };
}

async function countActivities(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(s).where(where);
  return row?.n ?? 0;
}
