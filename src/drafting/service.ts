import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { appendToReport } from '../reports/activity-list.ts';
import { reportIncentives } from '../reports/incentives/schema.ts';
import { copyIncentives } from '../reports/incentives/service.ts';
import type { ReportFormat, ReportKind } from '../reports/incentives/taxonomy.ts';
import { nextPeriod, type ReportingPeriod, storedPeriod, typedPeriodPrecision } from '../reports/period.ts';
import { draftSource } from '../reports/provenance.ts';
import { reportActivities, reportComments, reports } from '../reports/schema.ts';
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
      // An Art. 66.2 report's programmes are its incentives.
      activityCount: sql<number>`case when ${reports.kind} = 'art66-2'
        then (select count(*)::int from ${reportIncentives} where ${reportIncentives.reportId} = ${reports.id})
        else (select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id}) end`,
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

export type StartReportInput = {
  partyCode: string;
  /** ISO dates, checked to be real days by the caller. */
  periodStart: string;
  periodEnd: string;
  originalLanguage: Language;
  /** Art. 67 unless said; an Art. 66.2 report also has its format (detailed or update). */
  kind?: ReportKind;
  format?: ReportFormat | null;
};

export type StartReportProblem = {
  field: 'periodStart' | 'periodEnd';
  problem: 'periodReversed' | 'reportExists';
};

/** The latest original report of a party of a kind (any status): the next period starts the day after it ends. */
export async function latestPeriodOf(
  db: Db,
  partyCode: string,
  kind: ReportKind = 'art67',
): Promise<ReportingPeriod | null> {
  const [latest] = await db
    .select({ start: reports.periodStart, end: reports.periodEnd, precision: reports.periodPrecision })
    .from(reports)
    .where(
      and(
        eq(reports.reportingPartyCode, partyCode),
        eq(reports.kind, kind),
        eq(reports.revisionKind, 'original'),
      ),
    )
    .orderBy(desc(reports.periodEnd), desc(reports.periodStart))
    .limit(1);
  return latest ? storedPeriod(latest.start, latest.end, latest.precision) : null;
}

/** The period each party would report next (see nextPeriod); null for a party that never reported. */
export async function nextPeriodsOf(
  db: Db,
  partyCodes: string[],
): Promise<Map<string, ReportingPeriod | null>> {
  const entries = await Promise.all(
    partyCodes.map(async (code) => {
      const latest = await latestPeriodOf(db, code);
      return [code, latest && nextPeriod(latest)] as const;
    }),
  );
  return new Map(entries);
}

/**
 * A new draft for a party and period, starting from the party's last published report of the same
 * kind: its narrative and, for Art. 67, its activities still running (carry forward; those without
 * an end date are marked for the reporter to keep or drop); for Art. 66.2, its incentives, which
 * the reporter updates. One transaction.
 */
export async function startReport(
  db: Db,
  actor: Actor,
  input: StartReportInput,
): Promise<{ ok: true; reportId: number } | { ok: false; error: StartReportProblem }> {
  if (input.periodEnd < input.periodStart)
    return { ok: false, error: { field: 'periodEnd', problem: 'periodReversed' } };
  const kind = input.kind ?? 'art67';
  const format = kind === 'art66-2' ? (input.format ?? 'detailed') : null;
  const exists = { ok: false, error: { field: 'periodStart', problem: 'reportExists' } } as const;
  try {
    return await inTransaction(db, async (tx) => {
      const [existing] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.reportingPartyCode, input.partyCode),
            eq(reports.kind, kind),
            eq(reports.periodStart, input.periodStart),
            eq(reports.periodEnd, input.periodEnd),
            eq(reports.revisionKind, 'original'),
          ),
        );
      if (existing) return exists;
      const carried = await carryForwardFor(tx, input.partyCode, input.periodStart, kind);
      const previous = await latestPeriodOf(tx, input.partyCode, kind);
      const values = {
        reportingPartyCode: input.partyCode,
        kind,
        format,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        periodPrecision: typedPeriodPrecision(input.periodStart, input.periodEnd, previous?.precision),
        originalLanguage: input.originalLanguage,
        narrative: carried?.narrative ?? [],
        status: 'draft' as const,
        source: draftSource,
        carriedForwardFrom: carried?.fromReportId ?? null,
      };
      const [created] = await tx.insert(reports).values(values).returning({ id: reports.id });
      if (!created) throw new Error('report insert returned nothing');
      await appendToReport(tx, created.id, carried?.activityIds ?? [], 'carry-forward');
      const incentiveIds = carried ? await copyIncentives(tx, carried.fromReportId, created.id) : [];
      const undated = carried?.undatedActivityIds ?? [];
      if (undated.length > 0) {
        await tx
          .update(reportActivities)
          .set({ carriedUndated: true })
          .where(
            and(eq(reportActivities.reportId, created.id), inArray(reportActivities.activityId, undated)),
          );
      }
      await recordAudit(tx, actor, {
        action: 'create',
        table: 'reports',
        id: created.id,
        after: {
          ...values,
          carriedForwardActivities: carried?.activityIds ?? [],
          carriedWithoutEndDate: undated,
          ...(kind === 'art66-2' ? { carriedForwardIncentives: incentiveIds } : {}),
        },
      });
      return { ok: true, reportId: created.id } as const;
    });
  } catch (error) {
    // Two reporters starting the same period at once: the unique key decides, the loser is told.
    if (isUniqueViolation(error)) return exists;
    throw error;
  }
}

/** Comments of the Secretariat on each of these reports that still wait for the reporter's answer. */
export async function unansweredComments(db: Db, reportIds: number[]): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .select({ reportId: reportComments.reportId, count: sql<number>`count(*)::int` })
    .from(reportComments)
    .where(
      and(
        inArray(reportComments.reportId, reportIds),
        isNull(reportComments.reply),
        isNull(reportComments.resolvedAt),
      ),
    )
    .groupBy(reportComments.reportId);
  return new Map(rows.map((row) => [row.reportId, row.count]));
}
