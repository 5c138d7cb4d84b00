import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Requests counted per key and fixed time window (e.g. sign-in failures from one network), shared
 * by every app process. Each count is one atomic upsert, so parallel requests cannot all slip in
 * before the first is counted. Rows of past windows are deleted as new ones are written.
 */
export const requestCounters = pgTable(
  'request_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
