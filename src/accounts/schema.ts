import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { editableColumns } from '../db/columns.ts';

/**
 * What a person may do. Reporters act for reporting parties, focal points for beneficiary parties,
 * coordinators and advisors for an agency (the organizer of a programme), participants for their
 * own participant record.
 */
export const roles = [
  'admin',
  'secretariat',
  'reporter',
  'coordinator',
  'focal-point',
  'advisor',
  'participant',
] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  /** Stored lower-cased: one account per address whatever the capitals. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt, "scrypt$N$r$p$salt$hash"; null until the person sets a password through a link. */
  passwordHash: text('password_hash'),
  preferredLanguage: text('preferred_language', { enum: ['en', 'fr', 'es'] })
    .notNull()
    .default('en'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  ...editableColumns(),
});

/** Server-side sessions: any app process can serve any signed-in user. The cookie holds the token; the row its hash. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time links (set or reset a password). Only the hash is stored. */
export const userTokens = pgTable('user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['set-password'] }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** In-app notifications; the message is a key of the interface catalogue, rendered in the reader's language. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Path without language prefix, e.g. "/training/editions/3". */
    link: text('link'),
    mailed: boolean('mailed').notNull().default(false),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
