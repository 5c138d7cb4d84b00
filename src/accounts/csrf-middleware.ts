import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrfCookie } from './session-middleware.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The token a request carries: the X-CSRF-Token header, or the _csrf field of a form. */
async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return;
  // Hono keeps the parsed body, so the route reads the same form afterwards.
  const form = await c.req.parseBody({ all: true });
  const value = form._csrf;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every request that changes something must come from one of our pages: same origin (when the
 * browser says where it comes from) and the CSRF token of the session (or of the anonymous
 * double-submit cookie). The JSON API is read-only and not concerned.
 */
export function csrfMiddleware(onRefused: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || c.req.path.startsWith('/api/')) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) return onRefused(c);
    if (c.req.header('sec-fetch-site') === 'cross-site') return onRefused(c);
    const expected = c.get('signedIn')?.csrfToken ?? getCookie(c, csrfCookie);
    const submitted = await submittedToken(c);
    if (!expected || !submitted || !sameToken(expected, submitted)) return onRefused(c);
    return next();
  };
}
