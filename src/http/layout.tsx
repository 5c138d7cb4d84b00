import type { Child } from 'hono/jsx';
import { accountText } from '../accounts/messages.ts';
import type { Account } from '../accounts/service.ts';
import { formatNumber } from '../i18n/format.ts';
import { type Language, languageNames, languages } from '../i18n/languages.ts';
import { pluralForm } from '../i18n/plural.ts';
import type { Translate } from '../i18n/translate.ts';
import { kitText } from './messages.ts';

/** What every page view needs besides its own data. */
export type PageContext = {
  lang: Language;
  t: Translate;
  /** The current path without its language prefix, and its query string: for the language switcher. */
  pathWithoutLanguage: string;
  search: string;
  /** The signed-in person, or null. */
  account: Account | null;
  /** How many of the signed-in person's notifications are unread (0 when signed out). */
  unreadNotifications: number;
  /** The CSRF token forms must carry; asking for it outside a session sets the double-submit cookie. */
  csrfToken: () => string;
};

/** The hidden field every form that changes something carries. */
export function CsrfField(props: { page: PageContext }) {
  return <input type="hidden" name="_csrf" value={props.page.csrfToken()} />;
}

/** "3 unread notifications", with the plural rule of the page's language. */
export function unreadLabel(lang: Language, count: number): string {
  const form = pluralForm(lang, count) === 'One' ? 'unread-one' : 'unread-other';
  return kitText(lang)(form, { count: formatNumber(lang, count) });
}

/**
 * Sign-in link, or the account menu: the workspace, the person's name and role, their unread
 * notifications and the sign-out button (a POST form: signing out changes state), each its own item.
 */
function AccountMenu(props: { page: PageContext }) {
  const { lang, account, unreadNotifications } = props.page;
  const text = accountText(lang);
  const kit = kitText(lang);
  if (!account) {
    const next = `/${lang}${props.page.pathWithoutLanguage}${props.page.search}`;
    return (
      <a class="account-link" href={`/${lang}/sign-in?next=${encodeURIComponent(next)}`}>
        {text('signIn')}
      </a>
    );
  }
  const role = account.roles[0]?.role;
  const count = new Intl.NumberFormat(lang).format(unreadNotifications);
  // Every language's text starts with the number: what follows it is the words after the badge.
  const unread = unreadLabel(lang, unreadNotifications);
  return (
    <nav class="account-menu" aria-label={kit('accountMenu')}>
      <ul>
        <li>
          <a href={`/${lang}/workspace`}>{text('navWorkspace')}</a>
        </li>
        <li class="account-name">
          <a href={`/${lang}/account`}>{account.displayName}</a>
          {role ? <span class="account-role">{text(`roleName-${role}`)}</span> : null}
        </li>
        <li>
          {/* The link's text is its name: "3 unread notifications", the number shown as a badge. */}
          <a
            class={unreadNotifications > 0 ? 'notifications-link has-unread' : 'notifications-link'}
            href={`/${lang}/workspace#notifications`}
          >
            <span class="count">{count}</span> <span class="words">{unread.slice(count.length).trim()}</span>
          </a>
        </li>
        <li>
          <form method="post" action={`/${lang}/sign-out`} class="inline">
            <CsrfField page={props.page} />
            <button type="submit" class="link">
              {text('signOut')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** The page shell shared by every HTML page: no inline script or style (strict CSP). */
export function Layout(props: { page: PageContext; title: string; children: Child; description?: string }) {
  const { lang, t } = props.page;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ipcoop`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="icon" href="data:," />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="ipcoop"
          href={`/${lang}/reports/feed.atom`}
        />
        {languages
          .filter((other) => other !== lang)
          .map((other) => (
            <link
              rel="alternate"
              hreflang={other}
              href={`/${other}${props.page.pathWithoutLanguage}${props.page.search}`}
            />
          ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site">
          <div class="site-title">
            <a class="brand" href={`/${lang}/`}>
              {t('siteName')}
            </a>{' '}
            <span class="tagline">{t('tagline')}</span>
          </div>
          <AccountMenu page={props.page} />
          <nav aria-label={t('navHome')} class="site-nav">
            <ul>
              <li>
                <a href={`/${lang}/search`}>{t('navSearch')}</a>
              </li>
              <li>
                <a href={`/${lang}/reports`}>{t('navReports')}</a>
              </li>
              <li>
                <a href={`/${lang}/programmes`}>{t('navProgrammes')}</a>
              </li>
              <li>
                <a href={`/${lang}/needs`}>{t('navNeeds')}</a>
              </li>
              <li>
                <a href={`/${lang}/incentives`}>{t('navIncentives')}</a>
              </li>
              <li>
                <a href={`/${lang}/api/v1/docs`}>{t('navApi')}</a>
              </li>
            </ul>
          </nav>
          <nav aria-label={t('languageSwitcher')} class="languages">
            <ul>
              {languages.map((other) => (
                <li>
                  {other === lang ? (
                    <span aria-current="true">{languageNames[other]}</span>
                  ) : (
                    <a
                      href={`/${other}${props.page.pathWithoutLanguage}${props.page.search}`}
                      hreflang={other}
                      lang={other}
                    >
                      {languageNames[other]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          {t('footerOpenData')} <a href={`/${lang}/api/v1/docs`}>{t('navApi')}</a>
        </footer>
      </body>
    </html>
  );
}
