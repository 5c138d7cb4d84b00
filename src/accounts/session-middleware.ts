import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { type SignedIn, sessionAccount } from './sessions.ts';
import { randomToken } from './tokens.ts';

declare module 'hono' {
  interface ContextVariableMap {
    signedIn: SignedIn | null;
    anonymousCsrf: string | undefined;
  }
}

export const sessionCookie = 'ipcoop_session';
export const csrfCookie = 'ipcoop_csrf';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cookies are Secure whenever the browser would send them back: over HTTPS (directly, or behind a
 * proxy trusted with IPCOOP_TRUST_PROXY=1), and on loopback, which browsers treat as secure.
 * Only plain HTTP to another host gets cookies without Secure, so a LAN trial still works.
 */
export function cookiesSecure(c: Context): boolean {
  const url = new URL(c.req.url);
  if (url.protocol === 'https:') return true;
  if (config().trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return loopbackHosts.has(url.hostname);
}

export function cookieOptions(c: Context) {
  return { path: '/', httpOnly: true, secure: cookiesSecure(c), sameSite: 'Lax' as const };
}

/** Loads the signed-in account from the session cookie; pages for a signed-in person are never cached. */
export function sessionMiddleware(db: Db): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    const signedIn = token ? await sessionAccount(db, token) : null;
    if (token && !signedIn) deleteCookie(c, sessionCookie, { path: '/' });
    c.set('signedIn', signedIn);
    await next();
    if (signedIn || token) c.res.headers.set('Cache-Control', 'private, no-store');
    // A page cached while signed out must not be shown after signing in, and the reverse.
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.res.headers.append('Vary', 'Cookie');
  };
}

/**
 * The CSRF token a form must carry: the session's own when signed in; otherwise a random value
 * also set as a cookie (double submit), created only when a page shows a form, so public pages
 * stay cookie-free and cacheable.
 */
export function csrfTokenFor(c: Context): string {
  const signedIn = c.get('signedIn');
  if (signedIn) return signedIn.csrfToken;
  const existing = c.get('anonymousCsrf') ?? getCookie(c, csrfCookie);
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  c.set('anonymousCsrf', token);
  setCookie(c, csrfCookie, token, cookieOptions(c));
  c.header('Cache-Control', 'private, no-store');
  return token;
}
