import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { matchesSearch } from '../activities/full-text-query.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { answeringEditions } from './delivery/editions.ts';
import { deliveringActivities } from './delivery/service.ts';
import type { AssessmentInput, NeedInput } from './forms.ts';
import { revisionsOf } from './revisions.ts';
import { needRevisions, needStatusChanges, needs, needsAssessments } from './schema.ts';
import { mayMoveByHand } from './status.ts';
import type { KindOfHelp, NeedStatus } from './taxonomy.ts';

export type Assessment = typeof needsAssessments.$inferSelect;
export type Need = typeof needs.$inferSelect;

/** A draft assessment; it holds no need yet. */
export async function createAssessment(
  db: Db,
  actor: Actor,
  input: AssessmentInput,
  options: { isSample?: boolean } = {},
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(needsAssessments)
      .values({
        partyCode: input.party,
        symbol: input.symbol,
        documentDate: input.documentDate,
        source: input.source,
        language: input.language,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        isSample: options.isSample ?? false,
        createdBy: actor.userId,
      })
      .returning({ id: needsAssessments.id });
    if (!row) throw new Error('assessment insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'create',
      table: 'needs_assessments',
      id: row.id,
      after: { ...input, isSample: options.isSample ?? false },
    });
    return row.id;
  });
}

export async function assessmentById(db: Db, id: number): Promise<Assessment | null> {
  const [row] = await db.select().from(needsAssessments).where(eq(needsAssessments.id, id));
  return row ?? null;
}

/** The assessments of some parties (or of all, for the Secretariat), newest first. */
export async function assessmentsOf(db: Db, parties: string[] | 'all') {
  const rows = await db
    .select({
      assessment: needsAssessments,
      needCount: sql<number>`(select count(*)::int from ${needs} where ${needs.assessmentId} = ${needsAssessments.id})`,
    })
    .from(needsAssessments)
    .where(
      parties === 'all'
        ? undefined
        : parties.length
          ? inArray(needsAssessments.partyCode, parties)
          : sql`false`,
    )
    .orderBy(desc(needsAssessments.createdAt), desc(needsAssessments.id));
  return rows;
}

export async function needsOfAssessment(db: Db, assessmentId: number): Promise<Need[]> {
  return db.select().from(needs).where(eq(needs.assessmentId, assessmentId)).orderBy(asc(needs.id));
}

/**
 * Adds a need. To a draft it is simply part of the draft; to a published assessment it is public
 * at once, its opening recorded in its history.
 */
export async function addNeed(
  db: Db,
  actor: Actor,
  assessment: Pick<Assessment, 'id' | 'language' | 'status'>,
  input: NeedInput,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const lang = assessment.language as Language;
    const [row] = await tx
      .insert(needs)
      .values({
        assessmentId: assessment.id,
        title: { [lang]: input.title },
        description: input.description ? { [lang]: input.description } : {},
        ipAreas: input.ipAreas,
        kindsOfHelp: input.kindsOfHelp,
        institution: input.institution,
        priority: input.priority,
        wishedStart: input.wishedStart,
        wishedEnd: input.wishedEnd,
      })
      .returning({ id: needs.id });
    if (!row) throw new Error('need insert returned nothing');
    if (assessment.status === 'published') {
      await tx.insert(needStatusChanges).values({
        needId: row.id,
        fromStatus: null,
        toStatus: 'open',
        note: '',
        changedBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, {
      action: 'create',
      table: 'needs',
      id: row.id,
      after: { assessmentId: assessment.id, ...input },
    });
    return row.id;
  });
}

export type PublishResult = { ok: true } | { ok: false; reason: 'no-needs' | 'already' };

/** Makes a draft assessment and its needs public (no review): each need opens, on record. */
export async function publishAssessment(db: Db, actor: Actor, id: number): Promise<PublishResult> {
  return inTransaction(db, async (tx) => {
    const [assessment] = await tx
      .select()
      .from(needsAssessments)
      .where(eq(needsAssessments.id, id))
      .for('update');
    if (!assessment || assessment.status === 'published') return { ok: false, reason: 'already' };
    const listed = await tx.select({ id: needs.id }).from(needs).where(eq(needs.assessmentId, id));
    if (listed.length === 0) return { ok: false, reason: 'no-needs' };
    await tx
      .update(needsAssessments)
      .set({ status: 'published', publishedAt: sql`now()`, ...touch(needsAssessments) })
      .where(eq(needsAssessments.id, id));
    await tx.insert(needStatusChanges).values(
      listed.map((need) => ({
        needId: need.id,
        fromStatus: null,
        toStatus: 'open' as const,
        note: '',
        changedBy: actor.userId,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'publish',
      table: 'needs_assessments',
      id,
      before: { status: 'draft' },
      after: { status: 'published', needs: listed.map((need) => need.id) },
    });
    return { ok: true };
  });
}

export type StatusResult = { ok: true } | { ok: false; reason: 'not-allowed' | 'stale' };

/**
 * Moves a published need's status by hand (see ./status.ts), with its explanation, in its history
 * and in the audit trail. `seenStatus` is the status the person saw: a change made meanwhile wins.
 */
export async function changeNeedStatus(
  db: Db,
  actor: Actor,
  needId: number,
  seenStatus: NeedStatus,
  to: NeedStatus,
  note: string,
): Promise<StatusResult> {
  return inTransaction(db, async (tx) => {
    const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
    if (!need) return { ok: false, reason: 'stale' };
    if (need.status !== seenStatus) return { ok: false, reason: 'stale' };
    if (!mayMoveByHand(need.status, to)) return { ok: false, reason: 'not-allowed' };
    await tx
      .update(needs)
      .set({ status: to, ...touch(needs) })
      .where(eq(needs.id, needId));
    await tx
      .insert(needStatusChanges)
      .values({ needId, fromStatus: need.status, toStatus: to, note, changedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'change-status',
      table: 'needs',
      id: needId,
      before: { status: need.status },
      after: { status: to, note },
    });
    return { ok: true };
  });
}

export type NeedFilters = {
  party?: string | undefined;
  status?: NeedStatus | undefined;
  kind?: KindOfHelp | undefined;
  /** Words in any of the three languages, expanded through the IP vocabulary as activities are. */
  q?: string | undefined;
};

/** The text of a jsonb { en, fr, es } column, all its languages. */
const allText = (column: typeof needs.title | typeof needs.description) =>
  sql`coalesce((SELECT string_agg(value, ' ') FROM jsonb_each_text(${column})), '')`;
const needText = sql`(${allText(needs.title)} || ' ' || ${allText(needs.description)})`;

function publishedWhere(filters: NeedFilters): SQL | undefined {
  const where: SQL[] = [eq(needsAssessments.status, 'published')];
  if (filters.party) where.push(eq(needsAssessments.partyCode, filters.party));
  if (filters.status) where.push(eq(needs.status, filters.status));
  if (filters.kind) where.push(sql`${needs.kindsOfHelp} @> ${JSON.stringify([filters.kind])}::jsonb`);
  if (filters.q?.trim()) where.push(matchesSearch(needText, filters.q));
  return and(...where);
}

/** Published needs, newest assessment first; drafts never. `offset` skips the pages before. */
export async function publishedNeeds(db: Db, filters: NeedFilters = {}, limit = 500, offset = 0) {
  return db
    .select({
      need: needs,
      assessment: needsAssessments,
      /** How many times its text or facts were edited since publication, and when last. */
      revisionCount: sql<number>`(select count(*)::int from ${needRevisions} where ${needRevisions.needId} = ${needs.id})`,
      revisedAt: sql<
        Date | string | null
      >`(select max(${needRevisions.revisedAt}) from ${needRevisions} where ${needRevisions.needId} = ${needs.id})`,
    })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(publishedWhere(filters))
    .orderBy(desc(needsAssessments.publishedAt), asc(needs.id))
    .limit(limit)
    .offset(offset);
}

/** How many published needs the filters find (for the list's pages). */
export async function countPublishedNeeds(db: Db, filters: NeedFilters = {}): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(publishedWhere(filters));
  return row?.count ?? 0;
}

/** The Members that have published needs: the choices of the list's Member filter. */
export async function partiesWithPublishedNeeds(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ party: needsAssessments.partyCode })
    .from(needsAssessments)
    .innerJoin(needs, eq(needs.assessmentId, needsAssessments.id))
    .where(eq(needsAssessments.status, 'published'));
  return rows.map((row) => row.party);
}

/** A need with its assessment, status history and revisions (oldest first); null for a draft's need. */
export async function needStory(db: Db, id: number, options: { includeDrafts?: boolean } = {}) {
  const [row] = await db
    .select({ need: needs, assessment: needsAssessments })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(eq(needs.id, id));
  if (!row || (row.assessment.status !== 'published' && !options.includeDrafts)) return null;
  const history = await db
    .select({ change: needStatusChanges, by: users.displayName })
    .from(needStatusChanges)
    .leftJoin(users, eq(needStatusChanges.changedBy, users.id))
    .where(eq(needStatusChanges.needId, id))
    .orderBy(asc(needStatusChanges.changedAt), asc(needStatusChanges.id));
  return {
    ...row,
    history,
    revisions: await revisionsOf(db, id),
    delivering: await deliveringActivities(db, id),
    answeringEditions: await answeringEditions(db, id),
  };
}
