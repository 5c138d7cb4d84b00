import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReportFormat, ReportKind } from '../reports/incentives/taxonomy.ts';
import { isEditable, type ReportStatus, type RevisionKind } from '../reports/lifecycle/status.ts';
import type { PeriodPrecision } from '../reports/period.ts';
import { type reportGroupings, reports } from '../reports/schema.ts';

/** A report as the drafting pages see it, and the checks every change to it starts with. */

export type Grouping = (typeof reportGroupings)[number];

export type ReportHeader = {
  id: number;
  reportingPartyCode: string;
  kind: ReportKind;
  format: ReportFormat | null;
  periodStart: string;
  periodEnd: string;
  periodPrecision: PeriodPrecision;
  originalLanguage: Language;
  status: ReportStatus;
  symbol: string | null;
  grouping: Grouping;
  narrative: string[];
  version: number;
  revisionOf: number | null;
  revisionKind: RevisionKind;
  revisionNumber: number;
  carriedForwardFrom: number | null;
  submittedAt: Date | null;
};

export const headerColumns = {
  id: reports.id,
  reportingPartyCode: reports.reportingPartyCode,
  kind: reports.kind,
  format: reports.format,
  periodStart: reports.periodStart,
  periodEnd: reports.periodEnd,
  periodPrecision: reports.periodPrecision,
  originalLanguage: reports.originalLanguage,
  status: reports.status,
  symbol: reports.symbol,
  grouping: reports.grouping,
  narrative: reports.narrative,
  version: reports.version,
  revisionOf: reports.revisionOf,
  revisionKind: reports.revisionKind,
  revisionNumber: reports.revisionNumber,
  carriedForwardFrom: reports.carriedForwardFrom,
  submittedAt: reports.submittedAt,
};

export async function reportHeader(db: Db, id: number): Promise<ReportHeader | null> {
  const [row] = await db.select(headerColumns).from(reports).where(eq(reports.id, id));
  return row ?? null;
}

/** A change refused because the report left its reporter's hands after the route checked it. */
export type ReportLocked = { ok: false; reason: 'locked'; current: ReportHeader };

/**
 * The first step of every change to a report's list or activities, inside its transaction:
 * locks the report row (a submission waits for the change, or the change sees the submission)
 * and checks again what the route checked before the transaction began: still a draft or
 * returned, still the same party's. Null when the report is gone.
 */
export async function lockReportForChange(
  tx: Db,
  report: { id: number; reportingPartyCode: string },
): Promise<{ ok: true; current: ReportHeader } | ReportLocked | null> {
  const [current] = await tx
    .select(headerColumns)
    .from(reports)
    .where(eq(reports.id, report.id))
    .for('update');
  if (!current) return null;
  if (!isEditable(current) || current.reportingPartyCode !== report.reportingPartyCode)
    return { ok: false, reason: 'locked', current };
  return { ok: true, current };
}
