import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database.ts';
import { type ActivityMatch, listedInReports } from '../filters.ts';
import { fullTextQuery } from '../full-text-query.ts';
import type { Bitset } from './bitset.ts';
import { type IndexedActivity, type IndexFilters, MatchIndex } from './match-index.ts';
import { answerableInMemory, parseTsquery, type QueryNode } from './tsquery-text.ts';

const batchSize = 20_000;

const readRows = (db: Db, where: ReturnType<typeof sql>) =>
  queryRows<IndexedActivity>(
    db,
    sql`SELECT activity_id AS "activityId", donor, start_date::text AS "startDate", ip_areas AS "ipAreas", elements,
               activity_type AS type, level, status, beneficiary_codes AS beneficiaries,
               region_codes AS regions, benefits_ldc AS ldc, search_vector::text AS vector
          FROM activity_search WHERE ${where}`,
  );

const currentVersion = async (db: Db) =>
  Number((await queryRows<{ v: string }>(db, sql`SELECT version::text AS v FROM search_state`))[0]?.v ?? 0);

/**
 * The in-memory index of one database, kept exact: built in the background when the app starts,
 * then, before each use, brought up to date from search_changes (one indexed look-up when nothing
 * changed). Until it is built, or when it cannot answer, callers ask PostgreSQL.
 */
class LiveIndex {
  private index: MatchIndex | null = null;
  private version = 0;
  private building: Promise<void> | null = null;
  private catchingUp: Promise<MatchIndex | null> | null = null;
  private failed = false;
  /** Seconds the last full build took, for the benchmark. */
  buildSeconds = 0;

  constructor(private readonly db: Db) {}

  get state(): MatchIndexState {
    if (this.failed) return 'unavailable';
    return this.index ? 'in memory' : 'building';
  }

  start(): Promise<void> {
    if (this.failed) return Promise.resolve();
    this.building ??= this.build()
      .catch((error: Error) => {
        this.failed = true;
        console.error(`search index unavailable, PostgreSQL answers every search: ${error.message}`);
      })
      .finally(() => {
        this.building = null;
      });
    return this.building;
  }

  private async build() {
    const started = performance.now();
    this.index = null;
    const version = await currentVersion(this.db);
    const index = new MatchIndex();
    let last = 0;
    for (;;) {
      const rows = await readRows(
        this.db,
        sql`activity_id > ${last} ORDER BY activity_id LIMIT ${batchSize}`,
      );
      for (const row of rows) index.put(row);
      if (rows.length < batchSize) break;
      last = rows[rows.length - 1]?.activityId ?? last;
    }
    this.version = version;
    this.index = index;
    this.buildSeconds = (performance.now() - started) / 1000;
  }

  /** The index brought up to date with every committed change, or null while there is none. */
  fresh(): Promise<MatchIndex | null> {
    if (!this.index) return Promise.resolve(null);
    this.catchingUp ??= this.catchUp().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async catchUp(): Promise<MatchIndex | null> {
    const index = this.index;
    if (!index) return null;
    const version = await currentVersion(this.db);
    if (version === this.version) return index;
    const changes = await queryRows<{ v: string; ids: number[] | null }>(
      this.db,
      sql`SELECT version::text AS v, activity_ids AS ids FROM search_changes
           WHERE version > ${this.version} ORDER BY version`,
    );
    const ids = new Set<number>();
    let complete = changes.length > 0 && Number(changes[0]?.v) === this.version + 1;
    for (const change of changes) {
      if (change.ids === null) complete = false;
      else for (const id of change.ids) ids.add(id);
    }
    // Too many changes to follow one by one, or a gap (pruned history): read everything again.
    if (!complete || index.droppedCount + ids.size > Math.max(10_000, index.activityCount / 4)) {
      void this.start();
      return null;
    }
    const list = [...ids];
    const rows =
      list.length > 0 ? await readRows(this.db, sql`activity_id = ANY(${`{${list.join(',')}}`}::int[])`) : [];
    for (const id of list) index.remove(id);
    for (const row of rows) index.put(row);
    this.version = Number(changes[changes.length - 1]?.v ?? version);
    return index;
  }
}

const liveIndexes = new WeakMap<Db, LiveIndex>();

/** Starts keeping an in-memory search index for this database (once per database); resolves when built. */
export function keepMatchIndex(db: Db): Promise<void> {
  let live = liveIndexes.get(db);
  if (!live) {
    live = new LiveIndex(db);
    liveIndexes.set(db, live);
  }
  return live.start();
}

/**
 * Who answers searches: the in-memory index, or PostgreSQL while it is building (or after it
 * failed). Operators and load scripts read it on /readyz.
 */
export type MatchIndexState = 'in memory' | 'building' | 'unavailable';
export const matchIndexState = (db: Db): MatchIndexState => liveIndexes.get(db)?.state ?? 'unavailable';

/** How long the last full build of the database's index took, in seconds (0: none). */
export const matchIndexBuildSeconds = (db: Db) => liveIndexes.get(db)?.buildSeconds ?? 0;

// The parsed tsquery of recent search texts: it depends on the text alone.
const queries = new Map<string, QueryNode | null>();

async function parsedQuery(db: Db, q: string): Promise<QueryNode | null> {
  const known = queries.get(q);
  if (known !== undefined || queries.has(q)) return known ?? null;
  const [row] = await queryRows<{ t: string }>(db, sql`SELECT (${fullTextQuery(q)})::text AS t`);
  const node = parseTsquery(row?.t ?? '');
  if (queries.size >= 2_000) queries.delete(queries.keys().next().value as string);
  queries.set(q, node);
  return node;
}

export type MemoryMatch = { index: MatchIndex; set: Bitset; query: QueryNode | undefined };

/**
 * The matches of a search from the in-memory index, or null when PostgreSQL has to answer: no
 * index kept for this database (or a transaction), not built yet, or a query with phrases.
 */
export async function matchInMemory(
  db: Db,
  filters: IndexFilters & { q?: string | undefined } & Pick<ActivityMatch, 'report' | 'reporter' | 'cycle'>,
): Promise<MemoryMatch | null> {
  const live = liveIndexes.get(db);
  if (!live) return null;
  const index = await live.fresh();
  if (!index) return null;
  let query: QueryNode | null | undefined;
  if (filters.q) {
    query = await parsedQuery(db, filters.q);
    if (query && !answerableInMemory(query)) return null;
  }
  const set = index.match(query, filters);
  const listed = listedInReports(filters);
  if (listed) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`SELECT DISTINCT activity_id AS id FROM (${listed}) AS listed`,
    );
    set.and(index.ordinals(rows.map((row) => Number(row.id))));
  }
  return { index, set, query: query ?? undefined };
}
