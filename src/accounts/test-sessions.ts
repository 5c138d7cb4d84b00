import { eq } from 'drizzle-orm';
import { cliActor } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { sessions } from './schema.ts';
import { addUser, type RoleGrant, resolveGrant } from './service.ts';
import { sessionCookie } from './session-middleware.ts';
import { startSession } from './sessions.ts';
import { tokenHash } from './tokens.ts';

export type TestSession = {
  userId: number;
  /** Send as the Cookie header. */
  cookie: string;
  /** Send as the _csrf form field or the X-CSRF-Token header. */
  csrf: string;
};

/**
 * For tests: an account with one role (created if needed) and a live session, as if it had signed
 * in. Scope as on the command line: { party: 'CAN' } for reporters and focal points,
 * { agency: 'CIPO' } for coordinators and advisors, { participantId } for participants.
 */
export async function testSession(
  db: Db,
  email: string,
  role: string,
  scope: { party?: string; agency?: string; participantId?: number } = {},
): Promise<TestSession> {
  const grant: RoleGrant = await resolveGrant(db, role, scope);
  const { id } = await addUser(db, cliActor, { email, displayName: email.split('@')[0] ?? email, grant });
  const token = await startSession(db, id);
  const [row] = await db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash(token)));
  return { userId: id, cookie: `${sessionCookie}=${token}`, csrf: row?.csrf ?? '' };
}

/** A form POST as the session, through app.request(). */
export function formRequest(
  session: TestSession | null,
  fields: Record<string, string | string[]>,
): RequestInit {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  if (session) body.set('_csrf', session.csrf);
  return {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(session ? { Cookie: session.cookie } : {}),
    },
  };
}
