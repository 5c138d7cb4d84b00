/*
 * The writer that bench/crash-bench.ts kills: mixed writes on an embedded database, each in one
 * transaction (an account, its role, a notification, a setting, an audit line), printing "ack N"
 * only once the transaction has committed. Run: tsx bench/crash-writer.ts DATA_DIR TRIAL
 */
import { sql } from 'drizzle-orm';
import { users } from '../src/accounts/schema.ts';
import { recordAudit } from '../src/audit/record.ts';
import { inTransaction, openDatabase } from '../src/db/database.ts';

const [dataDir, trial] = process.argv.slice(2);
if (!dataDir || !trial) throw new Error('usage: crash-writer DATA_DIR TRIAL');
const database = await openDatabase({ kind: 'embedded', dataDir });
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const email = `crash-${trial}-${n}@example.org`;
  await inTransaction(database.db, async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: `Trial ${trial} write ${n}` })
      .returning({ id: users.id });
    const id = user?.id as number;
    await tx.execute(sql`INSERT INTO user_roles (user_id, role) VALUES (${id}, 'secretariat')`);
    await tx.execute(
      sql`INSERT INTO notifications (user_id, message_key, params) VALUES (${id}, 'crash', ${JSON.stringify({ n })}::jsonb)`,
    );
    await tx.execute(
      sql`INSERT INTO settings (key, value) VALUES (${`crash-${trial}`}, ${JSON.stringify({ n, pad: 'x'.repeat(n % 2000) })}::jsonb)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    await recordAudit(tx, { userId: null, label: 'crash-bench' }, { action: 'create', table: 'users', id });
  });
  // Written synchronously to the pipe (Linux): the parent has the ack before the next write starts.
  process.stdout.write(`ack ${email}\n`);
}
