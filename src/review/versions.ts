import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { parseReportSnapshot, type ReportSnapshot, reportSnapshot } from '../reports/document/snapshot.ts';
import { reports } from '../reports/schema.ts';
import type { ReportDetail, ReportVersion } from '../reports/service.ts';

/** A version as published (its snapshot), or as its rows stand for one published before snapshots existed. */
export async function versionSnapshot(db: Db, id: number): Promise<ReportSnapshot | null> {
  const [row] = await db.select({ snapshot: reports.snapshot }).from(reports).where(eq(reports.id, id));
  if (!row) return null;
  return row.snapshot == null ? reportSnapshot(db, id) : parseReportSnapshot(row.snapshot, id);
}

/**
 * The report page's data as the version was published: an earlier version keeps its narrative and
 * programmes even after the activities change. Reports without a snapshot show their live rows.
 */
export async function asPublished(db: Db, detail: ReportDetail): Promise<ReportDetail> {
  const [row] = await db
    .select({ snapshot: reports.snapshot })
    .from(reports)
    .where(eq(reports.id, detail.id));
  if (row?.snapshot == null) return detail;
  const snapshot = parseReportSnapshot(row.snapshot, detail.id);
  return {
    ...detail,
    symbol: snapshot.symbol,
    circulationDate: snapshot.circulationDate,
    narrative: snapshot.narrative,
    activityCount: snapshot.programmes.length,
    programmes: snapshot.programmes.map((p) => ({
      rowNumber: p.rowNumber,
      activityId: p.activityId,
      title: p.title,
      startDate: p.startDate,
      startPrecision: p.startPrecision,
      beneficiaries: p.beneficiaries.map((b) => ({ name: b.nameAsWritten, code: b.code, kind: b.kind })),
    })),
  };
}

/** The version published just before `id` in its family, or the latest one when `id` is not published yet. */
export function previousVersion(versions: ReportVersion[], id: number): ReportVersion | null {
  const index = versions.findIndex((version) => version.id === id);
  if (index === 0) return null;
  return (index > 0 ? versions[index - 1] : versions.at(-1)) ?? null;
}
