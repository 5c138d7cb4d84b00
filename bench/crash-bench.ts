/*
 * kill -9 during writes on the embedded database: each trial starts a writer, lets it commit for
 * a random moment, kills it without warning, then reopens the folder and checks that every write
 * the writer acknowledged is there and that the database opens and migrates cleanly.
 *   npm run bench:crash -- --trials 100
 * Prints the figures; exits 1 if a single acknowledged write is lost or a restart fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inArray, sql } from 'drizzle-orm';
import { users } from '../src/accounts/schema.ts';
import { openDatabase, queryRows } from '../src/db/database.ts';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' } } });
const trials = Number(values.trials);
const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-crash-'));

const first = await openDatabase({ kind: 'embedded', dataDir });
await first.migrate();
await first.close();

let acknowledged = 0;
let lost = 0;
let failedRestarts = 0;
const started = Date.now();
for (let trial = 1; trial <= trials; trial++) {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(trial)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks: string[] = [];
  let buffered = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) {
          acks.push(line.slice(4));
          // The kill comes at a random moment once writes flow.
          resolve();
        }
      }
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1300));
  child.kill('SIGKILL');
  await exited;
  acknowledged += acks.length;
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    database = await openDatabase({ kind: 'embedded', dataDir });
    await database.migrate();
    const found = new Set<string>();
    for (let i = 0; i < acks.length; i += 500) {
      const rows = await database.db
        .select({ email: users.email })
        .from(users)
        .where(inArray(users.email, acks.slice(i, i + 500)));
      for (const row of rows) found.add(row.email);
    }
    const missing = acks.filter((email) => !found.has(email));
    lost += missing.length;
    // Each write is one transaction: its notification and audit line came with it, or nothing did.
    const [orphans] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM users u WHERE u.email LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id)`,
    );
    if ((orphans?.n ?? 0) > 0) lost += orphans?.n ?? 0;
    console.log(`trial ${trial}: ${acks.length} acknowledged, ${missing.length} missing`);
  } catch (error) {
    failedRestarts++;
    console.log(`trial ${trial}: restart failed: ${(error as Error).message}`);
  } finally {
    // A failed check must not keep the folder: the next trial's writer would find it locked.
    await database?.close();
  }
}
rmSync(dataDir, { recursive: true, force: true });
console.log('');
console.log(`kill -9 trials:           ${trials}`);
console.log(`acknowledged writes:      ${acknowledged}`);
console.log(`acknowledged writes lost: ${lost}`);
console.log(`failed restarts:          ${failedRestarts}`);
console.log(`time:                     ${Math.round((Date.now() - started) / 1000)} s`);
if (lost > 0 || failedRestarts > 0) process.exitCode = 1;
