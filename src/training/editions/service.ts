import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { coordinatedProgrammeIds, type Edition } from '../access.ts';
import { syncEditionActivity } from '../edition-activity.ts';
import {
  editionSessions,
  editionStatuses,
  nominations,
  participants,
  trainingEditions,
  trainingProgrammes,
} from '../schema.ts';
import type { EditionInput, SessionInput } from './forms.ts';

export type EditionStatus = (typeof editionStatuses)[number];

/** The one status an edition may move to next; null once completed. Editions only move forward. */
export function nextStatus(status: EditionStatus): EditionStatus | null {
  return editionStatuses[editionStatuses.indexOf(status) + 1] ?? null;
}

/** The programmes a coordinator runs, each with its editions, newest first. */
export async function coordinatorProgrammes(db: Db, account: Account) {
  const ids = await coordinatedProgrammeIds(db, account);
  if (ids.length === 0) return [];
  const [programmes, editions] = await Promise.all([
    db
      .select({ id: trainingProgrammes.id, name: trainingProgrammes.name })
      .from(trainingProgrammes)
      .where(inArray(trainingProgrammes.id, ids))
      .orderBy(sql`${trainingProgrammes.name}->>'en'`),
    db
      .select({
        id: trainingEditions.id,
        programmeId: trainingEditions.programmeId,
        year: trainingEditions.year,
        startDate: trainingEditions.startDate,
        endDate: trainingEditions.endDate,
        status: trainingEditions.status,
        capacity: trainingEditions.capacity,
        participants: sql<number>`(SELECT count(*)::int FROM participants p WHERE p.edition_id = ${trainingEditions.id})`,
        nominations: sql<number>`(SELECT count(*)::int FROM nominations n WHERE n.edition_id = ${trainingEditions.id})`,
      })
      .from(trainingEditions)
      .where(inArray(trainingEditions.programmeId, ids))
      .orderBy(desc(trainingEditions.year), desc(trainingEditions.id)),
  ]);
  return programmes.map((p) => ({ ...p, editions: editions.filter((e) => e.programmeId === p.id) }));
}

export const sessionsOf = (db: Db, editionId: number) =>
  db
    .select()
    .from(editionSessions)
    .where(eq(editionSessions.editionId, editionId))
    .orderBy(asc(editionSessions.position));

export async function participantCount(db: Db, editionId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.editionId, editionId));
  return Number(row?.n ?? 0);
}

export async function createEdition(
  db: Db,
  account: Account,
  programmeId: number,
  input: EditionInput,
): Promise<number> {
  return inTransaction(db, async (t) => {
    const [created] = await t
      .insert(trainingEditions)
      .values({ programmeId, ...input, status: 'planned', source: 'ipcoop workspace' })
      .returning({ id: trainingEditions.id });
    if (!created) throw new Error('edition insert returned nothing');
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'training_editions',
      id: created.id,
      after: input,
    });
    await syncEditionActivity(t, created.id, actorOf(account));
    return created.id;
  });
}

export type EditionUpdate = { ok: true } | { ok: false; field: string; message: 'capacityBelowSelected' };

export async function updateEdition(
  db: Db,
  account: Account,
  edition: Edition,
  input: EditionInput,
): Promise<EditionUpdate> {
  return inTransaction(db, async (t) => {
    // Locked before counting, as selections lock it: no one can be selected between count and save.
    await t
      .select({ id: trainingEditions.id })
      .from(trainingEditions)
      .where(eq(trainingEditions.id, edition.id))
      .for('update');
    // Capacity may not drop under the people already selected.
    if (input.capacity !== null && input.capacity < (await participantCount(t, edition.id)))
      return { ok: false, field: 'capacity', message: 'capacityBelowSelected' };
    await t
      .update(trainingEditions)
      .set({ ...input, ...touch(trainingEditions) })
      .where(eq(trainingEditions.id, edition.id));
    const before = Object.fromEntries(Object.keys(input).map((key) => [key, edition[key as keyof Edition]]));
    await recordAudit(t, actorOf(account), {
      action: 'update',
      table: 'training_editions',
      id: edition.id,
      before,
      after: input,
    });
    await syncEditionActivity(t, edition.id, actorOf(account));
    return { ok: true };
  });
}

/** Moves the edition one step forward; false when `to` is not the next status (a stale page, a forged form). */
export async function advanceStatus(
  db: Db,
  account: Account,
  edition: Edition,
  to: string,
): Promise<boolean> {
  if (nextStatus(edition.status) !== to) return false;
  return inTransaction(db, async (t) => {
    const moved = await t
      .update(trainingEditions)
      .set({ status: to as EditionStatus, ...touch(trainingEditions) })
      // Only from the status the page showed: two coordinators clicking at once move it one step.
      .where(and(eq(trainingEditions.id, edition.id), eq(trainingEditions.status, edition.status)))
      .returning({ id: trainingEditions.id });
    if (moved.length === 0) return false;
    await recordAudit(t, actorOf(account), {
      action: 'change-status',
      table: 'training_editions',
      id: edition.id,
      before: { status: edition.status },
      after: { status: to },
    });
    await syncEditionActivity(t, edition.id, actorOf(account));
    return true;
  });
}

export async function addSession(
  db: Db,
  account: Account,
  editionId: number,
  input: SessionInput,
): Promise<void> {
  await inTransaction(db, async (t) => {
    const [last] = await t
      .select({ max: sql<number | null>`max(${editionSessions.position})` })
      .from(editionSessions)
      .where(eq(editionSessions.editionId, editionId));
    const [created] = await t
      .insert(editionSessions)
      .values({ editionId, position: Number(last?.max ?? 0) + 1, ...input })
      .returning({ id: editionSessions.id });
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'edition_sessions',
      id: created?.id ?? 0,
      after: input,
    });
  });
}

/** Edits a session of this edition; false when the session is not the edition's. */
export async function updateSession(
  db: Db,
  account: Account,
  editionId: number,
  sessionId: number,
  input: SessionInput,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const [before] = await t
      .select()
      .from(editionSessions)
      .where(and(eq(editionSessions.id, sessionId), eq(editionSessions.editionId, editionId)));
    if (!before) return false;
    await t.update(editionSessions).set(input).where(eq(editionSessions.id, sessionId));
    await recordAudit(t, actorOf(account), {
      action: 'update',
      table: 'edition_sessions',
      id: sessionId,
      before,
      after: input,
    });
    return true;
  });
}

export async function removeSession(
  db: Db,
  account: Account,
  editionId: number,
  sessionId: number,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const [removed] = await t
      .delete(editionSessions)
      .where(and(eq(editionSessions.id, sessionId), eq(editionSessions.editionId, editionId)))
      .returning();
    if (!removed) return false;
    await recordAudit(t, actorOf(account), {
      action: 'delete',
      table: 'edition_sessions',
      id: sessionId,
      before: removed,
    });
    return true;
  });
}

/** Nominations of an edition for its coordinator: ranked first (1 first), then in the order they came. */
export const editionNominations = (db: Db, editionId: number) =>
  db
    .select()
    .from(nominations)
    .where(eq(nominations.editionId, editionId))
    .orderBy(sql`${nominations.rank} ASC NULLS LAST`, asc(nominations.id));

export const editionParticipants = (db: Db, editionId: number) =>
  db.select().from(participants).where(eq(participants.editionId, editionId)).orderBy(asc(participants.name));
