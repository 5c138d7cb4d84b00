import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { verifyPassword } from './passwords.ts';
import { users } from './schema.ts';
import { clearSignInFailures, countSignInTry } from './throttle.ts';

export type SignInAttempt =
  | { outcome: 'throttled'; minutes: number; retryAfterSeconds: number }
  | { outcome: 'refused' }
  | { outcome: 'accepted'; userId: number; language: 'en' | 'fr' | 'es' };

/**
 * One sign-in attempt. The try is counted before the password is checked, in one atomic
 * statement, so parallel guesses cannot all pass the throttle before any is counted; a try that
 * succeeds is given back.
 */
export async function attemptSignIn(
  db: Db,
  email: string,
  password: string,
  address: string,
): Promise<SignInAttempt> {
  const counted = await countSignInTry(db, email, address);
  if (!counted.allowed) {
    const seconds = counted.retryAfterSeconds;
    return {
      outcome: 'throttled',
      minutes: Math.max(1, Math.ceil(seconds / 60)),
      retryAfterSeconds: seconds,
    };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid || user.disabledAt) return { outcome: 'refused' };
  await counted.release?.();
  return { outcome: 'accepted', userId: user.id, language: user.preferredLanguage };
}

export { clearSignInFailures };
