import { and, asc, eq, sql } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { editionSessions } from '../schema.ts';
import type { SessionInput } from './forms.ts';

/** The agenda of an edition: its sessions in order, each added, edited and removed by a coordinator. */

export const sessionsOf = (db: Db, editionId: number) =>
  db
    .select()
    .from(editionSessions)
    .where(eq(editionSessions.editionId, editionId))
    .orderBy(asc(editionSessions.position));

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
