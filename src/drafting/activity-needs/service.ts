import { and, asc, eq, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import { activities, activityBeneficiaries } from '../../activities/schema.ts';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { CoveredNeed } from '../../needs/coverage/service.ts';
import { needActivityLinks } from '../../needs/delivery/schema.ts';
import { insertNeedActivityLinks, linkableNeedIds, linkableStatuses } from '../../needs/delivery/service.ts';
import { needs, needsAssessments } from '../../needs/schema.ts';
import { publishedNeeds } from '../../needs/service.ts';
import { parties } from '../../reference/schema.ts';
import { pendingEditsOf } from '../../reports/pending-edits.ts';
import { reportActivities } from '../../reports/schema.ts';
import { lockReportForChange, type ReportLocked } from '../report.ts';

/** A need as the link page lists it. */
export type LinkableNeed = Pick<
  CoveredNeed,
  'id' | 'partyCode' | 'title' | 'language' | 'status' | 'kindsOfHelp'
>;

const needColumns = {
  id: needs.id,
  partyCode: needsAssessments.partyCode,
  title: needs.title,
  language: needsAssessments.language,
  status: needs.status,
  kindsOfHelp: needs.kindsOfHelp,
};

/** The activity of a report's list, as the draft sees it (its pending edit, if any); null if not listed. */
async function draftActivity(db: Db, reportId: number, activityId: number) {
  const [row] = await db
    .select({ id: activities.id, title: activities.title, originalLanguage: activities.originalLanguage })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(and(eq(reportActivities.reportId, reportId), eq(reportActivities.activityId, activityId)));
  if (!row) return null;
  const pending = (await pendingEditsOf(db, reportId, [activityId])).get(activityId);
  const beneficiaries = pending
    ? pending.values.beneficiaries
    : await db
        .select({ partyCode: activityBeneficiaries.partyCode, regionCode: activityBeneficiaries.regionCode })
        .from(activityBeneficiaries)
        .where(eq(activityBeneficiaries.activityId, activityId));
  const title = pending ? pending.values.activity.title : row.title;
  return { ...row, title, beneficiaries };
}

/**
 * What the link page shows for one activity of a draft: the needs it addresses in this report,
 * the needs it may address — of its beneficiary Members and of Members in its beneficiary regions
 * (an edition open to a region serves a need of a Member in it) — and, when words are given, any
 * other published need they find. Met and withdrawn needs are never offered.
 */
export async function activityNeedsView(db: Db, reportId: number, activityId: number, words?: string) {
  const activity = await draftActivity(db, reportId, activityId);
  if (!activity) return null;
  const linked = await db
    .select(needColumns)
    .from(needActivityLinks)
    .innerJoin(needs, eq(needs.id, needActivityLinks.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(and(eq(needActivityLinks.reportId, reportId), eq(needActivityLinks.activityId, activityId)))
    .orderBy(asc(needsAssessments.partyCode), asc(needs.id));
  const linkedIds = linked.map((need) => need.id);
  const partyCodes = activity.beneficiaries.flatMap((b) => (b.partyCode ? [b.partyCode] : []));
  const regionCodes = activity.beneficiaries.flatMap((b) => (b.regionCode ? [b.regionCode] : []));
  const whose: SQL[] = [];
  if (partyCodes.length > 0) whose.push(inArray(needsAssessments.partyCode, partyCodes));
  if (regionCodes.length > 0) {
    const inRegions = db
      .select({ code: parties.code })
      .from(parties)
      .where(or(inArray(parties.regionCode, regionCodes), inArray(parties.subregionCode, regionCodes)));
    whose.push(inArray(needsAssessments.partyCode, inRegions));
  }
  const open = and(
    eq(needsAssessments.status, 'published'),
    inArray(needs.status, [...linkableStatuses]),
    linkedIds.length > 0 ? notInArray(needs.id, linkedIds) : undefined,
  );
  const suggested =
    whose.length === 0
      ? []
      : await db
          .select(needColumns)
          .from(needs)
          .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
          .where(and(open, or(...whose)))
          .orderBy(asc(needsAssessments.partyCode), asc(needs.id))
          .limit(200);
  const shown = new Set([...linkedIds, ...suggested.map((need) => need.id)]);
  const found = words?.trim()
    ? (await publishedNeeds(db, { q: words }, 50))
        .filter(({ need }) => !shown.has(need.id) && linkableStatuses.includes(need.status))
        .map(({ need, assessment }) => ({
          id: need.id,
          partyCode: assessment.partyCode,
          title: need.title,
          language: assessment.language,
          status: need.status,
          kindsOfHelp: need.kindsOfHelp,
        }))
    : [];
  return { activity, linked, suggested, found };
}

export type LinkResult = { ok: true; linked: number } | ReportLocked | { ok: false; reason: 'not-linkable' };

/**
 * Links needs to an activity of a draft (part of the draft: public on publication). Every need
 * must be published and neither met nor withdrawn; the whole request is refused otherwise. Null
 * when the report or the activity on its list is gone.
 */
export async function linkNeeds(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  activityId: number,
  needIds: number[],
): Promise<LinkResult | null> {
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked) return null;
    if (!locked.ok) return locked;
    const listed = await draftActivity(tx, report.id, activityId);
    if (!listed) return null;
    const wanted = [...new Set(needIds)];
    const linkable = await linkableNeedIds(tx, wanted);
    if (wanted.length === 0 || linkable.size !== wanted.length) return { ok: false, reason: 'not-linkable' };
    const inserted = await insertNeedActivityLinks(
      tx,
      actor,
      report.id,
      wanted.map((needId) => ({ needId, activityId })),
    );
    return { ok: true, linked: inserted.length };
  });
}

/** Takes a need off an activity of a draft. Null when there was no such link or report. */
export async function unlinkNeed(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  activityId: number,
  needId: number,
): Promise<{ ok: true } | ReportLocked | null> {
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked) return null;
    if (!locked.ok) return locked;
    const [deleted] = await tx
      .delete(needActivityLinks)
      .where(
        and(
          eq(needActivityLinks.reportId, report.id),
          eq(needActivityLinks.activityId, activityId),
          eq(needActivityLinks.needId, needId),
        ),
      )
      .returning({ needId: needActivityLinks.needId });
    if (!deleted) return null;
    await recordAudit(tx, actor, {
      action: 'unlink',
      table: 'need_activity_links',
      id: `${needId}/${activityId}/${report.id}`,
      before: { needId, activityId, reportId: report.id },
    });
    return { ok: true };
  });
}
