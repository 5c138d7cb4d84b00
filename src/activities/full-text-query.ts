import { type SQL, sql } from 'drizzle-orm';

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

/** The tsquery a search box text stands for. */
export const fullTextQuery = (q: string): SQL => searchQuery(q);
