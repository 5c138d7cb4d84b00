import { sql } from 'drizzle-orm';
import type { ActivityFilters } from '../activities/filters.ts';
import { fullTextQuery } from '../activities/full-text-query.ts';
import { listActivities } from '../activities/service.ts';
import { type Db, queryRows } from '../db/database.ts';
import { pickText, type TextByLanguage } from '../i18n/localized-text.ts';

/** Report symbols look like IP/C/R/TC/CAN/2019 or IP/C/R/TC/CAN/Corr.1: letters and slashes. */
const symbolShape = /^[A-Za-z]{1,10}(?:\/[A-Za-z0-9.-]{1,20}){2,8}$/;

/** The published report a search text names by its symbol, if any. */
export async function reportBySymbol(db: Db, q: string): Promise<number | null> {
  const text = q.trim();
  if (!symbolShape.test(text)) return null;
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM reports WHERE upper(symbol) = upper(${text}) AND status = 'published' LIMIT 1`,
  );
  return row ? Number(row.id) : null;
}

export type ReportLabel = {
  id: number;
  symbol: string | null;
  party: string;
  periodStart: string;
  periodEnd: string;
};

/** What names a published report in the filters shown (null: no such published report). */
export async function publishedReportLabel(db: Db, id: number): Promise<ReportLabel | null> {
  const [row] = await queryRows<ReportLabel>(
    db,
    sql`SELECT id, symbol, reporting_party_code AS party, period_start::text AS "periodStart",
               period_end::text AS "periodEnd"
          FROM reports WHERE id = ${id} AND status = 'published'`,
  );
  return row ? { ...row, id: Number(row.id) } : null;
}

/** At least this similar (pg_trgm, 0 to 1) to be proposed: "patnet" and "patent" are 0.27. */
const closeEnough = 0.25;

/**
 * "Did you mean": each word of the text that is not one of the registry's own words is replaced
 * by the nearest one (search_words, by trigrams), and the result is proposed only when it finds
 * something with the same filters. Texts using the search syntax are left alone.
 */
export async function suggestCorrection(db: Db, filters: ActivityFilters): Promise<string | null> {
  const q = filters.q?.trim();
  if (!q || /["]|(^|\s)-\S/.test(q)) return null;
  const words = q.split(/\s+/);
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower.length < 4 || lower === 'or' || /\d/.test(lower)) {
      corrected.push(word);
      continue;
    }
    const [nearest] = await queryRows<{ word: string; similarity: number }>(
      db,
      sql`SELECT word, similarity(word, ${lower}) AS similarity FROM search_words
           ORDER BY word <-> ${lower} LIMIT 1`,
    );
    if (nearest && nearest.word !== lower && Number(nearest.similarity) >= closeEnough) {
      corrected.push(nearest.word);
      changed = true;
    } else {
      corrected.push(word);
    }
  }
  if (!changed) return null;
  const suggestion = corrected.join(' ');
  const found = await listActivities(db, { ...filters, q: suggestion, page: 1, pageSize: 1 });
  return found.total > 0 ? suggestion : null;
}

/** Marks around highlighted words in titles; removed from the titles themselves beforehand. */
export const markStart = '\u27e6';
export const markEnd = '\u27e7';
const configs: Record<string, string> = { en: 'ipcoop_en', fr: 'ipcoop_fr', es: 'ipcoop_es' };

/**
 * The titles of a page of results with the words the query matched between markStart and
 * markEnd (PostgreSQL's ts_headline, with the stemmer of the title's language), by activity id.
 */
export async function highlightedTitles(
  db: Db,
  q: string,
  items: Array<{ id: number; title: TextByLanguage; originalLanguage: string }>,
  lang: string,
): Promise<Map<number, string>> {
  if (items.length === 0 || !q.trim()) return new Map();
  const rows = items.map((item) => {
    const title = pickText(item.title, lang, item.originalLanguage);
    const text = title.value.replaceAll(markStart, '[').replaceAll(markEnd, ']');
    return sql`(${item.id}::int, ${configs[title.lang] ?? 'ipcoop_simple'}::text, ${text}::text)`;
  });
  const marked = await queryRows<{ id: number; title: string }>(
    db,
    sql`SELECT t.id, ts_headline(t.config::regconfig, t.title, q.query,
                                 ${`HighlightAll=true, StartSel=${markStart}, StopSel=${markEnd}`}) AS title
          FROM (VALUES ${sql.join(rows, sql`, `)}) AS t(id, config, title), (SELECT ${fullTextQuery(q)} AS query) AS q`,
  );
  return new Map(marked.map((row) => [Number(row.id), row.title]));
}
