import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { AssessmentInput, NeedInput } from './forms.ts';
import { revisedFields } from './revisions.ts';
import { type NeedFieldValues, needs, needsAssessments } from './schema.ts';

/**
 * A draft assessment is the Member's work in progress: nothing of it is public, so its needs and its
 * own fields are corrected or removed without explanation and without keeping revisions (the audit
 * trail has every change). Once published, needs are edited with an explanation (./revisions.ts)
 * and never removed (the Member marks them withdrawn).
 */

export type DraftResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'stale' | 'published' | 'unchanged' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The need of a draft assessment, locked for the change, or why it cannot change. */
async function lockedDraftNeed(tx: Db, needId: number, seenVersion: number) {
  const [row] = await tx
    .select({ need: needs, assessment: needsAssessments })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(eq(needs.id, needId))
    .for('update', { of: [needs, needsAssessments] });
  if (!row) return { ok: false as const, reason: 'not-found' as const };
  if (row.assessment.status !== 'draft') return { ok: false as const, reason: 'published' as const };
  if (row.need.version !== seenVersion) return { ok: false as const, reason: 'stale' as const };
  return { ok: true as const, ...row };
}

/**
 * Corrects a need of a draft assessment: its text (in the assessment's language) and facts. No
 * explanation and no revision (a draft has no public history); version-checked and audited.
 */
export async function editDraftNeed(
  db: Db,
  actor: Actor,
  needId: number,
  seenVersion: number,
  input: NeedInput,
): Promise<DraftResult> {
  return inTransaction(db, async (tx): Promise<DraftResult> => {
    const found = await lockedDraftNeed(tx, needId, seenVersion);
    if (!found.ok) return found;
    const { need, assessment } = found;
    const lang = assessment.language as Language;
    // The text is the assessment's language's; any other (none, from the app's own forms) is kept.
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
    const previous = Object.fromEntries(
      revisedFields.map((field) => [field, need[field]]),
    ) as NeedFieldValues;
    const changed = revisedFields.filter((field) => !same(previous[field], next[field]));
    if (changed.length === 0) return { ok: false, reason: 'unchanged' };
    await tx
      .update(needs)
      .set({
        title: next.title,
        description: next.description,
        ipAreas: input.ipAreas,
        kindsOfHelp: input.kindsOfHelp,
        institution: input.institution,
        priority: input.priority,
        wishedStart: input.wishedStart,
        wishedEnd: input.wishedEnd,
        ...touch(needs),
      })
      .where(eq(needs.id, needId));
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'needs',
      id: needId,
      before: Object.fromEntries(changed.map((field) => [field, previous[field]])),
      after: { ...Object.fromEntries(changed.map((field) => [field, next[field]])), draft: true },
    });
    return { ok: true };
  });
}

/**
 * Removes a need from a draft assessment, with what a draft's need can have attached (status
 * changes, revisions, proposals and activity links exist only once published, and go with the row
 * by the foreign keys' cascade all the same). Version-checked: the need removed is the one seen.
 */
export async function removeDraftNeed(
  db: Db,
  actor: Actor,
  needId: number,
  seenVersion: number,
): Promise<DraftResult> {
  return inTransaction(db, async (tx): Promise<DraftResult> => {
    const found = await lockedDraftNeed(tx, needId, seenVersion);
    if (!found.ok) return found;
    const { need } = found;
    await tx.delete(needs).where(eq(needs.id, needId));
    await recordAudit(tx, actor, {
      action: 'delete',
      table: 'needs',
      id: needId,
      before: {
        assessmentId: need.assessmentId,
        ...Object.fromEntries(revisedFields.map((field) => [field, need[field]])),
      },
    });
    return { ok: true };
  });
}

/** The fields of an assessment its Member corrects while it is a draft (its Member stays). */
export type DraftAssessmentInput = Omit<AssessmentInput, 'party'>;
const assessmentFields = [
  'symbol',
  'documentDate',
  'source',
  'language',
  'contactName',
  'contactEmail',
] as const;

/**
 * Corrects a draft assessment's own fields: symbol, date, source, language and contact. When its
 * language changes, its needs' text (written in the assessment's language) moves with it.
 * Version-checked and audited; a published assessment is refused.
 */
export async function editDraftAssessment(
  db: Db,
  actor: Actor,
  assessmentId: number,
  seenVersion: number,
  input: DraftAssessmentInput,
): Promise<DraftResult> {
  return inTransaction(db, async (tx): Promise<DraftResult> => {
    const [assessment] = await tx
      .select()
      .from(needsAssessments)
      .where(eq(needsAssessments.id, assessmentId))
      .for('update');
    if (!assessment) return { ok: false, reason: 'not-found' };
    if (assessment.status !== 'draft') return { ok: false, reason: 'published' };
    if (assessment.version !== seenVersion) return { ok: false, reason: 'stale' };
    const changed = assessmentFields.filter((field) => assessment[field] !== input[field]);
    if (changed.length === 0) return { ok: false, reason: 'unchanged' };
    await tx
      .update(needsAssessments)
      .set({
        symbol: input.symbol,
        documentDate: input.documentDate,
        source: input.source,
        language: input.language,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        ...touch(needsAssessments),
      })
      .where(eq(needsAssessments.id, assessmentId));
    const from = assessment.language as Language;
    const to = input.language;
    if (from !== to) {
      const rows = await tx.select().from(needs).where(eq(needs.assessmentId, assessmentId));
      for (const need of rows) {
        const move = (text: Partial<Record<Language, string>>) => {
          const { [from]: written, ...rest } = text;
          return written === undefined ? text : { ...rest, [to]: written };
        };
        await tx
          .update(needs)
          .set({ title: move(need.title), description: move(need.description), ...touch(needs) })
          .where(eq(needs.id, need.id));
      }
    }
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'needs_assessments',
      id: assessmentId,
      before: Object.fromEntries(changed.map((field) => [field, assessment[field]])),
      after: { ...Object.fromEntries(changed.map((field) => [field, input[field]])), draft: true },
    });
    return { ok: true };
  });
}
