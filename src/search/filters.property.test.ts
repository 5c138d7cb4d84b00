import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFilters } from '../activities/filters.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { searchParamOrder, searchQuery } from './url.ts';

/** Values a search URL may carry, honest or not: codes, dates, numbers, odd text, SQL, very long. */
const value = fc.oneof(
  fc.constantFrom(
    'CAN',
    'ken',
    'LDC',
    '1',
    '0',
    'true',
    '2020-01-01',
    '2021',
    '-1',
    '1e9',
    'NaN',
    '',
    ' ',
    '%',
    "'",
    '\\',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.constantFrom("' OR 1=1 --", 'a & b | !c', '"unclosed', '<script>', 'a:*', '((()))', 'x'.repeat(5000)),
);
const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...searchParamOrder), fc.string({ maxLength: 8 })),
  fc.oneof(value, fc.array(value, { maxLength: 3 })),
  { maxKeys: 8 },
);
const asUrlQuery = (q: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(q)) for (const one of [v].flat()) params.append(key, one);
  return params.toString();
};

describe('search filters under random and hostile input', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    app = createApp(database);
  }, 120_000);
  afterAll(() => database.close());

  it('reads 10,000 random queries without an exception, and links them back canonically', () => {
    fc.assert(
      fc.property(query, (q) => {
        const single = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, [v].flat()[0] ?? '']));
        const parsed = activityFilters.safeParse(single);
        const again = searchQuery(single);
        expect(typeof again).toBe('string');
        if (parsed.success) expect(activityFilters.safeParse(parsed.data).success).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('answers a few hundred of them over HTTP, page and API, never with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const text = asUrlQuery(q);
        for (const path of [`/en/search?${text}`, `/api/v1/activities?${text}`]) {
          const response = await app.request(path);
          await response.arrayBuffer();
          expect(response.status, path).toBeLessThan(500);
        }
      }),
      { numRuns: 300 },
    );
  }, 600_000);
});
