import { type ActivityFacets, facetLimit, facetsAndPage } from '../activities/facets.ts';
import type { ActivityFilters } from '../activities/filters.ts';
import { matchInMemory } from '../activities/match-index/live-index.ts';
import { activityItems, listActivities, pageInMemory } from '../activities/service.ts';
import type { Db } from '../db/database.ts';

/** Whether any filter narrows the registry (paging and order aside). */
export const isNarrowed = (filters: ActivityFilters) =>
  Object.entries(filters).some(
    ([name, value]) => value !== undefined && !['page', 'pageSize', 'sort'].includes(name),
  );

/**
 * What one search page shows: the page of activities and every facet. From the in-memory index
 * when it is built (one match, then counting and the page from it); otherwise from PostgreSQL:
 * narrowed, one pass over the matches gives the counts and the page; the bare page lists the
 * newest activities from an index and takes the whole registry's counts from `everything` (a cache).
 */
export async function searchPageResults(
  db: Db,
  filters: ActivityFilters,
  everything: () => Promise<ActivityFacets>,
) {
  const memory = await matchInMemory(db, filters);
  if (memory) {
    const facets = memory.index.facets(memory.set, facetLimit);
    const ids = pageInMemory(memory, filters, (filters.page - 1) * filters.pageSize, filters.pageSize);
    return { total: facets.total, items: await activityItems(db, ids), facets };
  }
  if (isNarrowed(filters)) {
    const { facets, pageIds } = await facetsAndPage(db, filters, filters);
    return { total: facets.total, items: await activityItems(db, pageIds), facets };
  }
  const [list, facets] = await Promise.all([listActivities(db, filters), everything()]);
  return { total: list.total, items: list.items, facets };
}
