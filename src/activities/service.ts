import { and, eq, exists, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../db/database.ts';
import { beneficiariesOf } from '../reports/service.ts';
import { activities, activityBeneficiaries } from './schema.ts';

const partyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a party code such as CAN or WTO-OMC');

/** A year of start; an empty form field counts as "no bound". */
const year = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.coerce
    .number({ error: 'a year such as 2015' })
    .int('a whole year such as 2015')
    .min(1950, 'a year from 1950 to 2100')
    .max(2100, 'a year from 1950 to 2100')
    .optional(),
);

export const activitySorts = ['relevance', 'date'] as const;
export type ActivitySort = (typeof activitySorts)[number];

export const activityFilters = z
  .object({
    q: z.string().trim().max(200, 'at most 200 characters').optional(),
    donor: partyCode.optional(),
    beneficiary: partyCode.optional(),
    /** Activities that started in this year or later. */
    from: year,
    /** Activities that started in this year or earlier. */
    to: year,
    /** Default: relevance when there is a query, otherwise newest first. */
    sort: z.enum(activitySorts, { error: 'relevance or date' }).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine((filters, ctx) => {
    if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the last year (${filters.to}) comes before the first year (${filters.from})`,
      });
    }
  });
export type ActivityFilters = z.infer<typeof activityFilters>;

/** What narrows the set of activities; paging and order aside. */
export type ActivityMatch = Pick<ActivityFilters, 'q' | 'donor' | 'beneficiary' | 'from' | 'to'>;

/**
 * The web-style query in the three stemmers at once: the text may be in any of them. Stemmers
 * often agree ("patent" is 'patent' in all three); each distinct form is kept once, so that the
 * planner does not count the same word three times when it estimates how many rows match.
 * Everything here is immutable, so PostgreSQL folds it to one constant before planning.
 */
export const searchQuery = (q: string): SQL => {
  const en = sql`websearch_to_tsquery('ipcoop_en', ${q})`;
  const fr = sql`websearch_to_tsquery('ipcoop_fr', ${q})`;
  const es = sql`websearch_to_tsquery('ipcoop_es', ${q})`;
  return sql`(CASE WHEN ${fr} = ${en} AND ${es} = ${en} THEN ${en}
    WHEN ${fr} = ${en} OR ${fr} = ${es} THEN ${en} || ${es}
    WHEN ${es} = ${en} THEN ${en} || ${fr}
    ELSE ${en} || ${fr} || ${es} END)`;
};

/** Matches a web-style query in the three stemmers at once: the text may be in any of them. */
export const fullTextMatch = (q: string): SQL => sql`${activities.searchVector} @@ ${searchQuery(q)}`;

/**
 * The one WHERE clause for listing, counting and facets. Years compare the start date with
 * a range (not extract(year ...)) so that the start-date indexes apply.
 */
export function activityWhere(db: Db, filters: ActivityMatch): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(fullTextMatch(filters.q));
  if (filters.donor) conditions.push(eq(activities.donorPartyCode, filters.donor));
  if (filters.beneficiary) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(activityBeneficiaries)
          .where(
            and(
              eq(activityBeneficiaries.activityId, activities.id),
              eq(activityBeneficiaries.partyCode, filters.beneficiary),
            ),
          ),
      ),
    );
  }
  if (filters.from !== undefined) conditions.push(gte(activities.startDate, `${filters.from}-01-01`));
  if (filters.to !== undefined) conditions.push(lt(activities.startDate, `${filters.to + 1}-01-01`));
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

export async function listActivities(db: Db, filters: ActivityFilters) {
  const where = activityWhere(db, filters);
  const offset = (filters.page - 1) * filters.pageSize;
  const sort = effectiveSort(filters);
  const { total, rows } = where
    ? await pageOfMatches(
        db,
        where,
        sort === 'relevance' && filters.q ? filters.q : null,
        filters.pageSize,
        offset,
      )
    : await pageOfAll(db, filters.pageSize, offset);
  const beneficiaries = await beneficiariesOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    sort,
    items: rows.map((row) => ({ ...row, beneficiaries: beneficiaries.get(row.id) ?? [] })),
  };
}

/** No filter at all: the newest-first index gives the page; counting is a separate scan. */
async function pageOfAll(db: Db, limit: number, offset: number) {
  const [total, rows] = await Promise.all([
    countActivities(db, undefined),
    db
      .select(listColumns)
      .from(activities)
      .orderBy(sql`${activities.startDate} DESC NULLS LAST`, activities.id)
      .limit(limit)
      .offset(offset),
  ]);
  return { total, rows };
}

/**
 * Filtered: one pass over the matches orders and counts them, carrying only (id, sort key)
 * through the sort; the wide columns are then read for the one page. Counting needs every match
 * anyway, so this is never more work than a count, and it keeps the planner from walking the
 * date index in the hope of meeting 20 matches early. The OFFSET 0 fence keeps the rank in the
 * scan, below the window, so the window buffers two numbers per match rather than whole rows.
 * With a query, order is by ts_rank (cheaper than ts_rank_cd on OR-ed multilingual queries),
 * then id; without, newest first.
 */
async function pageOfMatches(db: Db, where: SQL, rankBy: string | null, limit: number, offset: number) {
  const key = rankBy
    ? sql`ts_rank(${activities.searchVector}, ${searchQuery(rankBy)})`
    : sql`${activities.startDate}`;
  const order = rankBy ? sql`sort_key DESC` : sql`sort_key DESC NULLS LAST`;
  const ordered = await queryRows<{ id: number; total: string | number }>(
    db,
    sql`SELECT id, count(*) OVER () AS total
          FROM (SELECT ${activities.id} AS id, ${key} AS sort_key FROM ${activities} WHERE ${where} OFFSET 0) AS matches
         ORDER BY ${order}, id LIMIT ${limit} OFFSET ${offset}`,
  );
  // Past the last page no row carries the count.
  if (ordered.length === 0) return { total: offset > 0 ? await countActivities(db, where) : 0, rows: [] };
  const rows = await db
    .select(listColumns)
    .from(activities)
    .where(
      inArray(
        activities.id,
        ordered.map((row) => row.id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    total: Number(ordered[0]?.total ?? 0),
    rows: ordered.flatMap((row) => byId.get(row.id) ?? []),
  };
}

async function countActivities(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where);
  return row?.n ?? 0;
}

export async function getActivity(db: Db, id: number) {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) return null;
  const { searchVector: _index, ...activity } = row;
  const beneficiaries = await beneficiariesOf(db, [id]);
  const appearsIn = await db.execute(
    sql`select r.id as "reportId", r.reporting_party_code as "reportingParty", r.period_start as "periodStart", r.period_end as "periodEnd", ra.row_number as "rowNumber"
          from report_activities ra join reports r on r.id = ra.report_id
         where ra.activity_id = ${id} order by r.period_start`,
  );
  return {
    ...activity,
    beneficiaries: beneficiaries.get(id) ?? [],
    reports: (appearsIn as unknown as { rows: unknown[] }).rows,
  };
}
