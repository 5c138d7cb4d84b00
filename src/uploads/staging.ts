import { randomBytes } from 'node:crypto';
import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { settings } from '../settings/schema.ts';

/*
 * An uploaded spreadsheet between its preview and its import waits in the settings table (no
 * process memory, so any app process can take the confirm), for its uploader only, one hour.
 */

const lifetime = sql`now() - interval '1 hour'`;
export const stagedIdPattern = '[A-Za-z0-9_-]+';

/** What every staged upload carries, whatever it is for. */
export type Staged = { userId: number; fileName: string };

const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** Keeps an upload under a new unguessable id (forgetting those older than an hour). */
export async function stage<T extends Staged>(
  db: Db,
  actor: Actor,
  kind: string,
  value: T,
  summary: Record<string, unknown>,
): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await inTransaction(db, async (tx) => {
    await tx.delete(settings).where(and(like(settings.key, `${kind}:%`), lt(settings.createdAt, lifetime)));
    await tx.insert(settings).values({ key: keyOf(kind, id), value });
    await recordAudit(tx, actor, {
      action: 'stage-upload',
      table: 'settings',
      id: keyOf(kind, id),
      after: summary,
    });
  });
  return id;
}

/** The staged upload, if it exists and has not expired. */
export async function staged<T extends Staged>(db: Db, kind: string, id: string): Promise<T | null> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, keyOf(kind, id)), gt(settings.createdAt, lifetime)));
  return (row?.value as T | undefined) ?? null;
}

/**
 * Inside the import's transaction: the staged upload locked (a double click imports once, the
 * second finds nothing), and a function that forgets it once imported.
 */
export async function lockStaged<T extends Staged>(tx: Db, kind: string, id: string) {
  const [row] = await tx
    .select()
    .from(settings)
    .where(and(eq(settings.key, keyOf(kind, id)), gt(settings.createdAt, lifetime)))
    .for('update');
  const value = (row?.value as T | undefined) ?? null;
  return { value, forget: () => tx.delete(settings).where(eq(settings.key, keyOf(kind, id))) };
}

/**
 * Takes a staged upload for an import that runs on its own: deleted as it is read, so a second
 * confirmation (a double click, a reload) finds nothing. Null when gone or expired.
 */
export async function claimStaged<T extends Staged>(db: Db, kind: string, id: string): Promise<T | null> {
  const [row] = await db
    .delete(settings)
    .where(and(eq(settings.key, keyOf(kind, id)), gt(settings.createdAt, lifetime)))
    .returning({ value: settings.value });
  return (row?.value as T | undefined) ?? null;
}
