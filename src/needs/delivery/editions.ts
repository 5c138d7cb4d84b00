import { and, asc, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { auditLog } from '../../audit/schema.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { parties } from '../../reference/schema.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { nominations, participants, trainingEditions, trainingProgrammes } from '../../training/schema.ts';
import { needs, needsAssessments } from '../schema.ts';
import { needEditionLinks } from './schema.ts';
import { insertNeedActivityLinks, linkableNeedIds, linkableStatuses } from './service.ts';

/** A need as the edition's section lists it. */
const needColumns = {
  id: needs.id,
  partyCode: needsAssessments.partyCode,
  title: needs.title,
  language: needsAssessments.language,
  status: needs.status,
  kindsOfHelp: needs.kindsOfHelp,
};

export type EditionNeed = {
  id: number;
  partyCode: string;
  title: Record<string, string | undefined>;
  language: 'en' | 'fr' | 'es';
  status: string;
  kindsOfHelp: string[];
};

const published = eq(needsAssessments.status, 'published');
const trainingOfPersonnel = sql`${needs.kindsOfHelp} @> '["training-personnel"]'::jsonb`;

/**
 * The Members an edition is for: those of its candidates and participants, and the Members of the
 * regions its organizer reported its participants from.
 */
async function editionMembers(db: Db, editionId: number): Promise<SQL | null> {
  const [edition] = await db
    .select({ regions: trainingEditions.reportedParticipantRegions })
    .from(trainingEditions)
    .where(eq(trainingEditions.id, editionId));
  if (!edition) return null;
  const candidates = db
    .select({ code: nominations.partyCode })
    .from(nominations)
    .where(and(eq(nominations.editionId, editionId), notInArray(nominations.status, ['withdrawn'])));
  const people = db
    .select({ code: participants.partyCode })
    .from(participants)
    .where(eq(participants.editionId, editionId));
  const whose: SQL[] = [
    inArray(needsAssessments.partyCode, candidates),
    inArray(needsAssessments.partyCode, people),
  ];
  if (edition.regions.length > 0) {
    const inRegions = db
      .select({ code: parties.code })
      .from(parties)
      .where(
        or(inArray(parties.regionCode, edition.regions), inArray(parties.subregionCode, edition.regions)),
      );
    whose.push(inArray(needsAssessments.partyCode, inRegions));
  }
  return or(...whose) ?? null;
}

/** A need the word search found (needs/service.ts publishedNeeds), as it returns them. */
type WordMatch = {
  need: {
    id: number;
    title: EditionNeed['title'];
    status: (typeof needs.$inferSelect)['status'];
    kindsOfHelp: string[];
  };
  assessment: { partyCode: string; language: EditionNeed['language'] };
};

/**
 * What the edition's section on its coordinator page shows: the needs it answers, suggestions
 * (open, offered or in progress needs for training of personnel of the Members it is for) and,
 * among the needs a word search found (`wordMatches`), the others it may still answer.
 */
export async function editionNeedsView(db: Db, editionId: number, wordMatches: readonly WordMatch[] = []) {
  const linked = await db
    .select(needColumns)
    .from(needEditionLinks)
    .innerJoin(needs, eq(needs.id, needEditionLinks.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(and(eq(needEditionLinks.editionId, editionId), published))
    .orderBy(asc(needsAssessments.partyCode), asc(needs.id));
  const linkedIds = linked.map((need) => need.id);
  const open = and(
    published,
    inArray(needs.status, [...linkableStatuses]),
    linkedIds.length > 0 ? notInArray(needs.id, linkedIds) : undefined,
  );
  const whose = await editionMembers(db, editionId);
  const suggested = whose
    ? await db
        .select(needColumns)
        .from(needs)
        .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
        .where(and(open, trainingOfPersonnel, whose))
        .orderBy(asc(needsAssessments.partyCode), asc(needs.id))
        .limit(100)
    : [];
  const shown = new Set([...linkedIds, ...suggested.map((need) => need.id)]);
  const found = wordMatches
    .filter(({ need }) => !shown.has(need.id) && linkableStatuses.includes(need.status))
    .map(({ need, assessment }) => ({
      id: need.id,
      partyCode: assessment.partyCode,
      title: need.title,
      language: assessment.language,
      status: need.status,
      kindsOfHelp: need.kindsOfHelp,
    }));
  return { linked, suggested, found };
}

export type EditionLinkResult = { ok: true; linked: number } | { ok: false; reason: 'not-linkable' };

/**
 * Says that an edition answers needs: public at once. Every need must be published and open,
 * offered or in progress, or the whole request is refused. Each new link is audited, and carried
 * into the open drafts that list the edition's activity.
 */
export async function linkEditionNeeds(
  db: Db,
  actor: Actor,
  editionId: number,
  needIds: number[],
): Promise<EditionLinkResult> {
  return inTransaction(db, async (tx) => {
    const wanted = [...new Set(needIds)];
    const linkable = await linkableNeedIds(tx, wanted);
    if (wanted.length === 0 || linkable.size !== wanted.length) return { ok: false, reason: 'not-linkable' };
    const inserted = await tx
      .insert(needEditionLinks)
      .values(wanted.map((needId) => ({ needId, editionId, linkedBy: actor.userId })))
      .onConflictDoNothing()
      .returning({ needId: needEditionLinks.needId });
    for (const { needId } of inserted) {
      await recordAudit(tx, actor, {
        action: 'link',
        table: 'need_edition_links',
        id: `${needId}/${editionId}`,
        after: { needId, editionId },
      });
    }
    await carryEditionNeeds(tx, actor, editionId);
    return { ok: true, linked: inserted.length };
  });
}

/**
 * Takes a need off an edition (audited). Links already carried into a draft stay there: they are
 * the draft's now, for its reporters to keep or remove. False when there was no such link.
 */
export async function unlinkEditionNeed(
  db: Db,
  actor: Actor,
  editionId: number,
  needId: number,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const [deleted] = await tx
      .delete(needEditionLinks)
      .where(and(eq(needEditionLinks.editionId, editionId), eq(needEditionLinks.needId, needId)))
      .returning({ needId: needEditionLinks.needId });
    if (!deleted) return false;
    await recordAudit(tx, actor, {
      action: 'unlink',
      table: 'need_edition_links',
      id: `${needId}/${editionId}`,
      before: { needId, editionId },
    });
    return true;
  });
}

/**
 * Links the edition's needs (those still open, offered or in progress) to its Art. 67 activity in
 * every open draft (draft or returned) that lists it, so that they follow the draft's rules: public
 * and moving the needs to "in progress" once the report is published. A link a reporter removed from
 * a draft is not put back there. Runs in the caller's transaction; returns the links added.
 */
export async function carryEditionNeeds(db: Db, actor: Actor, editionId: number) {
  const [edition] = await db
    .select({ activityId: trainingEditions.activityId })
    .from(trainingEditions)
    .where(eq(trainingEditions.id, editionId));
  const activityId = edition?.activityId;
  if (!activityId) return [];
  const rows = await db
    .select({ needId: needEditionLinks.needId })
    .from(needEditionLinks)
    .where(eq(needEditionLinks.editionId, editionId));
  const linkable = await linkableNeedIds(
    db,
    rows.map((row) => row.needId),
  );
  if (linkable.size === 0) return [];
  const drafts = await db
    .select({ id: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(and(eq(reportActivities.activityId, activityId), inArray(reports.status, ['draft', 'returned'])));
  const added: Array<{ needId: number; activityId: number; reportId: number }> = [];
  for (const draft of drafts) {
    // Locks the report row as every change to a draft does.
    await db.select({ id: reports.id }).from(reports).where(eq(reports.id, draft.id)).for('update');
    const removed = await db
      .select({ id: auditLog.recordId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tableName, 'need_activity_links'),
          eq(auditLog.action, 'unlink'),
          inArray(
            auditLog.recordId,
            [...linkable].map((needId) => `${needId}/${activityId}/${draft.id}`),
          ),
        ),
      );
    const gone = new Set(removed.map((row) => row.id));
    const links = [...linkable]
      .filter((needId) => !gone.has(`${needId}/${activityId}/${draft.id}`))
      .map((needId) => ({ needId, activityId }));
    const inserted = await insertNeedActivityLinks(db, actor, draft.id, links);
    added.push(...inserted.map((link) => ({ ...link, reportId: draft.id })));
  }
  return added;
}

/** The training editions that answer a need, for its public page (published needs only). */
export async function answeringEditions(db: Db, needId: number) {
  return db
    .select({
      editionId: trainingEditions.id,
      programmeId: trainingProgrammes.id,
      programmeName: trainingProgrammes.name,
      year: trainingEditions.year,
      status: trainingEditions.status,
      startDate: trainingEditions.startDate,
      endDate: trainingEditions.endDate,
      nominationDeadline: trainingEditions.nominationDeadline,
    })
    .from(needEditionLinks)
    .innerJoin(trainingEditions, eq(trainingEditions.id, needEditionLinks.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(needEditionLinks.needId, needId))
    .orderBy(asc(trainingEditions.year), asc(trainingEditions.id));
}

export type AnsweredNeed = Pick<EditionNeed, 'id' | 'partyCode' | 'title' | 'language' | 'status'>;

/** The published needs each of these editions answers: the programme's public page lists them. */
export async function needsAnsweredByEditions(
  db: Db,
  editionIds: number[],
): Promise<Map<number, AnsweredNeed[]>> {
  const answered = new Map<number, AnsweredNeed[]>();
  if (editionIds.length === 0) return answered;
  const rows = await db
    .select({ editionId: needEditionLinks.editionId, ...needColumns })
    .from(needEditionLinks)
    .innerJoin(needs, eq(needs.id, needEditionLinks.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(and(inArray(needEditionLinks.editionId, editionIds), published))
    .orderBy(asc(needsAssessments.partyCode), asc(needs.id));
  for (const { editionId, kindsOfHelp: _kinds, ...need } of rows) {
    answered.set(editionId, [...(answered.get(editionId) ?? []), need]);
  }
  return answered;
}
