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
