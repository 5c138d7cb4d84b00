import { type SQL, sql } from 'drizzle-orm';
import { expandQuery } from '../reference/vocabulary.ts';

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

/**
 * The tsquery a search box text stands for: its words, and for each vocabulary term in it the
 * term in all three languages ("brevet" searches brevet, patent or patente).
 */
export function fullTextQuery(q: string): SQL {
  const { rest, groups } = expandQuery(q);
  if (groups.length === 0) return searchQuery(q);
  const parts = groups.map(
    (forms) =>
      sql`(${sql.join(
        forms.map((form) => searchQuery(form.replace(/[-'’]/g, ' '))),
        sql` || `,
      )})`,
  );
  if (rest.trim()) parts.unshift(searchQuery(rest));
  return sql`(${sql.join(parts, sql` && `)})`;
}

/**
 * Whether a text matches the search box as activities do (the three stemmers, the vocabulary's
 * equivalents): for the few rows of needs, offers and incentives, read on the fly, not indexed.
 */
export function matchesSearch(text: SQL, q: string): SQL {
  const words = sql`(to_tsvector('ipcoop_en', ${text}) || to_tsvector('ipcoop_fr', ${text}) || to_tsvector('ipcoop_es', ${text}))`;
  return sql`${words} @@ ${fullTextQuery(q)}`;
}
