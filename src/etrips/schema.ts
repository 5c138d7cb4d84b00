import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { reports } from '../reports/schema.ts';

/**
 * One row per e-TRIPS file imported: the hash of what was read (so an unchanged file is skipped)
 * and the state of the report in the hub right after the import (so a report edited in the hub
 * since is never overwritten without --force).
 */
export const etripsImports = pgTable(
  'etrips_imports',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** SHA-256 of the file's text and of the options that change what is read from it. */
    contentHash: text('content_hash').notNull(),
    file: text('file').notNull(),
    /** Report version and linked activities' versions right after the import. */
    hubState: text('hub_state').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('etrips_imports_hash_idx').on(t.contentHash),
    index('etrips_imports_report_idx').on(t.reportId),
  ],
);
