import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { parseReportSnapshot, type ReportSnapshot, reportSnapshot } from '../document/snapshot.ts';
import { reportSubmissions, reports } from '../schema.ts';
import { type ReportDetail, type ReportVersion, reportVersions } from '../service.ts';
import { diffSnapshots, type SnapshotDiff } from './diff.ts';

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

export type VersionComparison =
  /** `id` is not a published version. */
  | { ok: false; reason: 'notFound' }
  /** `from` or `to` is not a published version of the same family, or both are the same. */
  | { ok: false; reason: 'invalid' }
  | {
      ok: true;
      from: ReportVersion;
      to: ReportVersion;
      /** The later version as published, for the report's name and narrative language. */
      after: ReportSnapshot;
      diff: SnapshotDiff;
    };

/**
 * Two published versions of the family of `id` compared. `to` defaults to `id`, `from` to the
 * version published before `to`. A requested id that is absent (null) or not in the family is invalid.
 */
export async function compareVersions(
  db: Db,
  id: number,
  asked: { from?: number | null | undefined; to?: number | null | undefined },
): Promise<VersionComparison> {
  const versions = await reportVersions(db, id);
  if (!versions.some((version) => version.id === id)) return { ok: false, reason: 'notFound' };
  const pick = (wanted: number | null | undefined) =>
    versions.find((version) => version.id === wanted) ?? null;
  const to = pick(asked.to === undefined ? id : asked.to);
  const from = pick(
    asked.from === undefined ? (to ? previousVersion(versions, to.id)?.id : undefined) : asked.from,
  );
  const [before, after] =
    from && to && from.id !== to.id
      ? await Promise.all([versionSnapshot(db, from.id), versionSnapshot(db, to.id)])
      : [null, null];
  if (!from || !to || !before || !after) return { ok: false, reason: 'invalid' };
  return { ok: true, from, to, after, diff: diffSnapshots(before, after) };
}

/**
 * What an unpublished corrigendum or addendum changes against the latest published version of its
 * family, as it stands now; null for an original, a published report, or nothing to compare.
 */
export async function pendingRevisionChanges(
  db: Db,
  report: { id: number; revisionOf: number | null; status: string },
): Promise<SnapshotDiff | null> {
  if (!report.revisionOf || report.status === 'published') return null;
  const previous = previousVersion(await reportVersions(db, report.id), report.id);
  const [before, after] = await Promise.all([
    previous ? versionSnapshot(db, previous.id) : null,
    reportSnapshot(db, report.id),
  ]);
  return before && after ? diffSnapshots(before, after) : null;
}

export type RoundChanges = {
  /** The earlier submission's round and the latest's. */
  fromRound: number;
  toRound: number;
  diff: SnapshotDiff;
};

/**
 * What the reporter changed between the last two submissions of a report (after a return), from
 * the snapshot stored with each; null before a second submission.
 */
export async function changesSinceReturn(db: Db, reportId: number): Promise<RoundChanges | null> {
  const [latest, earlier] = await db
    .select({ round: reportSubmissions.round, snapshot: reportSubmissions.snapshot })
    .from(reportSubmissions)
    .where(eq(reportSubmissions.reportId, reportId))
    .orderBy(desc(reportSubmissions.round))
    .limit(2);
  if (!latest || !earlier) return null;
  return {
    fromRound: earlier.round,
    toRound: latest.round,
    diff: diffSnapshots(
      parseReportSnapshot(earlier.snapshot, reportId),
      parseReportSnapshot(latest.snapshot, reportId),
    ),
  };
}
