import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { activities } from '../../activities/schema.ts';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import type { Db } from '../../db/database.ts';
import { formatDate } from '../../i18n/format.ts';
import { textIn } from '../../i18n/localized-text.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { needStatusChanges, needs, needsAssessments } from '../schema.ts';
import type { NeedStatus } from '../taxonomy.ts';
import { deliveryText } from './messages.ts';
import { needActivityLinks } from './schema.ts';

/** A need an activity may still address: published, neither met nor withdrawn. */
export const linkableStatuses: readonly NeedStatus[] = ['open', 'offered', 'in-progress'];

/** Of these needs, the ones an activity or edition may still address: published, neither met nor withdrawn. */
export async function linkableNeedIds(db: Db, needIds: readonly number[]): Promise<Set<number>> {
  const wanted = [...new Set(needIds)];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ id: needs.id })
    .from(needs)
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(
      and(
        inArray(needs.id, wanted),
        eq(needsAssessments.status, 'published'),
        inArray(needs.status, [...linkableStatuses]),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/**
 * Links activities of a report's draft to needs (part of the draft: public once the report is
 * published), each new link audited; links already there are kept as they are. The caller checks
 * that the needs are linkable and holds the report's lock. Returns the links added.
 */
export async function insertNeedActivityLinks(
  db: Db,
  actor: Actor,
  reportId: number,
  links: ReadonlyArray<{ needId: number; activityId: number }>,
): Promise<Array<{ needId: number; activityId: number }>> {
  if (links.length === 0) return [];
  const inserted = await db
    .insert(needActivityLinks)
    .values(links.map((link) => ({ ...link, reportId, linkedBy: actor.userId })))
    .onConflictDoNothing()
    .returning({ needId: needActivityLinks.needId, activityId: needActivityLinks.activityId });
  for (const { needId, activityId } of inserted) {
    await recordAudit(db, actor, {
      action: 'link',
      table: 'need_activity_links',
      id: `${needId}/${activityId}/${reportId}`,
      after: { needId, activityId, reportId },
    });
  }
  return inserted;
}

/** Links count only while the activity is on its report's list: a removed activity drops out. */
const listed = and(
  eq(reportActivities.reportId, needActivityLinks.reportId),
  eq(reportActivities.activityId, needActivityLinks.activityId),
);

/** The activities of published reports that address a need: what its public page shows. */
export async function deliveringActivities(db: Db, needId: number) {
  return db
    .select({
      activityId: activities.id,
      title: activities.title,
      originalLanguage: activities.originalLanguage,
      donorCode: activities.donorPartyCode,
      startDate: activities.startDate,
      startPrecision: activities.startPrecision,
      reportId: reports.id,
      symbol: reports.symbol,
    })
    .from(needActivityLinks)
    .innerJoin(reportActivities, listed)
    .innerJoin(reports, eq(reports.id, needActivityLinks.reportId))
    .innerJoin(activities, eq(activities.id, needActivityLinks.activityId))
    .where(and(eq(needActivityLinks.needId, needId), eq(reports.status, 'published')))
    .orderBy(asc(activities.startDate), asc(activities.id));
}

/**
 * Every public link of the published needs (of one Member, of some needs, or of all): the need, the activity
 * that addresses it (title, donor) and its report's symbol — the same rule as the need's page
 * (published report, activity still on its list). What the coverage page and overview count.
 */
export async function publicDeliveries(
  db: Db,
  which: { partyCode?: string | undefined; needIds?: readonly number[] } = {},
) {
  return db
    .select({
      needId: needActivityLinks.needId,
      partyCode: needsAssessments.partyCode,
      activityId: activities.id,
      title: activities.title,
      originalLanguage: activities.originalLanguage,
      donorCode: activities.donorPartyCode,
      reportId: reports.id,
      symbol: reports.symbol,
    })
    .from(needActivityLinks)
    .innerJoin(reportActivities, listed)
    .innerJoin(reports, eq(reports.id, needActivityLinks.reportId))
    .innerJoin(activities, eq(activities.id, needActivityLinks.activityId))
    .innerJoin(needs, eq(needs.id, needActivityLinks.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(
      and(
        eq(reports.status, 'published'),
        eq(needsAssessments.status, 'published'),
        which.partyCode ? eq(needsAssessments.partyCode, which.partyCode) : undefined,
        which.needIds ? inArray(needActivityLinks.needId, [...which.needIds]) : undefined,
      ),
    )
    .orderBy(asc(needActivityLinks.needId), asc(activities.startDate), asc(activities.id));
}

export type PublicDelivery = Awaited<ReturnType<typeof publicDeliveries>>[number];

/**
 * Moves to "in progress" every open or offered need that an activity of a published report
 * addresses once that activity has started (on or before `today`), dated, explained in the
 * Member's language, audited. Run at each publication (for that report) and each hour (for
 * activities that start later). Returns the needs moved.
 */
export async function advanceNeedsOfStartedActivities(
  db: Db,
  actor: Actor,
  options: { reportId?: number; today?: string } = {},
): Promise<number[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const due = await db
    .selectDistinctOn([needs.id], {
      needId: needs.id,
      status: needs.status,
      language: needsAssessments.language,
      title: activities.title,
      originalLanguage: activities.originalLanguage,
      startDate: activities.startDate,
      startPrecision: activities.startPrecision,
      symbol: reports.symbol,
    })
    .from(needActivityLinks)
    .innerJoin(reportActivities, listed)
    .innerJoin(reports, eq(reports.id, needActivityLinks.reportId))
    .innerJoin(activities, eq(activities.id, needActivityLinks.activityId))
    .innerJoin(needs, eq(needs.id, needActivityLinks.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(
      and(
        eq(reports.status, 'published'),
        eq(needsAssessments.status, 'published'),
        inArray(needs.status, ['open', 'offered']),
        lte(activities.startDate, today),
        options.reportId ? eq(needActivityLinks.reportId, options.reportId) : undefined,
      ),
    )
    .orderBy(needs.id, asc(activities.startDate));
  const moved: number[] = [];
  for (const row of due) {
    // Only if nobody changed it meanwhile: the Member's own word wins.
    const [updated] = await db
      .update(needs)
      .set({ status: 'in-progress', ...touch(needs) })
      .where(and(eq(needs.id, row.needId), eq(needs.status, row.status)))
      .returning({ id: needs.id });
    if (!updated) continue;
    const note = deliveryText(row.language)('startedNote', {
      title: textIn(row.title, row.language, row.originalLanguage),
      symbol: row.symbol ?? '—',
      date: formatDate(row.language, row.startDate, row.startPrecision) ?? '',
    });
    await db.insert(needStatusChanges).values({
      needId: row.needId,
      fromStatus: row.status,
      toStatus: 'in-progress',
      note,
      changedBy: actor.userId,
    });
    await recordAudit(db, actor, {
      action: 'change-status',
      table: 'needs',
      id: row.needId,
      before: { status: row.status },
      after: { status: 'in-progress', note },
    });
    moved.push(row.needId);
  }
  return moved;
}

/** How many needs each activity of a report addresses in it: the draft page's counts. */
export async function linkCountsOfReport(db: Db, reportId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ activityId: needActivityLinks.activityId, count: sql<number>`count(*)::int` })
    .from(needActivityLinks)
    .where(eq(needActivityLinks.reportId, reportId))
    .groupBy(needActivityLinks.activityId);
  return new Map(rows.map((row) => [row.activityId, row.count]));
}
