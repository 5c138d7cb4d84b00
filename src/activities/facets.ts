import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { activities } from './schema.ts';
import { type ActivityMatch, activityWhere } from './service.ts';

/** How many values each facet lists, biggest first. */
export const facetLimit = 50;

export type FacetCount = { code: string; count: number };
export type ActivityFacets = {
  total: number;
  donors: FacetCount[];
  beneficiaries: FacetCount[];
  ipAreas: FacetCount[];
};

/**
 * Counts the activities that match the filters by donor, by beneficiary party and by IP area,
 * in one round trip: the matching activities are read once (a materialized CTE) and every facet
 * is counted from them. Beneficiaries are looked up per matching activity (a LATERAL subquery
 * on the (activity_id, party_code) index) rather than by hashing the whole beneficiary table,
 * and de-duplicated per activity, so a party listed twice still counts the activity once.
 */
export async function countActivityFacets(db: Db, filters: ActivityMatch): Promise<ActivityFacets> {
  const where = activityWhere(db, filters);
  const rows = await queryRows<{
    facet: 'total' | 'donor' | 'beneficiary' | 'ip-area';
    code: string | null;
    n: number;
  }>(
    db,
    sql`WITH matching AS MATERIALIZED (
          SELECT ${activities.id} AS id, ${activities.donorPartyCode} AS donor, ${activities.ipAreas} AS ip_areas
            FROM ${activities}
           ${where ? sql`WHERE ${where}` : sql``}
        )
        SELECT 'total' AS facet, NULL AS code, count(*)::int AS n FROM matching
        UNION ALL
        (SELECT 'donor', donor, count(*)::int FROM matching
          GROUP BY donor ORDER BY 3 DESC, 2 LIMIT ${facetLimit})
        UNION ALL
        (SELECT 'beneficiary', listed.party_code, count(*)::int
           FROM matching m
           CROSS JOIN LATERAL (SELECT DISTINCT b.party_code FROM activity_beneficiaries b
                                WHERE b.activity_id = m.id AND b.party_code IS NOT NULL) AS listed
          GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${facetLimit})
        UNION ALL
        (SELECT 'ip-area', area, count(*)::int FROM (SELECT unnest(ip_areas) AS area FROM matching) AS areas
          GROUP BY area ORDER BY 3 DESC, 2 LIMIT ${facetLimit})`,
  );
  const facets: ActivityFacets = { total: 0, donors: [], beneficiaries: [], ipAreas: [] };
  for (const row of rows) {
    const entry = { code: row.code ?? '', count: Number(row.n) };
    if (row.facet === 'total') facets.total = entry.count;
    else if (row.facet === 'donor') facets.donors.push(entry);
    else if (row.facet === 'beneficiary') facets.beneficiaries.push(entry);
    else facets.ipAreas.push(entry);
  }
  // UNION ALL keeps each branch's order in practice, but only ORDER BY promises it.
  for (const list of [facets.donors, facets.beneficiaries, facets.ipAreas]) {
    list.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return facets;
}
