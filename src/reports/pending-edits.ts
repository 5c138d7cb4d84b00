import { and, asc, eq, inArray } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { type Actor, systemActor } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { confirmElements } from '../elements/service.ts';
import { orderedElements } from '../elements/taxonomy.ts';
import { replaceResults, resultsOf } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';
import {
  draftActivityEdits,
  type PendingActivityValues,
  pendingActivityColumns,
  reportActivities,
} from './schema.ts';

/**
 * Pending edits: a draft never changes a public activity. The activities row (with its
 * beneficiaries and agencies) is the public record, as of the latest publication of a report
 * listing it; what a draft changes in an already public activity is kept as that draft's whole
 * version of it (draft_activity_edits) and read by everything that shows the draft: the drafting
 * pages, the form, the Secretariat's review, the draft document and the changes view. Publication
 * writes it onto the public row (applyPendingEdits); deleting the draft or taking the activity off
 * its list drops it. Activities created in a draft are not public yet and are edited in place.
 */

export type { PendingActivityValues } from './schema.ts';

export type PendingEdit = { activityId: number; version: number; values: PendingActivityValues };

type ActivityRow = typeof activities.$inferSelect;

/** The pending edits of a report, by activity (all of them, or those of some activities). */
export async function pendingEditsOf(
  db: Db,
  reportId: number,
  activityIds?: number[],
): Promise<Map<number, PendingEdit>> {
  const byActivity = new Map<number, PendingEdit>();
  if (activityIds && activityIds.length === 0) return byActivity;
  const rows = await db
    .select({
      activityId: draftActivityEdits.activityId,
      version: draftActivityEdits.version,
      values: draftActivityEdits.values,
    })
    .from(draftActivityEdits)
    .where(
      and(
        eq(draftActivityEdits.reportId, reportId),
        activityIds ? inArray(draftActivityEdits.activityId, activityIds) : undefined,
      ),
    );
  for (const row of rows) byActivity.set(row.activityId, row);
  return byActivity;
}

/** The activity as the draft sees it: its pending values over the public row, and their version. */
export function withPendingValues<T extends Partial<ActivityRow>>(row: T, edit: PendingEdit | undefined): T {
  if (!edit) return row;
  const overlay: Record<string, unknown> = {};
  if ('version' in row) overlay.version = edit.version;
  for (const column of pendingActivityColumns) {
    if (column in row) overlay[column] = edit.values.activity[column];
  }
  return { ...row, ...overlay };
}

/** The fields a draft may change, taken from an activity row. */
export function editableFields(row: ActivityRow): PendingActivityValues['activity'] {
  return Object.fromEntries(
    pendingActivityColumns.map((column) => [column, row[column]]),
  ) as PendingActivityValues['activity'];
}

/** The public values of an activity, as a draft's version starts from them; null if there is none. */
export async function publicValues(
  db: Db,
  activityId: number,
): Promise<{ version: number; values: PendingActivityValues } | null> {
  const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
  if (!row) return null;
  const [beneficiaries, agencyLinks, results] = await Promise.all([
    db
      .select({
        kind: activityBeneficiaries.kind,
        partyCode: activityBeneficiaries.partyCode,
        regionCode: activityBeneficiaries.regionCode,
        nameAsWritten: activityBeneficiaries.nameAsWritten,
      })
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, activityId))
      .orderBy(asc(activityBeneficiaries.position)),
    db
      .select({ agencyId: activityAgencies.agencyId, role: activityAgencies.role })
      .from(activityAgencies)
      .where(eq(activityAgencies.activityId, activityId))
      .orderBy(asc(activityAgencies.agencyId)),
    resultsOf(db, [activityId]),
  ]);
  return {
    version: row.version,
    values: {
      activity: editableFields(row),
      beneficiaries,
      agencies: agencyLinks,
      results: results.get(activityId) ?? [],
    },
  };
}

/**
 * Stores the draft's version of a public activity if the draft still shows `expectedVersion` of
 * it (its pending version, or the public one before the first edit); false when another save came
 * first. Call inside the transaction that locked the report and the activity row.
 */
export async function savePendingEdit(
  tx: Db,
  edit: { reportId: number; activityId: number; expectedVersion: number; values: PendingActivityValues },
): Promise<boolean> {
  const [existing] = await tx
    .select({ version: draftActivityEdits.version })
    .from(draftActivityEdits)
    .where(
      and(eq(draftActivityEdits.reportId, edit.reportId), eq(draftActivityEdits.activityId, edit.activityId)),
    )
    .for('update');
  if (existing) {
    if (existing.version !== edit.expectedVersion) return false;
    await tx
      .update(draftActivityEdits)
      .set({ values: edit.values, ...touch(draftActivityEdits) })
      .where(
        and(
          eq(draftActivityEdits.reportId, edit.reportId),
          eq(draftActivityEdits.activityId, edit.activityId),
        ),
      );
    return true;
  }
  const [current] = await tx
    .select({ version: activities.version })
    .from(activities)
    .where(eq(activities.id, edit.activityId));
  if (!current || current.version !== edit.expectedVersion) return false;
  await tx.insert(draftActivityEdits).values({
    reportId: edit.reportId,
    activityId: edit.activityId,
    values: edit.values,
    basedOnVersion: current.version,
    version: current.version + 1,
  });
  return true;
}

/** Drops the draft's pending version of an activity (the activity left the draft's list). */
export async function discardPendingEdit(tx: Db, reportId: number, activityId: number): Promise<void> {
  await tx
    .delete(draftActivityEdits)
    .where(and(eq(draftActivityEdits.reportId, reportId), eq(draftActivityEdits.activityId, activityId)));
}

/**
 * Publication: every pending edit of the report (of activities still on its list) becomes the
 * public record, beneficiaries and agencies included, then the pending rows go. Inside the
 * publication's transaction; the caller refreshes the search index. Returns the activities written.
 * Elements of Article 67 the draft set become the confirmed ones, audited as `actor` (who publishes);
 * result indicators the draft set replace the public ones.
 */
export async function applyPendingEdits(
  tx: Db,
  reportId: number,
  actor: Actor = systemActor,
): Promise<number[]> {
  const edits = await tx
    .select({ activityId: draftActivityEdits.activityId, values: draftActivityEdits.values })
    .from(draftActivityEdits)
    .innerJoin(
      reportActivities,
      and(
        eq(reportActivities.reportId, draftActivityEdits.reportId),
        eq(reportActivities.activityId, draftActivityEdits.activityId),
      ),
    )
    .where(eq(draftActivityEdits.reportId, reportId))
    .orderBy(asc(draftActivityEdits.activityId));
  for (const { activityId, values } of edits) {
    await tx
      .update(activities)
      .set({ ...values.activity, ...touch(activities) })
      .where(eq(activities.id, activityId));
    await tx.delete(activityBeneficiaries).where(eq(activityBeneficiaries.activityId, activityId));
    if (values.beneficiaries.length > 0)
      await tx
        .insert(activityBeneficiaries)
        .values(values.beneficiaries.map((b, index) => ({ ...b, activityId, position: index + 1 })));
    await tx.delete(activityAgencies).where(eq(activityAgencies.activityId, activityId));
    if (values.agencies.length > 0)
      await tx.insert(activityAgencies).values(values.agencies.map((link) => ({ ...link, activityId })));
    if (values.elements && values.elements.length > 0)
      await confirmElements(tx, activityId, orderedElements(values.elements), actor);
    if (values.results) await replaceResults(tx, activityId, values.results);
  }
  await tx.delete(draftActivityEdits).where(eq(draftActivityEdits.reportId, reportId));
  return edits.map((edit) => edit.activityId);
}

/** Agencies named by a draft's pending versions, by id, for pages and documents. */
export async function agenciesById(db: Db, ids: number[]) {
  const byId = new Map<number, typeof agencies.$inferSelect>();
  if (ids.length === 0) return byId;
  for (const row of await db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...new Set(ids)])))
    byId.set(row.id, row);
  return byId;
}

/**
 * Result indicators of some activities as a report sees them: a draft's pending version where it
 * has one, else the stored ones. A published report reads the stored ones.
 */
export async function resultsOnReport(
  db: Db,
  reportId: number,
  activityIds: number[],
): Promise<Map<number, ResultIndicator[]>> {
  const [stored, pending] = await Promise.all([
    resultsOf(db, activityIds),
    pendingEditsOf(db, reportId, activityIds),
  ]);
  for (const [activityId, edit] of pending) {
    if (edit.values.results) stored.set(activityId, edit.values.results);
  }
  return stored;
}
