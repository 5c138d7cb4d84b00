import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Config, config } from '../config.ts';
import { csrfCookie } from './session-middleware.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origins this site is reached at: the request's own, the configured public address, and,
 * behind a trusted TLS proxy, the scheme and host the browser used (Node sees plain http there).
 */
export function ownOrigins(
  c: Context,
  settings: Pick<Config, 'publicUrl' | 'trustProxy'> = config(),
): Set<string> {
  const url = new URL(c.req.url);
  const origins = new Set([url.origin]);
  // Checked at start-up: a well-formed http(s) address.
  if (settings.publicUrl) origins.add(new URL(settings.publicUrl).origin);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  if (settings.trustProxy && (proto === 'https' || proto === 'http')) {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || url.host;
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const hasControlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Strips NUL and the other C0 controls but tab and line breaks from every text field, once, in the
 * form data Hono keeps for the request: every route then reads clean text, and no field can carry
 * a NUL (which PostgreSQL refuses) into the database.
 */
async function cleanFormData(c: Context) {
  const cached = (c.req as unknown as { bodyCache: { formData?: Promise<FormData> } }).bodyCache.formData;
  const formData = await cached;
  if (!formData) return;
  const entries = [...formData.entries()];
  if (!entries.some(([, value]) => typeof value === 'string' && hasControlCharacter.test(value))) return;
  for (const name of new Set(entries.map(([key]) => key))) formData.delete(name);
  for (const [name, value] of entries) {
    formData.append(name, typeof value === 'string' ? value.replace(controlCharacters, '') : value);
  }
}

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The token a request carries: the X-CSRF-Token header, or the _csrf field of a form. */
async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return;
  // Hono keeps the parsed body, so the route reads the same (cleaned) form afterwards.
  await c.req.parseBody();
  await cleanFormData(c);
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
    if (origin && !ownOrigins(c).has(origin)) return onRefused(c);
    if (c.req.header('sec-fetch-site') === 'cross-site') return onRefused(c);
    const expected = c.get('signedIn')?.csrfToken ?? getCookie(c, csrfCookie);
    const submitted = await submittedToken(c);
    if (!expected || !submitted || !sameToken(expected, submitted)) return onRefused(c);
    return next();
  };
}
