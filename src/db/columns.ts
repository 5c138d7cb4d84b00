import { sql } from 'drizzle-orm';
import { type AnyPgColumn, customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** Texts kept in the languages they exist in; a missing key means "no such translation". */
export type LocalizedText = Partial<Record<'en' | 'fr' | 'es', string>>;

/** Created/updated timestamps and an optimistic-locking version, on every editable row. */
export const editableColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Postgres full-text vector; Drizzle has no built-in type for it. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Bumps version and updated_at in an UPDATE ... SET (qualified, so it also works in ON CONFLICT). */
export const touch = (table: { version: AnyPgColumn }) => ({
  updatedAt: sql`now()`,
  version: sql`${table.version} + 1`,
});
