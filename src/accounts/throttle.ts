import { and, count, eq, gt, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { signInFailures } from './schema.ts';

/**
 * Sign-in throttling kept in the database, so every app process counts the same failures.
 * An account takes 5 wrong passwords per 15 minutes; an address 30 (a shared office NAT).
 */
export const throttleWindowMinutes = 15;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerAddress = 30;

const inWindow = gt(signInFailures.failedAt, sql`now() - make_interval(mins => ${throttleWindowMinutes})`);

/** Minutes to wait before trying again, or 0 when a try is allowed. */
export async function signInWait(db: Db, email: string, address: string): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    db
      .select({ n: count(), first: min(signInFailures.failedAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), inWindow)),
    db
      .select({ n: count(), first: min(signInFailures.failedAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures.address, address), inWindow)),
  ]);
  const waits = [
    [byAccount[0], maxFailuresPerAccount],
    [byAddress[0], maxFailuresPerAddress],
  ] as const;
  let wait = 0;
  for (const [row, limit] of waits) {
    if (row && row.n >= limit && row.first) {
      const first = new Date(row.first).getTime();
      const minutes = Math.ceil((first + throttleWindowMinutes * 60_000 - Date.now()) / 60_000);
      wait = Math.max(wait, minutes, 1);
    }
  }
  return wait;
}

export async function recordSignInFailure(db: Db, email: string, address: string): Promise<void> {
  await db.insert(signInFailures).values({ email, address });
  // Old rows serve no purpose; trimming here keeps the table small without a scheduler.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, sql`now() - interval '1 day'`));
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
