import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { addressNetwork, clientAddress } from './address.ts';
import { OperationsPage } from './pages.tsx';
import { countRequest, type Limit } from './request-counters.ts';

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Reads every form body once, before anything else does: a body that is not the form it claims to
 * be (a multipart without its boundary, cut short, or not multipart at all) gets a 400 page in the
 * page's language instead of an error deep in a route. Hono keeps the parsed form for the route.
 */
export function readableForms(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type')?.toLowerCase() ?? '';
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !formTypes.some((t) => type.startsWith(t)))
      return next();
    try {
      await c.req.parseBody({ all: true });
    } catch {
      // The body limit has already answered for bodies too large (413): this one is unreadable.
      return unreadableForm(c);
    }
    return next();
  };
}

export const unreadableForm = (c: Context) =>
  c.html(<OperationsPage page={pageContext(c)} title="unreadableTitle" text="unreadableText" />, 400);

/** 429 with Retry-After, in the page's language. */
export function tooManyRequests(c: Context, retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  return c.html(
    <OperationsPage
      page={pageContext(c)}
      title="tooManyTitle"
      text="tooManyText"
      params={{ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }}
    />,
    429,
  );
}

/** A public form limited per network: requests whose method and path match count against `limit`. */
export type PublicFormLimit = { name: string; method: string; path: RegExp; limit: Limit };

/**
 * The public forms, limited per network (an IPv4 address, an IPv6 /64) across every app process.
 * Sign-in is limited by its own throttle, which gives back the tries that succeed.
 */
export const publicFormLimits: PublicFormLimit[] = [
  {
    // An office may nominate a whole delegation; a script filling the form with personal data may not.
    name: 'nominate',
    method: 'POST',
    path: /^\/(?:en|fr|es)\/programmes\/editions\/\d+\/nominate$/,
    limit: { max: 20, windowSeconds: 3600 },
  },
  {
    name: 'password-link',
    method: '*',
    path: /^\/(?:en|fr|es)\/account\/password\/[\w-]+$/,
    limit: { max: 20, windowSeconds: 900 },
  },
];

export function limitPublicForms(db: Db, limits: PublicFormLimit[] = publicFormLimits): MiddlewareHandler {
  return async (c, next) => {
    const rule = limits.find(
      (r) => (r.method === '*' || r.method === c.req.method) && r.path.test(c.req.path),
    );
    if (!rule) return next();
    const key = `form:${rule.name}:${addressNetwork(clientAddress(c))}`;
    const outcome = await countRequest(db, key, rule.limit);
    if (!outcome.allowed) return tooManyRequests(c, outcome.retryAfterSeconds);
    return next();
  };
}
