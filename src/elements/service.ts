import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { activities } from '../activities/schema.ts';
import { type Actor, recordAudits } from '../audit/record.ts';
import { type Db, queryRows } from '../db/database.ts';
import { isLanguage } from '../i18n/languages.ts';
import { activityElements } from './schema.ts';
import { suggestElements } from './suggest.ts';
import { type ElementCode, type ElementState, orderedElements } from './taxonomy.ts';

export type ActivityElement = { code: ElementCode; state: ElementState };

/** Who the rules are, in set_by and in the audit trail. */
export const rulesActor: Actor = { userId: null, label: 'rules' };

/** The elements of some activities, by activity, in the taxonomy's order. */
export async function elementsOf(db: Db, activityIds: number[]): Promise<Map<number, ActivityElement[]>> {
  const byActivity = new Map<number, ActivityElement[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .select({
      activityId: activityElements.activityId,
      element: activityElements.element,
      state: activityElements.state,
    })
    .from(activityElements)
    .where(inArray(activityElements.activityId, [...new Set(activityIds)]))
    .orderBy(asc(activityElements.activityId));
  const grouped = new Map<number, Map<string, ElementState>>();
  for (const row of rows) {
    const states = grouped.get(row.activityId) ?? new Map<string, ElementState>();
    states.set(row.element, row.state);
    grouped.set(row.activityId, states);
  }
  for (const [activityId, states] of grouped) {
    byActivity.set(
      activityId,
      orderedElements(states.keys()).map((code) => ({ code, state: states.get(code) ?? 'suggested' })),
    );
  }
  return byActivity;
}

/** Whether every element of the set is confirmed (an empty set is not). */
export const isConfirmed = (elements: ActivityElement[]) =>
  elements.length > 0 && elements.every((element) => element.state === 'confirmed');

/**
 * Writes the rules' suggestions for activities whose elements nobody has confirmed (new ones, or
 * imported again with another title); confirmed sets are never touched. Audited as the rules.
 * Inside the caller's transaction; the caller refreshes the search index. Returns the activities changed.
 */
export async function suggestElementsFor(db: Db, activityIds: number[]): Promise<number[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .select({
      id: activities.id,
      title: activities.title,
      description: activities.description,
      originalLanguage: activities.originalLanguage,
    })
    .from(activities)
    .where(inArray(activities.id, [...new Set(activityIds)]));
  const current = await elementsOf(
    db,
    rows.map((row) => row.id),
  );
  const changed: number[] = [];
  const audits = [];
  for (const row of rows) {
    const existing = current.get(row.id) ?? [];
    if (existing.some((element) => element.state === 'confirmed')) continue;
    const language = isLanguage(row.originalLanguage) ? row.originalLanguage : undefined;
    const title = (language && row.title[language]) || Object.values(row.title).join(' . ');
    const description = (language && row.description[language]) || Object.values(row.description).join(' . ');
    const suggested = suggestElements(title, description, language);
    const before = existing.map((element) => element.code);
    if (before.join() === suggested.join()) continue;
    await replaceElements(db, row.id, suggested, 'suggested', rulesActor);
    changed.push(row.id);
    audits.push({
      action: 'elements.suggest',
      table: 'activity_elements',
      id: row.id,
      before: existing.length > 0 ? { elements: before, state: 'suggested' } : undefined,
      after: { elements: suggested, state: 'suggested' },
    });
  }
  await recordAudits(db, rulesActor, audits);
  return changed;
}

/** Suggestions for every activity that has no element at all (the demo seed, after an upgrade). */
export async function suggestMissingElements(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.isPublic, true),
        notExists(db.select().from(activityElements).where(eq(activityElements.activityId, activities.id))),
      ),
    );
  return suggestElementsFor(
    db,
    rows.map((row) => row.id),
  );
}

async function replaceElements(
  db: Db,
  activityId: number,
  codes: ElementCode[],
  state: ElementState,
  actor: Actor,
) {
  await db.delete(activityElements).where(eq(activityElements.activityId, activityId));
  if (codes.length > 0) {
    await db
      .insert(activityElements)
      .values(codes.map((element) => ({ activityId, element, state, setBy: actor.label })));
  }
}

/**
 * A person confirms (or changes) an activity's elements: the whole set becomes confirmed, audited
 * with the set before and after. Inside the caller's transaction; returns false if nothing changed.
 */
export async function confirmElements(
  db: Db,
  activityId: number,
  codes: ElementCode[],
  actor: Actor,
): Promise<boolean> {
  const before = (await elementsOf(db, [activityId])).get(activityId) ?? [];
  const after = orderedElements(codes);
  if (isConfirmed(before) && before.map((element) => element.code).join() === after.join()) return false;
  await replaceElements(db, activityId, after, 'confirmed', actor);
  await recordAudits(db, actor, [
    {
      action: 'elements.confirm',
      table: 'activity_elements',
      id: activityId,
      before: {
        elements: before.map((element) => element.code),
        states: before.map((element) => element.state),
      },
      after: { elements: after, state: 'confirmed' },
    },
  ]);
  return true;
}

/** The parties whose reporters may confirm an activity's elements: its donor and every party whose report lists it. */
export async function elementParties(db: Db, activityId: number): Promise<string[]> {
  const rows = await queryRows<{ party: string }>(
    db,
    sql`SELECT donor_party_code AS party FROM activities WHERE id = ${activityId}
        UNION
        SELECT r.reporting_party_code FROM report_activities ra JOIN reports r ON r.id = ra.report_id
         WHERE ra.activity_id = ${activityId}`,
  );
  return rows.map((row) => row.party);
}

/**
 * A reporter left every box empty on an activity of their draft: a confirmed set goes back to the
 * rules' suggestions (audited with the set that was confirmed). Inside the caller's transaction.
 */
export async function returnToSuggestions(db: Db, activityId: number, actor: Actor): Promise<void> {
  const before = (await elementsOf(db, [activityId])).get(activityId) ?? [];
  if (before.some((element) => element.state === 'confirmed')) {
    await db.delete(activityElements).where(eq(activityElements.activityId, activityId));
    await recordAudits(db, actor, [
      {
        action: 'elements.unconfirm',
        table: 'activity_elements',
        id: activityId,
        before: { elements: before.map((element) => element.code), state: 'confirmed' },
      },
    ]);
  }
  await suggestElementsFor(db, [activityId]);
}
