import { asc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { NeedInput } from './forms.ts';
import { type NeedFieldValues, needRevisions, needs, needsAssessments } from './schema.ts';

export type NeedRevision = typeof needRevisions.$inferSelect;

/** The fields a revision compares and keeps, in the order the history names them. */
export const revisedFields = [
  'title',
  'description',
  'ipAreas',
  'kindsOfHelp',
  'institution',
  'priority',
  'wishedStart',
  'wishedEnd',
] as const;

export type ReviseResult =
  | { ok: true; revision: number }
  | { ok: false; reason: 'not-found' | 'stale' | 'closed' | 'unchanged' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes the text and facts of a published need that is not met or withdrawn, explained. The values
 * before the change are kept as a numbered revision, in the same transaction as the change and the
 * audit entry. `seenVersion` is the need's version the form was made from: a change meanwhile wins.
 * The text is written in the assessment's language; translations in other languages are kept.
 */
export async function reviseNeed(
  db: Db,
  actor: Actor,
  needId: number,
  seenVersion: number,
  input: NeedInput,
  note: string,
  byRole: 'member' | 'secretariat',
): Promise<ReviseResult> {
  return inTransaction(db, async (tx): Promise<ReviseResult> => {
    const [row] = await tx
      .select({ need: needs, assessment: needsAssessments })
      .from(needs)
      .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
      .where(eq(needs.id, needId))
      .for('update', { of: needs });
    if (row?.assessment.status !== 'published') return { ok: false, reason: 'not-found' };
    const { need } = row;
    if (need.version !== seenVersion) return { ok: false, reason: 'stale' };
    if (need.status === 'met' || need.status === 'withdrawn') return { ok: false, reason: 'closed' };
    const lang = row.assessment.language as Language;
    const { [lang]: _oldDescription, ...otherDescriptions } = need.description;
    const next: NeedFieldValues = {
      title: { ...need.title, [lang]: input.title },
      description: input.description ? { ...need.description, [lang]: input.description } : otherDescriptions,
      ipAreas: input.ipAreas,
      kindsOfHelp: input.kindsOfHelp,
      institution: input.institution,
      priority: input.priority,
      wishedStart: input.wishedStart,
      wishedEnd: input.wishedEnd,
    };
    const previous: NeedFieldValues = {
      title: need.title,
      description: need.description,
      ipAreas: need.ipAreas,
      kindsOfHelp: need.kindsOfHelp,
      institution: need.institution,
      priority: need.priority,
      wishedStart: need.wishedStart,
      wishedEnd: need.wishedEnd,
    };
    const changed = revisedFields.filter((field) => !same(previous[field], next[field]));
    if (changed.length === 0) return { ok: false, reason: 'unchanged' };
    const [last] = await tx
      .select({ revision: sql<number>`coalesce(max(${needRevisions.revision}), 0)::int` })
      .from(needRevisions)
      .where(eq(needRevisions.needId, needId));
    const revision = (last?.revision ?? 0) + 1;
    await tx
      .update(needs)
      .set({ ...next, kindsOfHelp: input.kindsOfHelp, priority: input.priority, ...touch(needs) })
      .where(eq(needs.id, needId));
    await tx.insert(needRevisions).values({
      needId,
      revision,
      previous,
      changedFields: changed,
      note,
      revisedBy: actor.userId,
      byRole,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'needs',
      id: needId,
      before: Object.fromEntries(changed.map((field) => [field, previous[field]])),
      after: { ...Object.fromEntries(changed.map((field) => [field, next[field]])), note, revision },
    });
    return { ok: true, revision };
  });
}

/** A need's revisions, oldest first. Who made each is in `revisedBy`: pages show only `byRole`. */
export async function revisionsOf(db: Db, needId: number): Promise<NeedRevision[]> {
  return db
    .select()
    .from(needRevisions)
    .where(eq(needRevisions.needId, needId))
    .orderBy(asc(needRevisions.revision));
}
