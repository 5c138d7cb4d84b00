import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { PageContext } from './layout.tsx';

/** Shares one result for a while: for figures over the whole registry that need not be live. */
export function cachedFor<T>(maxAgeMs: number, load: () => Promise<T>): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > maxAgeMs) {
      const value = load();
      cached = { at: Date.now(), value };
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
}

/**
 * Shares one result while `currentVersion()` (a cheap query) answers the same: for figures over
 * the whole registry that must follow a change on the next request, in this process or any other
 * on the same database. The version is read before the result, so a result is never older than
 * the version it is kept under.
 */
export function cachedWhileUnchanged<T>(
  currentVersion: () => Promise<string>,
  load: () => Promise<T>,
): () => Promise<T> {
  let cached: { version: string; value: Promise<T> } | undefined;
  return async () => {
    const version = await currentVersion();
    if (!cached || cached.version !== version) {
      const value = load();
      const entry = { version, value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.value;
  };
}

/**
 * Like cachedWhileUnchanged, for results that differ by key (a document in a language, say): up
 * to `maxEntries` kept, the least recently used dropped first, all of them forgotten when the
 * version moves.
 */
export function cachedByKeyWhileUnchanged<T>(
  currentVersion: () => Promise<string>,
  maxEntries: number,
): (key: string, load: () => Promise<T>) => Promise<T> {
  let version: string | undefined;
  const entries = new Map<string, Promise<T>>();
  return async (key, load) => {
    const now = await currentVersion();
    if (now !== version) {
      entries.clear();
      version = now;
    }
    let value = entries.get(key);
    if (value) entries.delete(key);
    else {
      value = load();
      const kept = value;
      value.catch(() => {
        if (entries.get(key) === kept) entries.delete(key);
      });
    }
    entries.set(key, value);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

/** A page as a route answers it: its status and its HTML; with its ETag when it was kept. */
export type RenderedPage = { status: 200 | 404; html: string; etag?: string };

/**
 * Public pages that depend on their address and the registry alone, rendered once per state of
 * the registry for visitors who are not signed in (keyed by language, path and raw query, which
 * the language links carry), with their ETag reckoned once. Signed-in visitors' pages carry the
 * account: rendered each time. A kept page may hold no CSRF form (the token would set a cookie
 * per visitor): asking for one while rendering it fails loudly. Send the answer with `sendPage`.
 */
export function pagesKeptWhileUnchanged(
  currentVersion: () => Promise<string>,
  maxEntries: number,
): (page: PageContext, render: (shown: PageContext) => Promise<RenderedPage>) => Promise<RenderedPage> {
  const kept = cachedByKeyWhileUnchanged<RenderedPage>(currentVersion, maxEntries);
  return (page, render) => {
    if (page.account) return render(page);
    const anonymous: PageContext = { ...page, csrfToken: noFormOnKeptPages };
    return kept(`${page.lang} ${page.pathWithoutLanguage}${page.search}`, async () => {
      const rendered = await render(anonymous);
      return rendered.status === 200 ? { ...rendered, etag: weakETag(rendered.html) } : rendered;
    });
  };
}

/** Sends a page; a kept one with the ETag it was kept with (the ETag layer then skips hashing it). */
export function sendPage(c: Context, page: RenderedPage) {
  if (page.etag) c.header('ETag', page.etag);
  return c.html(page.html, page.status);
}

/** A JSON answer written once: its text and its ETag, kept whole by a cache and sent by `sendJson`. */
export type JsonText = { json: string; etag: string };

export function jsonText(value: unknown): JsonText {
  const json = JSON.stringify(value);
  return { json, etag: weakETag(json) };
}

export function sendJson(c: Context, answer: JsonText) {
  return c.body(answer.json, 200, { 'Content-Type': 'application/json', ETag: answer.etag });
}

/**
 * The ETag the app's ETag layer gives a body (weak SHA-1 of its UTF-8 bytes, hex, as Hono's etag
 * middleware writes it for bodies under 256 KB). Reckoned once for a kept answer, it spares that
 * layer a copy of the response's stream for every request (and the garbage that goes with it).
 */
export function weakETag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

function noFormOnKeptPages(): string {
  throw new Error('This page is kept for every visitor: it must not carry a CSRF form.');
}
