import { and, eq, gt, max, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { reportIncentives } from '../../reports/incentives/schema.ts';
import { type IncentiveRow, type IncentiveValues, valuesOf } from '../../reports/incentives/service.ts';
import { lockReportForChange, type ReportLocked } from '../report.ts';

/** Adding, changing and removing the incentives of an Article 66.2 draft: one transaction each, audited. */

type ReportRef = { id: number; reportingPartyCode: string };

/** Appends incentives at the end of the report's list (the form adds one, a spreadsheet many). */
export async function addIncentives(
  db: Db,
  actor: Actor,
  report: ReportRef,
  list: IncentiveValues[],
): Promise<{ ok: true; ids: number[] } | ReportLocked | null> {
  return inTransaction(db, async (tx) => {
    const lock = await lockReportForChange(tx, report);
    if (!lock?.ok) return lock;
    if (lock.current.kind !== 'art66-2') return { ok: false, reason: 'locked', current: lock.current };
    if (list.length === 0) return { ok: true, ids: [] };
    const [last] = await tx
      .select({ value: max(reportIncentives.position) })
      .from(reportIncentives)
      .where(eq(reportIncentives.reportId, report.id));
    const first = (last?.value ?? 0) + 1;
    const rows = await tx
      .insert(reportIncentives)
      .values(list.map((values, i) => ({ ...values, reportId: report.id, position: first + i })))
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      table: 'report_incentives',
      id: rows.map((row) => row.id).join(','),
      after: rows.map((row) => ({
        id: row.id,
        reportId: row.reportId,
        position: row.position,
        ...valuesOf(row),
      })),
    });
    return { ok: true, ids: rows.map((row) => row.id) };
  });
}

export type UpdateIncentiveResult =
  | { ok: true }
  | ReportLocked
  | { ok: false; reason: 'conflict'; current: IncentiveRow }
  | null;

/** Saves the form's values over an incentive if it is still at the version the form was opened on. */
export async function updateIncentive(
  db: Db,
  actor: Actor,
  report: ReportRef,
  incentiveId: number,
  version: number,
  values: IncentiveValues,
): Promise<UpdateIncentiveResult> {
  return inTransaction(db, async (tx) => {
    const lock = await lockReportForChange(tx, report);
    if (!lock?.ok) return lock;
    const [before] = await tx
      .select()
      .from(reportIncentives)
      .where(and(eq(reportIncentives.id, incentiveId), eq(reportIncentives.reportId, report.id)))
      .for('update');
    if (!before) return null;
    if (before.version !== version) return { ok: false, reason: 'conflict', current: before };
    const [after] = await tx
      .update(reportIncentives)
      .set({ ...values, ...touch(reportIncentives) })
      .where(eq(reportIncentives.id, incentiveId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'report_incentives',
      id: incentiveId,
      before: { ...valuesOf(before), version: before.version },
      after: after ? { ...valuesOf(after), version: after.version } : null,
    });
    return { ok: true };
  });
}

/** Takes an incentive off the draft; those after it move up one. */
export async function removeIncentive(
  db: Db,
  actor: Actor,
  report: ReportRef,
  incentiveId: number,
): Promise<{ ok: true } | ReportLocked | null> {
  return inTransaction(db, async (tx) => {
    const lock = await lockReportForChange(tx, report);
    if (!lock?.ok) return lock;
    const [removed] = await tx
      .delete(reportIncentives)
      .where(and(eq(reportIncentives.id, incentiveId), eq(reportIncentives.reportId, report.id)))
      .returning();
    if (!removed) return null;
    // Two steps through negative numbers: the unique (report, position) key holds at every row.
    await tx
      .update(reportIncentives)
      .set({ position: sql`-${reportIncentives.position}` })
      .where(and(eq(reportIncentives.reportId, report.id), gt(reportIncentives.position, removed.position)));
    await tx
      .update(reportIncentives)
      .set({ position: sql`-${reportIncentives.position} - 1` })
      .where(and(eq(reportIncentives.reportId, report.id), sql`${reportIncentives.position} < 0`));
    await recordAudit(tx, actor, {
      action: 'delete',
      table: 'report_incentives',
      id: incentiveId,
      before: { reportId: removed.reportId, position: removed.position, ...valuesOf(removed) },
    });
    return { ok: true };
  });
}
