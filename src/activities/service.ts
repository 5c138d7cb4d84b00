import { and, asc, count, eq, exists, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { beneficiariesOf } from '../reports/service.ts';
import { activities, activityBeneficiaries } from './schema.ts';

const partyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a party code such as CAN or WTO-OMC');

export const activityFilters = z.object({
  q: z.string().trim().max(200, 'at most 200 characters').optional(),
  donor: partyCode.optional(),
  beneficiary: partyCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ActivityFilters = z.infer<typeof activityFilters>;

/** Matches a web-style query in the three stemmers at once: the text may be in any of them. */
export const fullTextMatch = (q: string): SQL =>
  sql`${activities.searchVector} @@ (websearch_to_tsquery('ipcoop_en', ${q}) || websearch_to_tsquery('ipcoop_fr', ${q}) || websearch_to_tsquery('ipcoop_es', ${q}))`;

export async function listActivities(db: Db, filters: ActivityFilters) {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(fullTextMatch(filters.q));
  if (filters.donor) conditions.push(eq(activities.donorPartyCode, filters.donor));
  if (filters.beneficiary) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(activityBeneficiaries)
          .where(
            and(
              eq(activityBeneficiaries.activityId, activities.id),
              eq(activityBeneficiaries.partyCode, filters.beneficiary),
            ),
          ),
      ),
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [total] = await db.select({ n: count() }).from(activities).where(where);
  const rows = await db
    .select({
      id: activities.id,
      donor: activities.donorPartyCode,
      title: activities.title,
      description: activities.description,
      originalLanguage: activities.originalLanguage,
      startDate: activities.startDate,
      startPrecision: activities.startPrecision,
      endDate: activities.endDate,
      endPrecision: activities.endPrecision,
      level: activities.level,
      activityType: activities.activityType,
      ipAreas: activities.ipAreas,
      status: activities.status,
      version: activities.version,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(where)
    .orderBy(sql`${activities.startDate} desc nulls last`, asc(activities.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const beneficiaries = await beneficiariesOf(
    db,
    rows.map((row) => row.id),
  );
  return {
    total: total?.n ?? 0,
    page: filters.page,
    pageSize: filters.pageSize,
    items: rows.map((row) => ({ ...row, beneficiaries: beneficiaries.get(row.id) ?? [] })),
  };
}

export async function getActivity(db: Db, id: number) {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) return null;
  const { searchVector: _index, ...activity } = row;
  const beneficiaries = await beneficiariesOf(db, [id]);
  const appearsIn = await db.execute(
    sql`select r.id as "reportId", r.reporting_party_code as "reportingParty", r.period_start as "periodStart", r.period_end as "periodEnd", ra.row_number as "rowNumber"
          from report_activities ra join reports r on r.id = ra.report_id
         where ra.activity_id = ${id} order by r.period_start`,
  );
  return {
    ...activity,
    beneficiaries: beneficiaries.get(id) ?? [],
    reports: (appearsIn as unknown as { rows: unknown[] }).rows,
  };
}
