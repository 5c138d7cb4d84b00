import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import type { ActivityFilters, ActivityMatch } from './filters.ts';
import { matchInMemory } from './match-index/live-index.ts';
import { activitySearch as s } from './schema.ts';
import { activityWhere, matchOrder, pageInMemory } from './service.ts';

/** How many values each facet lists, biggest first. */
export const facetLimit = 50;

export type FacetCount = { code: string; count: number };
export type ActivityFacets = {
  total: number;
  donors: FacetCount[];
  beneficiaries: FacetCount[];
  regions: FacetCount[];
  /** How many matching activities benefit an LDC. */
  ldc: number;
  ipAreas: FacetCount[];
  /** Elements of Article 67. */
  elements: FacetCount[];
  types: FacetCount[];
  levels: FacetCount[];
  statuses: FacetCount[];
  /** By start year, newest first. */
  years: FacetCount[];
};

type FacetName =
  | 'donor'
  | 'beneficiary'
  | 'region'
  | 'ip-area'
  | 'element'
  | 'type'
  | 'level'
  | 'status'
  | 'year';

/** A page of the matches to return with the counts, in list order. */
export type FacetPage = Pick<ActivityFilters, 'q' | 'sort' | 'page' | 'pageSize'>;

/**
 * Counts the activities matching the filters by every facet in one round trip: the matching
 * search rows are read once (a materialized CTE, narrow rows with codes as arrays) and each
 * facet is counted from them.
 */
export async function countActivityFacets(db: Db, filters: ActivityMatch): Promise<ActivityFacets> {
  return (await facetsAndPage(db, filters, null)).facets;
}

/**
 * The counts and, in the same pass over the matches, the ids of one page of them: what the search
 * page needs, for one reading of the matching rows instead of two.
 */
export async function facetsAndPage(
  db: Db,
  filters: ActivityMatch,
  page: FacetPage | null,
): Promise<{ facets: ActivityFacets; pageIds: number[] }> {
  const memory = await matchInMemory(db, filters);
  if (memory) {
    return {
      facets: memory.index.facets(memory.set, facetLimit),
      pageIds: page ? pageInMemory(memory, page, (page.page - 1) * page.pageSize, page.pageSize) : [],
    };
  }
  const where = activityWhere(filters);
  const order = page ? matchOrder(page) : null;
  const grouped = (facet: FacetName, value: string, from = 'matching') =>
    sql.raw(`(SELECT '${facet}', ${value}, count(*)::int FROM ${from} GROUP BY 2 HAVING ${value} IS NOT NULL
              ORDER BY 3 DESC, 2 LIMIT ${facetLimit})`);
  const rows = await queryRows<{
    facet: 'page' | 'total' | 'ldc' | FacetName;
    code: string | null;
    n: number;
  }>(
    db,
    sql`WITH matching AS MATERIALIZED (
          SELECT ${s.donor} AS donor, ${s.beneficiaryCodes} AS beneficiaries, ${s.regionCodes} AS regions,
                 ${s.ipAreas} AS ip_areas, ${s.elements} AS elements, ${s.activityType} AS type, ${s.level} AS level, ${s.status} AS status,
                 ${s.benefitsLdc} AS ldc, extract(year FROM ${s.startDate})::int::text AS year
                 ${order ? sql`, ${s.activityId} AS id, ${order.key} AS sort_key` : sql``}
            FROM ${s} ${where ? sql`WHERE ${where}` : sql``}
        )
        SELECT 'total' AS facet, NULL AS code, count(*)::int AS n FROM matching
        UNION ALL SELECT 'ldc', NULL, count(*)::int FROM matching WHERE ldc
        UNION ALL ${grouped('donor', 'donor')}
        UNION ALL ${grouped('beneficiary', 'code', '(SELECT unnest(beneficiaries) AS code FROM matching) AS listed')}
        UNION ALL ${grouped('region', 'code', '(SELECT unnest(regions) AS code FROM matching) AS listed')}
        UNION ALL ${grouped('ip-area', 'code', '(SELECT unnest(ip_areas) AS code FROM matching) AS listed')}
        UNION ALL ${grouped('element', 'code', '(SELECT unnest(elements) AS code FROM matching) AS listed')}
        UNION ALL ${grouped('type', 'type')}
        UNION ALL ${grouped('level', 'level')}
        UNION ALL ${grouped('status', 'status')}
        UNION ALL ${grouped('year', 'year')}
        ${
          page && order
            ? sql`UNION ALL (SELECT 'page', id::text, row_number() OVER (ORDER BY ${order.order}, id)::int FROM matching
                   ORDER BY ${order.order}, id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize})`
            : sql``
        }`,
  );
  const facets: ActivityFacets = {
    total: 0,
    ldc: 0,
    donors: [],
    beneficiaries: [],
    regions: [],
    ipAreas: [],
    elements: [],
    types: [],
    levels: [],
    statuses: [],
    years: [],
  };
  const lists: Record<FacetName, FacetCount[]> = {
    donor: facets.donors,
    beneficiary: facets.beneficiaries,
    region: facets.regions,
    'ip-area': facets.ipAreas,
    element: facets.elements,
    type: facets.types,
    level: facets.levels,
    status: facets.statuses,
    year: facets.years,
  };
  const pageRows: Array<{ id: number; position: number }> = [];
  for (const row of rows) {
    if (row.facet === 'page') pageRows.push({ id: Number(row.code), position: Number(row.n) });
    else if (row.facet === 'total') facets.total = Number(row.n);
    else if (row.facet === 'ldc') facets.ldc = Number(row.n);
    else lists[row.facet].push({ code: row.code ?? '', count: Number(row.n) });
  }
  // UNION ALL keeps each branch's order in practice, but only ORDER BY promises it.
  const byCount = (a: FacetCount, b: FacetCount) =>
    b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  for (const [name, list] of Object.entries(lists)) {
    list.sort(name === 'year' ? (a, b) => b.code.localeCompare(a.code) : byCount);
  }
  pageRows.sort((a, b) => a.position - b.position);
  return { facets, pageIds: pageRows.map((row) => row.id) };
}
