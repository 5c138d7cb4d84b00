import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { agencies } from '../agencies/schema.ts';
import type { LocalizedText } from '../db/columns.ts';
import { type Db, queryRows } from '../db/database.ts';
import { elementParties, elementsOf } from '../elements/service.ts';
import { beneficiariesOf } from '../reports/service.ts';
import { resultsOf } from '../results/service.ts';
import { activities, activityAgencies } from './schema.ts';

export type ActivityDetail = NonNullable<Awaited<ReturnType<typeof activityDetail>>>;

/**
 * Everything the activity page shows: the record, beneficiaries in source order, agencies and
 * partners, the published reports it appeared in (with row numbers), and other activities of
 * the same donor.
 */
export async function activityDetail(db: Db, id: number) {
  // An activity that exists only in drafts is nobody's business outside the drafting pages.
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.isPublic, true)));
  if (!row) return null;
  const activity = row;
  const [beneficiaries, agencyRows, reports, related, elements, parties, results] = await Promise.all([
    beneficiariesOf(db, [id]),
    db
      .select({
        code: agencies.code,
        name: agencies.name,
        acronym: agencies.acronym,
        role: activityAgencies.role,
      })
      .from(activityAgencies)
      .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
      .where(eq(activityAgencies.activityId, id))
      .orderBy(agencies.code),
    queryRows<{
      reportId: number;
      reportingParty: string;
      periodStart: string;
      periodEnd: string;
      rowNumber: number;
    }>(
      db,
      sql`SELECT r.id AS "reportId", r.reporting_party_code AS "reportingParty", r.period_start::text AS "periodStart",
                 r.period_end::text AS "periodEnd", ra.row_number AS "rowNumber"
            FROM report_activities ra JOIN reports r ON r.id = ra.report_id
           WHERE ra.activity_id = ${id} AND r.status = 'published'
           ORDER BY r.period_start`,
    ),
    db
      .select({
        id: activities.id,
        title: activities.title,
        startDate: activities.startDate,
        originalLanguage: activities.originalLanguage,
      })
      .from(activities)
      .where(
        and(
          eq(activities.donorPartyCode, row.donorPartyCode),
          ne(activities.id, id),
          eq(activities.isPublic, true),
        ),
      )
      .orderBy(sql`${activities.startDate} desc nulls last`, desc(activities.id))
      .limit(10),
    elementsOf(db, [id]),
    elementParties(db, id),
    resultsOf(db, [id]),
  ]);
  return {
    ...activity,
    beneficiaries: beneficiaries.get(id) ?? [],
    agencies: agencyRows.map((a) => ({
      code: a.code,
      name: a.name as LocalizedText,
      acronym: a.acronym,
      role: a.role,
    })),
    reports,
    related,
    /** Elements of Article 67, suggested or confirmed. */
    elements: elements.get(id) ?? [],
    /** Parties whose reporters may confirm the elements. */
    elementParties: parties,
    /** Result indicators as last published. */
    results: results.get(id) ?? [],
  };
}
