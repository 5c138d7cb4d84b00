import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Account } from './service.ts';
import type { SignedIn } from './sessions.ts';

/**
 * Route guards. A signed-out visitor asking for a protected page is sent to sign in (303, then back);
 * a signed-in person without the right gets 403. Both end the request by throwing, so a handler
 * cannot forget to stop.
 */
export function requireSignedIn(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  if (signedIn) return signedIn;
  const url = new URL(c.req.url);
  const lang = /^\/(en|fr|es)\//.exec(url.pathname)?.[1] ?? 'en';
  // After signing in, come back to the page asked for (a form post comes back to its page).
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : (c.req.header('referer') ?? '');
  const next = back.startsWith('/') || back.startsWith(url.origin) ? back.replace(url.origin, '') : '';
  const location = `/${lang}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  throw new HTTPException(303, { res: new Response(null, { status: 303, headers: { Location: location } }) });
}

/** Ends the request with 403 unless `allowed`. The error page explains in the user's language. */
export function requirePermission(allowed: boolean): void {
  if (!allowed) throw new HTTPException(403, { message: 'forbidden' });
}

/** Signed in and allowed: the account, or the request ends. */
export function requireAccount(c: Context, allowed: (account: Account) => boolean): Account {
  const { account } = requireSignedIn(c);
  requirePermission(allowed(account));
  return account;
}
