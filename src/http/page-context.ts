import type { Context } from 'hono';
import { csrfTokenFor } from '../accounts/session-middleware.ts';
import { isLanguage, type Language, negotiateLanguage } from '../i18n/languages.ts';
import { translator } from '../i18n/translate.ts';
import type { PageContext } from './layout.tsx';

/** The page's language from its /en|fr|es/ prefix, or from Accept-Language when there is none. */
export function pageContext(c: Context): PageContext {
  const url = new URL(c.req.url);
  const [, first = '', ...rest] = url.pathname.split('/');
  const prefixed = isLanguage(first);
  const lang: Language = prefixed ? first : negotiateLanguage(c.req.header('accept-language'));
  return {
    lang,
    t: translator(lang),
    pathWithoutLanguage: prefixed ? `/${rest.join('/')}` : url.pathname,
    search: url.search,
    account: c.get('signedIn')?.account ?? null,
    unreadNotifications: c.get('signedIn')?.unreadNotifications ?? 0,
    csrfToken: () => csrfTokenFor(c),
  };
}

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

/**
 * Public pages that depend on their address and the registry alone, rendered once per state of
 * the registry for visitors who are not signed in (keyed by language, path and raw query, which
 * the language links carry). Signed-in visitors' pages carry the account: rendered each time. A
 * kept page may hold no CSRF form (the token would set a cookie per visitor): asking for one
 * while rendering it fails loudly.
 */
export function pagesKeptWhileUnchanged<T = string>(
  currentVersion: () => Promise<string>,
  maxEntries: number,
): (page: PageContext, render: (shown: PageContext) => Promise<T>) => Promise<T> {
  const kept = cachedByKeyWhileUnchanged<T>(currentVersion, maxEntries);
  return (page, render) => {
    if (page.account) return render(page);
    const anonymous: PageContext = { ...page, csrfToken: noFormOnKeptPages };
    return kept(`${page.lang} ${page.pathWithoutLanguage}${page.search}`, () => render(anonymous));
  };
}

function noFormOnKeptPages(): string {
  throw new Error('This page is kept for every visitor: it must not carry a CSRF form.');
}
