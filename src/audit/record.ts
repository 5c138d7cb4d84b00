import type { Db } from '../db/database.ts';
import { auditLog } from './schema.ts';

/** Who made a change: a signed-in user, or the command line / the system (userId null). */
export type Actor = { userId: number | null; label: string };

/** The actor for a signed-in account: its id, and its e-mail as the label kept if the account goes. */
export const actorOf = (account: { id: number; email: string }): Actor & { userId: number } => ({
  userId: account.id,
  label: account.email,
});

export const systemActor: Actor = { userId: null, label: 'system' };
export const cliActor: Actor = { userId: null, label: 'cli' };

export type AuditEntry = {
  action: string;
  table: string;
  id: number | string;
  before?: unknown;
  after?: unknown;
  note?: string;
};

/** Appends one line to the audit trail, inside the caller's transaction so both land or neither. */
export function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  return recordAudits(db, actor, [entry]);
}

/** Many lines at once (a spreadsheet import): one statement instead of one per row. */
export async function recordAudits(db: Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  // Each row binds 8 parameters; PostgreSQL allows 65,535 per statement.
  for (let start = 0; start < entries.length; start += 5000) {
    await db.insert(auditLog).values(
      entries.slice(start, start + 5000).map((entry) => ({
        userId: actor.userId,
        actor: actor.label,
        action: entry.action,
        tableName: entry.table,
        recordId: String(entry.id),
        before: entry.before ?? null,
        after: entry.after ?? null,
        note: entry.note ?? null,
      })),
    );
  }
}
