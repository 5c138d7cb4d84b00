import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { elementCodes } from '../elements/taxonomy.ts';

/** What a search may ask for: the one schema the page, the API and the bench parse. */
const partyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a party code such as CAN or WTO-OMC');

/** A year of start; an empty form field counts as "no bound". */
const year = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.coerce
    .number({ error: 'a year such as 2015' })
    .int('a whole year such as 2015')
    .min(1950, 'a year from 1950 to 2100')
    .max(2100, 'a year from 1950 to 2100')
    .optional(),
);

export const activitySorts = ['relevance', 'date'] as const;
export type ActivitySort = (typeof activitySorts)[number];

const taxonomyKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, 'a key such as patents or training');

export const activityFilters = z
  .object({
    // Control characters (a NUL would be refused by PostgreSQL) count as spaces.
    q: z
      .string()
      .transform((text) => text.replace(/\p{Cc}/gu, ' ').trim())
      .pipe(z.string().max(200, 'at most 200 characters'))
      .optional(),
    /** Reporting party (donor) code. */
    donor: partyCode.optional(),
    /** Beneficiary party code. */
    beneficiary: partyCode.optional(),
    /** M49 region or grouping code, e.g. 013 (Central America) or GLOBAL-SOUTH. */
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z-]{3,20}$/, 'a region code such as 013 or GLOBAL-SOUTH')
      .optional(),
    /** 1: only activities with a beneficiary that was an LDC when the activity started. */
    ldc: z.enum(['1', 'true'], { error: '1 to keep only activities benefiting an LDC' }).optional(),
    ipArea: taxonomyKey.optional(),
    /** An element of Article 67 (ipcoop's reading), suggested or confirmed. */
    element: z.enum(elementCodes, { error: `one of ${elementCodes.join(', ')}` }).optional(),
    type: taxonomyKey.optional(),
    level: taxonomyKey.optional(),
    status: taxonomyKey.optional(),
    /** Activities listed in this published report (its id). */
    report: z.coerce
      .number({ error: 'a report number' })
      .int('a report number')
      .min(1, 'a report number')
      .max(2_147_483_647, 'a report number')
      .optional(),
    /** Activities listed in a published report of this party. */
    reporter: partyCode.optional(),
    /** Activities listed in a published report of this reporting cycle, e.g. 2021-2022. */
    cycle: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{4}$/, 'a reporting cycle such as 2021-2022')
      .refine(
        (value) => Number(value.slice(0, 4)) <= Number(value.slice(5)),
        'a reporting cycle such as 2021-2022',
      )
      .optional(),
    /** Activities that started in this year or later. */
    from: year,
    /** Activities that started in this year or earlier. */
    to: year,
    /** Default: relevance when there is a query, otherwise newest first. */
    sort: z.enum(activitySorts, { error: 'relevance or date' }).optional(),
    page: z.coerce
      .number({ error: 'a page number' })
      .int()
      .min(1, 'a page number from 1')
      .max(10_000, 'at most page 10000')
      .default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'at most 100 per page').default(20),
  })
  .superRefine((filters, ctx) => {
    if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the last year (${filters.to}) comes before the first year (${filters.from})`,
      });
    }
  });
export type ActivityFilters = z.infer<typeof activityFilters>;

/** What narrows the set of activities; paging and order aside. */
export type ActivityMatch = Omit<ActivityFilters, 'sort' | 'page' | 'pageSize'>;

/**
 * The activities listed in the published reports the filters name (a report, a reporting party,
 * a cycle), as a subquery; undefined when no report filter is set.
 */
export function listedInReports(
  filters: Pick<ActivityMatch, 'report' | 'reporter' | 'cycle'>,
): SQL | undefined {
  if (filters.report === undefined && !filters.reporter && !filters.cycle) return undefined;
  const conditions: SQL[] = [sql`r.status = 'published'`];
  if (filters.report !== undefined) conditions.push(sql`r.id = ${filters.report}`);
  if (filters.reporter) conditions.push(sql`r.reporting_party_code = ${filters.reporter}`);
  if (filters.cycle) {
    conditions.push(sql`r.period_start >= ${`${filters.cycle.slice(0, 4)}-01-01`}::date`);
    conditions.push(sql`r.period_end <= ${`${filters.cycle.slice(5)}-12-31`}::date`);
  }
  return sql`SELECT ra.activity_id FROM report_activities ra JOIN reports r ON r.id = ra.report_id
              WHERE ${sql.join(conditions, sql` AND `)}`;
}
