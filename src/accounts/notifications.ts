import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { publicUrl, sendMail } from './mail.ts';
import { notifications, users } from './schema.ts';

/** A notification's text in each interface language; the reader sees it in theirs. */
export type NotificationText = Record<Language, string>;

/**
 * Tells people something in the app (and by mail when SMTP is configured, after the caller's
 * transaction: pass the returned function to run once committed).
 */
export async function notify(
  db: Db,
  userIds: number[],
  text: NotificationText,
  link: string | null,
): Promise<() => Promise<void>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return async () => {};
  await db
    .insert(notifications)
    .values(unique.map((userId) => ({ userId, messageKey: 'text', params: text, link })));
  const recipients = await db
    .select({ email: users.email, language: users.preferredLanguage })
    .from(users)
    .where(and(inArray(users.id, unique), isNull(users.disabledAt)));
  return async () => {
    for (const recipient of recipients) {
      const body = text[recipient.language];
      await sendMail({
        to: recipient.email,
        subject: `ipcoop: ${body.slice(0, 120)}`,
        text: link ? `${body}\n\n${publicUrl()}/${recipient.language}${link}` : body,
      });
    }
  };
}

export async function notificationsOf(db: Db, userId: number, lang: Language, limit = 30) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((row) => ({
    text: (row.params as Record<string, string>)[lang] ?? (row.params as Record<string, string>).en ?? '',
    link: row.link,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }));
}

export async function markNotificationsRead(db: Db, userId: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** How many notifications the account has not marked as read: the count in every page's header. */
export async function unreadNotificationCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}
