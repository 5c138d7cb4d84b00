import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { benefitsAnLdc } from './ldc.ts';

/**
 * The names of an activity's beneficiary parties, each language through its own stemmer, at the
 * lowest weight: "Guatemala" finds the activities for Guatemala. Kept last in the vector, so that
 * migration 0007 could append it to the vectors built before.
 */
const beneficiaryNames = (activityId: SQL) => {
  const names = (column: 'name_en' | 'name_fr' | 'name_es') =>
    sql`coalesce((SELECT string_agg(p.${sql.raw(column)}, ' ' ORDER BY b.position)
                    FROM activity_beneficiaries b JOIN parties p ON p.code = b.party_code
                   WHERE b.activity_id = ${activityId}), '')`;
  return sql`setweight(to_tsvector('ipcoop_en', ${names('name_en')}), 'D')
     || setweight(to_tsvector('ipcoop_fr', ${names('name_fr')}), 'D')
     || setweight(to_tsvector('ipcoop_es', ${names('name_es')}), 'D')`;
};

/**
 * Rebuilds the search rows (activity_search) of some activities, or of all. Titles weigh most,
 * then descriptions, then the names of agencies and partners; each language's text goes through
 * its own stemmer and every configuration folds accents; beneficiary names come last. Region codes hold the regions named and
 * every region containing a named party or region, so "Americas" finds an activity for Costa Rica.
 * "World" (001) contains everything and is left out. Activities not yet public (only in drafts)
 * have no search row. Title words go to search_words for "did you mean". Call it after any change to an activity, its beneficiaries, agencies or elements, and after reference
 * data changes development statuses or regions (with 'all').
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
  await db.execute(sql`DELETE FROM activity_search s USING activities a
                        WHERE s.activity_id = a.id AND NOT a.is_public AND ${which}`);
  await db.execute(sql`
    WITH RECURSIVE region_ancestors(start_code, code) AS (
      SELECT code, code FROM regions
      UNION
      SELECT ra.start_code, r.parent_code FROM region_ancestors ra JOIN regions r ON r.code = ra.code
       WHERE r.parent_code IS NOT NULL
    )
    INSERT INTO activity_search (activity_id, donor, start_date, ip_areas, activity_type, level, status,
                                 beneficiary_codes, region_codes, benefits_ldc, elements, search_vector)
    SELECT a.id, a.donor_party_code, a.start_date, a.ip_areas, a.activity_type, a.level, a.status,
      ARRAY(SELECT DISTINCT b.party_code FROM activity_beneficiaries b
             WHERE b.activity_id = a.id AND b.party_code IS NOT NULL ORDER BY 1),
      ARRAY(SELECT DISTINCT ra.code FROM activity_beneficiaries b
              LEFT JOIN parties p ON p.code = b.party_code
              JOIN region_ancestors ra ON ra.start_code IN (b.region_code, p.subregion_code, p.region_code)
             WHERE b.activity_id = a.id AND ra.code <> '001' ORDER BY 1),
      ${benefitsAnLdc(sql`a.id`, sql`a.start_date`)},
      ARRAY(SELECT e.element FROM activity_elements e WHERE e.activity_id = a.id ORDER BY 1),
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
     || ${beneficiaryNames(sql`a.id`)}
      FROM activities a
     WHERE a.is_public AND ${which}
    ON CONFLICT (activity_id) DO UPDATE SET
      donor = excluded.donor, start_date = excluded.start_date, ip_areas = excluded.ip_areas,
      activity_type = excluded.activity_type, level = excluded.level, status = excluded.status,
      beneficiary_codes = excluded.beneficiary_codes, region_codes = excluded.region_codes,
      benefits_ldc = excluded.benefits_ldc, elements = excluded.elements, search_vector = excluded.search_vector`);
  // Title words feed "did you mean" (search_words, compared by trigrams).
  await db.execute(sql`
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM activities a,
           unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', a.title->>'en', a.title->>'fr', a.title->>'es')))) AS w
     WHERE a.is_public AND ${which} AND length(w) >= 4 AND w !~ '[0-9]'
    ON CONFLICT DO NOTHING`);
}
