import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/**
 * Recomputes the full-text vector of some activities: titles weigh most, then descriptions,
 * then the names of agencies and partners. Each language's text goes through its own stemmer;
 * every configuration folds accents.
 */
export async function refreshActivitySearch(db: Db, activityIds: number[] | 'all'): Promise<void> {
  if (activityIds.length === 0) return;
  const which =
    activityIds === 'all'
      ? sql`true`
      : sql`a.id IN (${sql.join(
          activityIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;
  await db.execute(sql`
    UPDATE activities a SET search_vector =
        setweight(to_tsvector('ipcoop_en', coalesce(a.title->>'en', '')), 'A')
     || setweight(to_tsvector('ipcoop_fr', coalesce(a.title->>'fr', '')), 'A')
     || setweight(to_tsvector('ipcoop_es', coalesce(a.title->>'es', '')), 'A')
     || setweight(to_tsvector('ipcoop_en', coalesce(a.description->>'en', '')), 'B')
     || setweight(to_tsvector('ipcoop_fr', coalesce(a.description->>'fr', '')), 'B')
     || setweight(to_tsvector('ipcoop_es', coalesce(a.description->>'es', '')), 'B')
     || setweight(to_tsvector('ipcoop_simple', coalesce((
          SELECT string_agg(concat_ws(' ', g.code, g.acronym, g.name->>'en', g.name->>'fr', g.name->>'es'), ' ')
            FROM activity_agencies aa JOIN agencies g ON g.id = aa.agency_id
           WHERE aa.activity_id = a.id), '')), 'C')
    WHERE ${which}`);
}
