import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { parties } from '../reference/schema.ts';
import { reportIncentives } from './incentives/schema.ts';
import { type IncentiveRow, incentivesOfReport } from './incentives/service.ts';
import type { ReportFormat, ReportKind } from './incentives/taxonomy.ts';
import type { OutlineBlock } from './narrative-outline.ts';
import { type PendingEdit, pendingEditsOf, withPendingValues } from './pending-edits.ts';
import type { PeriodPrecision } from './period.ts';
import { reportActivities, reports } from './schema.ts';

/** A published corrigendum or addendum, as the list notes it beside its original. */
export type RevisionNote = {
  id: number;
  symbol: string | null;
  revisionKind: 'original' | 'corrigendum' | 'addendum' | 'revision';
  revisionNumber: number;
};

export type ReportSummary = {
  id: number;
  reportingParty: { code: string; name: string };
  /** Art. 67 or Art. 66.2 (with its format, detailed or update). */
  kind: ReportKind;
  format: ReportFormat | null;
  /** Invented for the demo: marked "sample data". */
  isSample: boolean;
  periodStart: string;
  periodEnd: string;
  symbol: string | null;
  status: string;
  originalLanguage: string;
  activityCount: number;
  /** In the published list: the latest published corrigendum or addendum of this report, if any. */
  latestRevision?: RevisionNote | null;
};

/** One published version of a report: the original, or a corrigendum or addendum of it. */
export type ReportVersion = RevisionNote & { circulationDate: string | null; publishedAt: string | null };

export type BeneficiaryView = { name: string; code: string | null; kind: string };

export type ReportRow = {
  rowNumber: number;
  activityId: number;
  title: Record<string, string | undefined>;
  startDate: string | null;
  startPrecision: 'day' | 'month' | 'year' | null;
  beneficiaries: BeneficiaryView[];
};

export type ReportDetail = ReportSummary & {
  version: number;
  narrative: string[];
  /** The report's own outline when it was imported (see narrative-outline.ts). */
  narrativeOutline: OutlineBlock[] | null;
  periodPrecision: PeriodPrecision;
  circulationDate: string | null;
  source: string;
  programmes: ReportRow[];
  /** An Art. 66.2 report's incentives in order; empty for Art. 67. */
  incentives: IncentiveRow[];
  revisionOf: number | null;
  revisionKind: RevisionNote['revisionKind'];
  revisionNumber: number;
  /** The report's published versions, original first (empty while it is unpublished). */
  versions: ReportVersion[];
};

/**
 * Reports, newest period first. `published` limits to what the public may see: each published
 * original once, with its latest published revision noted.
 */
export async function listReports(
  db: Db,
  options: { published?: boolean; kind?: ReportKind } = {},
): Promise<ReportSummary[]> {
  const rows = await db
    .select({
      id: reports.id,
      code: reports.reportingPartyCode,
      name: parties.nameEn,
      kind: reports.kind,
      format: reports.format,
      isSample: reports.isSample,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      symbol: reports.symbol,
      status: reports.status,
      originalLanguage: reports.originalLanguage,
      // An Art. 66.2 report counts its incentives.
      activityCount: sql<number>`case when ${reports.kind} = 'art66-2'
        then (select count(*)::int from ${reportIncentives} where ${reportIncentives.reportId} = ${reports.id})
        else (select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id}) end`,
    })
    .from(reports)
    .innerJoin(parties, eq(parties.code, reports.reportingPartyCode))
    .where(
      and(
        options.published ? and(eq(reports.status, 'published'), isNull(reports.revisionOf)) : undefined,
        options.kind ? eq(reports.kind, options.kind) : undefined,
      ),
    )
    .orderBy(desc(reports.periodEnd), asc(parties.nameEn));
  const summaries = rows.map(({ code, name, ...rest }) => ({ ...rest, reportingParty: { code, name } }));
  if (!options.published) return summaries;
  const latest = await latestRevisions(
    db,
    summaries.map((summary) => summary.id),
  );
  return summaries.map((summary) => ({ ...summary, latestRevision: latest.get(summary.id) ?? null }));
}

/** The most recently published revision of each original. */
async function latestRevisions(db: Db, originalIds: number[]): Promise<Map<number, RevisionNote>> {
  const latest = new Map<number, RevisionNote>();
  if (originalIds.length === 0) return latest;
  const rows = await db
    .select({
      id: reports.id,
      revisionOf: reports.revisionOf,
      symbol: reports.symbol,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
    })
    .from(reports)
    .where(and(eq(reports.status, 'published'), inArray(reports.revisionOf, originalIds)))
    .orderBy(asc(reports.publishedAt), asc(reports.id));
  for (const { revisionOf, ...revision } of rows) if (revisionOf) latest.set(revisionOf, revision);
  return latest;
}

/** The published versions of the report family `id` belongs to: the original, then revisions as published. */
export async function reportVersions(db: Db, id: number): Promise<ReportVersion[]> {
  const [member] = await db
    .select({ revisionOf: reports.revisionOf })
    .from(reports)
    .where(eq(reports.id, id));
  if (!member) return [];
  const root = member.revisionOf ?? id;
  const rows = await db
    .select({
      id: reports.id,
      symbol: reports.symbol,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
      circulationDate: reports.circulationDate,
      publishedAt: reports.publishedAt,
    })
    .from(reports)
    .where(and(eq(reports.status, 'published'), or(eq(reports.id, root), eq(reports.revisionOf, root))))
    .orderBy(
      sql`${reports.revisionOf} is not null`,
      sql`${reports.publishedAt} asc nulls first`,
      asc(reports.id),
    );
  return rows.map((row) => ({
    ...row,
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
  }));
}

/** What an access check needs to know about a report that may not be published. */
export type ReportAccess = { id: number; status: string; reportingPartyCode: string };

export async function reportAccess(db: Db, id: number): Promise<ReportAccess | null> {
  const [report] = await db
    .select({ id: reports.id, status: reports.status, reportingPartyCode: reports.reportingPartyCode })
    .from(reports)
    .where(eq(reports.id, id));
  return report ?? null;
}

/** Beneficiaries of some activities, in source order, keyed by activity. */
export async function beneficiariesOf(
  db: Db,
  activityIds: number[],
): Promise<Map<number, BeneficiaryView[]>> {
  const byActivity = new Map<number, BeneficiaryView[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .select({
      activityId: activityBeneficiaries.activityId,
      name: activityBeneficiaries.nameAsWritten,
      kind: activityBeneficiaries.kind,
      partyCode: activityBeneficiaries.partyCode,
      regionCode: activityBeneficiaries.regionCode,
    })
    .from(activityBeneficiaries)
    .where(inArray(activityBeneficiaries.activityId, activityIds))
    .orderBy(activityBeneficiaries.activityId, activityBeneficiaries.position);
  for (const row of rows) {
    const list = byActivity.get(row.activityId) ?? [];
    list.push({ name: row.name, kind: row.kind, code: row.partyCode ?? row.regionCode });
    byActivity.set(row.activityId, list);
  }
  return byActivity;
}

export async function getReport(db: Db, id: number): Promise<ReportDetail | null> {
  const [report] = await db
    .select()
    .from(reports)
    .innerJoin(parties, eq(parties.code, reports.reportingPartyCode))
    .where(eq(reports.id, id));
  if (!report) return null;
  const rows = await db
    .select({
      rowNumber: reportActivities.rowNumber,
      activityId: activities.id,
      title: activities.title,
      startDate: activities.startDate,
      startPrecision: activities.startPrecision,
    })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, id))
    .orderBy(asc(reportActivities.rowNumber));
  const beneficiaries = await beneficiariesOf(
    db,
    rows.map((row) => row.activityId),
  );
  const r = report.reports;
  // An unpublished report reads as its drafters see it: its pending edits over the public values.
  const pending = r.status === 'published' ? new Map<number, PendingEdit>() : await pendingEditsOf(db, id);
  for (const [activityId, edit] of pending) {
    beneficiaries.set(
      activityId,
      edit.values.beneficiaries.map((b) => ({
        name: b.nameAsWritten,
        kind: b.kind,
        code: b.partyCode ?? b.regionCode,
      })),
    );
  }
  return {
    id: r.id,
    reportingParty: { code: r.reportingPartyCode, name: report.parties.nameEn },
    kind: r.kind,
    format: r.format,
    isSample: r.isSample,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    periodPrecision: r.periodPrecision,
    symbol: r.symbol,
    status: r.status,
    originalLanguage: r.originalLanguage,
    circulationDate: r.circulationDate,
    narrativeOutline: r.narrativeOutline,
    version: r.version,
    source: r.source,
    narrative: r.narrative,
    revisionOf: r.revisionOf,
    revisionKind: r.revisionKind,
    revisionNumber: r.revisionNumber,
    versions: r.status === 'published' ? await reportVersions(db, r.id) : [],
    activityCount: rows.length,
    programmes: rows.map((row) => ({
      ...withPendingValues(row, pending.get(row.activityId)),
      beneficiaries: beneficiaries.get(row.activityId) ?? [],
    })),
    incentives: r.kind === 'art66-2' ? await incentivesOfReport(db, r.id) : [],
  };
}
