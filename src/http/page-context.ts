import type { Context } from 'hono';
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
  };
}

/** Loads something once, on first use, and shares the promise. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error) => {
      pending = undefined; // let the next request try again
      throw error;
    });
    return pending;
  };
}
