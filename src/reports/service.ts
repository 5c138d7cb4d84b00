import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { parties } from '../reference/schema.ts';
import { reportActivities, reports } from './schema.ts';

export type ReportSummary = {
  id: number;
  reportingParty: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  symbol: string | null;
  status: string;
  originalLanguage: string;
  activityCount: number;
};

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
  circulationDate: string | null;
  source: string;
  programmes: ReportRow[];
};

/** Reports, newest period first; `published` limits to what the public may see. */
export async function listReports(db: Db, options: { published?: boolean } = {}): Promise<ReportSummary[]> {
  const rows = await db
    .select({
      id: reports.id,
      code: reports.reportingPartyCode,
      name: parties.nameEn,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      symbol: reports.symbol,
      status: reports.status,
      originalLanguage: reports.originalLanguage,
      activityCount: sql<number>`(select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id})`,
    })
    .from(reports)
    .innerJoin(parties, eq(parties.code, reports.reportingPartyCode))
    .where(options.published ? eq(reports.status, 'published') : undefined)
    .orderBy(desc(reports.periodEnd), asc(parties.nameEn));
  return rows.map(({ code, name, ...rest }) => ({ ...rest, reportingParty: { code, name } }));
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
  return {
    id: r.id,
    reportingParty: { code: r.reportingPartyCode, name: report.parties.nameEn },
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    symbol: r.symbol,
    status: r.status,
    originalLanguage: r.originalLanguage,
    circulationDate: r.circulationDate,
    version: r.version,
    source: r.source,
    narrative: r.narrative,
    activityCount: rows.length,
    programmes: rows.map((row) => ({ ...row, beneficiaries: beneficiaries.get(row.activityId) ?? [] })),
  };
}
