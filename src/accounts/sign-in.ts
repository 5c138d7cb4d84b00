import { eq, sql } from 'drizzle-orm';
import { type Db, inTransaction } from '../db/database.ts';
import { verifyPassword } from './passwords.ts';
import { users } from './schema.ts';
import { clearSignInFailures, recordSignInFailure, signInWait } from './throttle.ts';

export type SignInAttempt =
  | { outcome: 'throttled'; minutes: number }
  | { outcome: 'refused' }
  | { outcome: 'accepted'; userId: number; language: 'en' | 'fr' | 'es' };

/**
 * One sign-in attempt. Attempts on the same account take turns (a transaction-scoped advisory
 * lock), so parallel guesses cannot all pass the throttle check before any failure is counted.
 */
export function attemptSignIn(
  db: Db,
  email: string,
  password: string,
  address: string,
): Promise<SignInAttempt> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    const minutes = await signInWait(tx, email, address);
    if (minutes > 0) return { outcome: 'throttled', minutes };
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    const valid = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || !valid || user.disabledAt) {
      await recordSignInFailure(tx, email, address);
      return { outcome: 'refused' };
    }
    await clearSignInFailures(tx, email);
    return { outcome: 'accepted', userId: user.id, language: user.preferredLanguage };
  });
}
