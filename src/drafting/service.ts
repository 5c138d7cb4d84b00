import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { appendToReport } from '../reports/activity-list.ts';
import { draftSource } from '../reports/provenance.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { carryForwardFor } from './draft/carry-forward.ts';
import { headerColumns, type ReportHeader } from './report.ts';

/** "My reports": every report of the reporter's parties, and starting a new one. */

/** PostgreSQL's unique_violation, wherever the driver puts its code. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

export type MyReport = ReportHeader & { activityCount: number };

/** Every report of these parties, drafts to published, newest period first, revisions after their original. */
export async function reportsOfParties(db: Db, partyCodes: string[]): Promise<MyReport[]> {
  if (partyCodes.length === 0) return [];
  return db
    .select({
      ...headerColumns,
      activityCount: sql<number>`(select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id})`,
    })
    .from(reports)
    .where(inArray(reports.reportingPartyCode, partyCodes))
    .orderBy(
      asc(reports.reportingPartyCode),
      desc(reports.periodStart),
      desc(reports.periodEnd),
      asc(sql`coalesce(${reports.revisionOf}, ${reports.id})`),
      // The original first, then its corrigenda and addenda in number order.
      asc(sql`${reports.revisionOf} is not null`),
      asc(reports.revisionKind),
      asc(reports.revisionNumber),
    );
}

/**
 * Reporting periods are stored as whole calendar years, as the demo's 2020–2021 report is
 * (2020-01-01 to 2021-12-31).
 */
export const periodFromYears = (startYear: number, endYear: number) => ({
  periodStart: `${String(startYear).padStart(4, '0')}-01-01`,
  periodEnd: `${String(endYear).padStart(4, '0')}-12-31`,
});

export type StartReportInput = {
  partyCode: string;
  startYear: number;
  endYear: number;
  originalLanguage: Language;
};

export type StartReportProblem = {
  field: 'startYear' | 'endYear';
  problem: 'periodReversed' | 'reportExists';
};

/**
 * A new draft for a party and period, starting from the party's last published report: its
 * narrative and its still-ongoing activities (carry forward). One transaction.
 */
export async function startReport(
  db: Db,
  actor: Actor,
  input: StartReportInput,
): Promise<{ ok: true; reportId: number } | { ok: false; error: StartReportProblem }> {
  if (input.endYear < input.startYear)
    return { ok: false, error: { field: 'endYear', problem: 'periodReversed' } };
  const period = periodFromYears(input.startYear, input.endYear);
  const exists = { ok: false, error: { field: 'startYear', problem: 'reportExists' } } as const;
  try {
    return await inTransaction(db, async (tx) => {
      const [existing] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.reportingPartyCode, input.partyCode),
            eq(reports.periodStart, period.periodStart),
            eq(reports.periodEnd, period.periodEnd),
            eq(reports.revisionKind, 'original'),
          ),
        );
      if (existing) return exists;
      const carried = await carryForwardFor(tx, input.partyCode, period.periodStart);
      const values = {
        reportingPartyCode: input.partyCode,
        ...period,
        originalLanguage: input.originalLanguage,
        narrative: carried?.narrative ?? [],
        status: 'draft' as const,
        source: draftSource,
        carriedForwardFrom: carried?.fromReportId ?? null,
      };
      const [created] = await tx.insert(reports).values(values).returning({ id: reports.id });
      if (!created) throw new Error('report insert returned nothing');
      await appendToReport(tx, created.id, carried?.activityIds ?? [], 'carry-forward');
      await recordAudit(tx, actor, {
        action: 'create',
        table: 'reports',
        id: created.id,
        after: { ...values, carriedForwardActivities: carried?.activityIds ?? [] },
      });
      return { ok: true, reportId: created.id } as const;
    });
  } catch (error) {
    // Two reporters starting the same period at once: the unique key decides, the loser is told.
    if (isUniqueViolation(error)) return exists;
    throw error;
  }
}
