import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, mulberry32, pick, sampleQueries } from '../../../bench/synthetic-registry.ts';
import { type Database, type Db, inTransaction, openDatabase, queryRows } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { countActivityFacets } from '../facets.ts';
import { type ActivityFilters, activityFilters } from '../filters.ts';
import { activities } from '../schema.ts';
import { refreshActivitySearch } from '../search-index.ts';
import { activityWhere, listActivities } from '../service.ts';
import { keepMatchIndex, matchIndexState, matchInMemory } from './live-index.ts';

// Queries beyond the sample: stop words only, negation, OR, accents, a phrase, prefixes of nothing.
const oddQueries = [
  'the',
  '-patent',
  'patent -training',
  'training or seminar',
  'propriete',
  '"capacity building"',
];

/** The ids PostgreSQL finds for the filters, in id order. */
async function idsFromPostgres(db: Db, filters: ActivityFilters): Promise<number[]> {
  const where = activityWhere(filters);
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT activity_id AS id FROM activity_search ${where ? sql`WHERE ${where}` : sql``} ORDER BY 1`,
  );
  return rows.map((row) => Number(row.id));
}

async function idsFromMemory(db: Db, filters: ActivityFilters): Promise<number[] | null> {
  const memory = await matchInMemory(db, filters);
  if (!memory) return null;
  return memory.index.page(memory.set, { by: 'date' }, 0, memory.set.count()).sort((a, b) => a - b);
}

describe.each(testBackends)('in-memory search index against PostgreSQL (%s database)', (backend) => {
  let database: Database;
  let db: Db;
  const random = mulberry32(99);

  const randomFilters = (): ActivityFilters => {
    const input: Record<string, string | number> = {};
    const r = random();
    if (r < 0.8) input.q = random() < 0.8 ? pick(random, sampleQueries) : pick(random, oddQueries);
    if (random() < 0.3) input.donor = pick(random, ['USA', 'JPN', 'EU', 'CHE', 'CAN']);
    if (random() < 0.3) input.beneficiary = pick(random, ['CHN', 'IND', 'KEN', 'PER', 'VNM']);
    if (random() < 0.2) input.region = pick(random, ['002', '019', '142', '013']);
    if (random() < 0.2) input.ldc = '1';
    if (random() < 0.2) input.ipArea = pick(random, ['patents', 'trademarks', 'copyright', 'enforcement']);
    if (random() < 0.2) input.element = pick(random, ['laws-regulations', 'training-personnel', 'other']);
    if (random() < 0.2) input.type = pick(random, ['training', 'seminar', 'technical-assistance']);
    if (random() < 0.15) input.level = pick(random, ['bilateral', 'regional', 'multilateral']);
    if (random() < 0.15) input.status = pick(random, ['completed', 'ongoing']);
    if (random() < 0.3) input.from = 2000 + Math.floor(random() * 20);
    if (random() < 0.3) input.to = Math.max(Number(input.from ?? 1996), 2005 + Math.floor(random() * 20));
    return activityFilters.parse(input);
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    await loadRegistry(db, { activities: 1500, seed: 5 });
    await keepMatchIndex(db);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('finds the same activities as the full-text query, for random words and filters', async () => {
    expect(matchIndexState(db)).toBe('in memory');
    let answered = 0;
    for (let run = 0; run < 60; run++) {
      const filters = randomFilters();
      const expected = await idsFromPostgres(db, filters);
      const memory = await idsFromMemory(db, filters);
      if (filters.q === '"capacity building"') expect(memory).toBeNull(); // phrases: PostgreSQL answers
      if (memory === null) continue;
      answered++;
      expect(memory, JSON.stringify(filters)).toEqual(expected);
    }
    expect(answered).toBeGreaterThan(40);
  });

  it('counts every facet as a plain count does, and lists pages in the same date order', async () => {
    for (let run = 0; run < 25; run++) {
      const filters = randomFilters();
      const fromMemory = await countActivityFacets(db, filters);
      // Inside a transaction the index is not used: PostgreSQL counts.
      const fromPostgres = await inTransaction(db, (tx) => countActivityFacets(tx, filters));
      expect(fromMemory, JSON.stringify(filters)).toEqual(fromPostgres);
      const where = activityWhere(filters);
      const [plain] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM activity_search ${where ? sql`WHERE ${where}` : sql``}`,
      );
      expect(fromMemory.total).toBe(plain?.n);
      const byDate = { ...filters, sort: 'date' as const, page: 2, pageSize: 7 };
      const listed = await listActivities(db, byDate);
      const listedByPostgres = await inTransaction(db, (tx) => listActivities(tx, byDate));
      expect(listed.items.map((item) => item.id)).toEqual(listedByPostgres.items.map((item) => item.id));
      expect(listed.total).toBe(listedByPostgres.total);
    }
  });

  it('follows a change on the next search, here and in another process, and ignores a rolled-back one', async () => {
    const patent = activityFilters.parse({ q: 'patent' });
    const before = (await countActivityFacets(db, patent)).total;
    const [first] = await idsFromPostgres(db, patent);
    const other =
      backend === 'server'
        ? await openDatabase({ kind: 'server', url: database.location }) // another process's pool
        : null;
    try {
      if (other) await keepMatchIndex(other.db);
      const hide = async (tx: Db, isPublic: boolean) => {
        await tx
          .update(activities)
          .set({ isPublic })
          .where(eq(activities.id, first ?? 0));
        await refreshActivitySearch(tx, [first ?? 0]);
      };
      await hide(db, false);
      expect((await countActivityFacets(db, patent)).total).toBe(before - 1);
      if (other) expect((await countActivityFacets(other.db, patent)).total).toBe(before - 1);
      await expect(
        inTransaction(db, async (tx) => {
          await hide(tx, true);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await countActivityFacets(db, patent)).total).toBe(before - 1);
      await hide(db, true);
      expect((await countActivityFacets(db, patent)).total).toBe(before);
      if (other) expect((await countActivityFacets(other.db, patent)).total).toBe(before);
      expect(await matchInMemory(db, patent)).not.toBeNull();
    } finally {
      await other?.close();
    }
  });
});
