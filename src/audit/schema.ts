import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** Every change: who, when, which record, what it was before and after. Rows are never updated. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the command line and the system (demo load, imports). */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who, as text that survives the user's deletion: an e-mail address, "cli" or "system". */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [
    index('audit_log_record_idx').on(t.tableName, t.recordId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);
