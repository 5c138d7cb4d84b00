import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

/**
 * A short text that changes whenever a public figure of the registry can change: the search
 * index's change counter (every activity made public, changed or hidden moves it, see migration
 * 0007) and the published reports (how many, the latest change). One indexed row and a scan of
 * the small reports table: cheap enough to ask on every request of a cached page, so the home
 * page and the registry's facets follow a publication at once in every app process.
 */
export async function registryVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`SELECT concat_ws('/', (SELECT version FROM search_state),
                         count(*), max(updated_at)::text, max(id)) AS v
          FROM reports WHERE status = 'published'`,
  );
  return row?.v ?? '';
}
