import { and, eq, lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { requestCounters } from './schema.ts';

export type Limit = { max: number; windowSeconds: number };

export type CountOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const windowStartOf = (now: number, windowSeconds: number) =>
  new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000);

const retryAfter = (start: Date, windowSeconds: number, now: number) =>
  Math.max(1, Math.ceil((start.getTime() + windowSeconds * 1000 - now) / 1000));

/**
 * Counts one request against `key` and says whether it is within the limit. The count is taken in
 * one INSERT … ON CONFLICT DO UPDATE, atomic in PostgreSQL: of any number of parallel requests,
 * from any number of processes, exactly `max` are allowed in a window.
 */
export async function countRequest(
  db: Db,
  key: string,
  limit: Limit,
  now = Date.now(),
): Promise<CountOutcome> {
  const start = windowStartOf(now, limit.windowSeconds);
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`INSERT INTO ${requestCounters} (key, window_start, count) VALUES (${key}, ${start.toISOString()}, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET count = ${requestCounters}.count + 1
        RETURNING count`,
  );
  // Past windows serve no purpose; a few rows go with each count, so the table stays small.
  if (Math.random() < 0.05) {
    await db.delete(requestCounters).where(lt(requestCounters.windowStart, sql`now() - interval '1 day'`));
  }
  if (Number(row?.count ?? 0) <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfter(start, limit.windowSeconds, now) };
}

/** Whether `key` is already over its limit, without counting this request. */
export async function checkRequests(
  db: Db,
  key: string,
  limit: Limit,
  now = Date.now(),
): Promise<CountOutcome> {
  const start = windowStartOf(now, limit.windowSeconds);
  const [row] = await db
    .select({ count: requestCounters.count })
    .from(requestCounters)
    .where(and(eq(requestCounters.key, key), eq(requestCounters.windowStart, start)));
  if ((row?.count ?? 0) < limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfter(start, limit.windowSeconds, now) };
}

/** Gives back a request counted by countRequest that turned out not to count (a successful sign-in). */
export async function uncountRequest(db: Db, key: string, limit: Limit, now = Date.now()): Promise<void> {
  const start = windowStartOf(now, limit.windowSeconds);
  await db
    .update(requestCounters)
    .set({ count: sql`greatest(${requestCounters.count} - 1, 0)` })
    .where(and(eq(requestCounters.key, key), eq(requestCounters.windowStart, start)));
}

/** Forgets every count of `key` (an account's failures, once its owner sets a new password). */
export async function clearRequests(db: Db, keyPrefix: string): Promise<void> {
  await db.delete(requestCounters).where(sql`starts_with(${requestCounters.key}, ${keyPrefix})`);
}
