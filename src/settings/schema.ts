import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { editableColumns } from '../db/columns.ts';

/** Settings the Secretariat changes at run time, e.g. the pattern of document symbols. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  ...editableColumns(),
});
