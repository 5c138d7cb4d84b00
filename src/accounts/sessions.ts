import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { unreadNotificationCount } from './notifications.ts';
import { sessions, users } from './schema.ts';
import { type Account, accountById } from './service.ts';
import { randomToken, tokenHash } from './tokens.ts';

/** A session ends after 12 idle hours, and in any case 14 days after sign-in. */
const idleHours = 12;
const maxDays = 14;

export type SignedIn = {
  account: Account;
  csrfToken: string;
  tokenHash: string;
  /** Shown in the header of every page: how many of the account's notifications are unread. */
  unreadNotifications: number;
};

export async function startSession(db: Db, userId: number, userAgent?: string): Promise<string> {
  // Ended sessions are cleared here, at each sign-in, so the table stays small without a scheduler.
  await purgeExpiredSessions(db);
  const token = randomToken();
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    csrfToken: randomToken(),
    expiresAt: sql`now() + make_interval(hours => ${idleHours})`,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The account behind a session cookie, if the session is alive and the account enabled. */
export async function sessionAccount(db: Db, token: string): Promise<SignedIn | null> {
  const hash = tokenHash(token);
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - make_interval(days => ${maxDays})`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  // Slide the idle deadline, at most once a minute per session.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(hours => ${idleHours})` })
      .where(eq(sessions.tokenHash, hash));
  }
  const account = await accountById(db, row.userId);
  if (!account) return null;
  const unreadNotifications = await unreadNotificationCount(db, account.id);
  return { account, csrfToken: row.csrfToken, tokenHash: hash, unreadNotifications };
}

export async function endSession(db: Db, hash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hash));
}

/** Sign-out everywhere: every browser of the account must sign in again. */
export async function endAllSessions(db: Db, userId: number): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ hash: sessions.tokenHash });
  return ended.length;
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
