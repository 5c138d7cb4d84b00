import { jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { editableColumns, type LocalizedText } from '../db/columns.ts';
import { parties } from '../reference/schema.ts';

/**
 * A body that implements cooperation inside a party (CIPO, RCMP) or a partner
 * (WIPO, APEC-IPEG, University of Ottawa). `code` is a stable, human-readable key.
 */
export const agencies = pgTable('agencies', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  partyCode: text('party_code').references(() => parties.code),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  acronym: text('acronym'),
  website: text('website'),
  ...editableColumns(),
});
