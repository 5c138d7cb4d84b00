import { inArray } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { requireSignedIn } from '../accounts/guard.ts';
import { accountText } from '../accounts/messages.ts';
import { markNotificationsRead, notificationsOf } from '../accounts/notifications.ts';
import { managesPeople } from '../accounts/policy.ts';
import {
  changeOwnPassword,
  normalizeEmail,
  passwordLinkUser,
  setPasswordWithLink,
} from '../accounts/service.ts';
import { cookieOptions, csrfCookie, sessionCookie } from '../accounts/session-middleware.ts';
import { endAllSessions, endSession, startSession } from '../accounts/sessions.ts';
import { attemptSignIn } from '../accounts/sign-in.ts';
import type { WorkspaceEntries } from '../accounts/workspace-entries.ts';
import { agencies } from '../agencies/schema.ts';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { redirectAfterPost } from '../http/request.ts';
import { counted } from '../i18n/plural.ts';
import { clientAddress } from '../operations/address.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { peopleRoutes } from './people-routes.tsx';
import {
  AccountPage,
  type FieldErrors,
  LinkInvalidPage,
  type PasswordErrors,
  roleLabel,
  SetPasswordPage,
  SignInPage,
  WorkspacePage,
} from './views.tsx';

/** What a feature offers a signed-in person on the workspace page, according to their roles. */

/** Only a path on this site: "/en/…", never "//evil.example" or "https://…". */
export const safeNext = (value: unknown, lang: string) =>
  typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : `/${lang}/workspace`;

const field = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string) : '';

/** The workspace shows the latest notifications; the account page keeps the longer list. */
const workspaceNotificationLimit = 8;

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

export function accountRoutes(
  db: Db,
  labels: () => Promise<ReferenceLabels>,
  workspaceEntries: WorkspaceEntries[] = [],
) {
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/sign-in', (c) => {
    const page = pageContext(c);
    if (page.account) return c.redirect(safeNext(c.req.query('next'), page.lang), 303);
    return c.html(<SignInPage page={page} next={c.req.query('next')} />);
  });

  app.post('/:lang{(?:en|fr|es)}/sign-in', async (c) => {
    const page = pageContext(c);
    const text = accountText(page.lang);
    const form = await c.req.parseBody();
    const email = normalizeEmail(field(form, 'email')).slice(0, 320);
    const password = field(form, 'password').slice(0, maxPasswordLength + 1);
    const next = field(form, 'next');
    const errors: FieldErrors = {};
    if (!email) errors.email = text('emailRequired');
    if (!password) errors.password = text('passwordRequired');
    const again = (status: 400 | 401 | 429) =>
      c.html(<SignInPage page={page} email={email} next={next} errors={errors} />, status);
    if (errors.email || errors.password) return again(400);

    const attempt = await attemptSignIn(db, email, password, clientAddress(c));
    if (attempt.outcome === 'throttled') {
      errors.form = text('throttled', { minutes: attempt.minutes });
      c.header('Retry-After', String(attempt.retryAfterSeconds));
      return again(429);
    }
    if (attempt.outcome === 'refused') {
      errors.form = text('wrongCredentials');
      return again(401);
    }
    // A new session on every sign-in: a token planted before sign-in is worth nothing after.
    const token = await startSession(db, attempt.userId, c.req.header('user-agent'));
    setCookie(c, sessionCookie, token, cookieOptions(c));
    deleteCookie(c, csrfCookie, { path: '/' });
    return c.redirect(safeNext(next, attempt.language), 303);
  });

  app.post('/:lang{(?:en|fr|es)}/sign-out', async (c) => {
    const { lang } = pageContext(c);
    const signedIn = c.get('signedIn');
    if (signedIn) await endSession(db, signedIn.tokenHash);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect(`/${lang}/`, 303);
  });

  app.post('/:lang{(?:en|fr|es)}/account/sign-out-everywhere', async (c) => {
    const { lang } = pageContext(c);
    const { account } = requireSignedIn(c);
    const count = await endAllSessions(db, account.id);
    deleteCookie(c, sessionCookie, { path: '/' });
    c.set('signedIn', null);
    return c.html(
      <SignInPage
        page={pageContext(c)}
        notice={counted(accountText(lang), lang, 'signedOutEverywhere', count)}
      />,
    );
  });

  const showAccount = async (c: Context, errors: PasswordErrors = {}, status: 200 | 400 = 200) => {
    const page = pageContext(c);
    const { account } = requireSignedIn(c);
    const agencyIds = account.roles.flatMap((g) => (g.agencyId ? [g.agencyId] : []));
    const agencyRows = agencyIds.length
      ? await db
          .select({ id: agencies.id, acronym: agencies.acronym, code: agencies.code })
          .from(agencies)
          .where(inArray(agencies.id, agencyIds))
      : [];
    const agencyNames = new Map(agencyRows.map((a) => [a.id, a.acronym ?? a.code]));
    const referenceLabels = await labels();
    const notifications = await notificationsOf(db, account.id, page.lang);
    return c.html(
      <AccountPage
        page={page}
        roles={account.roles.map((grant) => roleLabel(page, referenceLabels, agencyNames, grant))}
        notifications={notifications}
        notice={
          status === 200 && c.req.query('done') === 'passwordChanged'
            ? accountText(page.lang)('done-passwordChanged')
            : undefined
        }
        passwordErrors={errors}
      />,
      status,
    );
  };

  app.get('/:lang{(?:en|fr|es)}/account', (c) => showAccount(c));

  /** Your own password: the current one first; your other sessions end, this one stays. */
  app.post('/:lang{(?:en|fr|es)}/account/password', async (c) => {
    const { lang } = pageContext(c);
    const text = accountText(lang);
    const signedIn = requireSignedIn(c);
    const form = await c.req.parseBody();
    const current = field(form, 'current').slice(0, maxPasswordLength + 1);
    const password = field(form, 'password');
    const errors: PasswordErrors = {};
    if (!current) errors.current = text('passwordRequired');
    if (password.length < minPasswordLength) errors.password = text('passwordTooShort');
    else if (password.length > maxPasswordLength) errors.password = text('passwordTooLong');
    else if (password !== field(form, 'repeat')) errors.repeat = text('passwordsDiffer');
    if (Object.keys(errors).length > 0) return showAccount(c, errors, 400);
    const outcome = await changeOwnPassword(db, signedIn.account.id, {
      current,
      next: password,
      keepSession: signedIn.tokenHash,
    });
    if (outcome === 'wrongPassword') return showAccount(c, { current: text('currentPasswordWrong') }, 400);
    return redirectAfterPost(c, `/${lang}/account`, 'passwordChanged');
  });

  // Reading the page marks nothing: a GET changes no state, so a link from elsewhere cannot either.
  app.post('/:lang{(?:en|fr|es)}/account/notifications/read', async (c) => {
    const { lang } = pageContext(c);
    const { account } = requireSignedIn(c);
    await markNotificationsRead(db, account.id);
    return c.redirect(`/${lang}/account`, 303);
  });

  app.get('/:lang{(?:en|fr|es)}/workspace', async (c) => {
    const page = pageContext(c);
    const { account } = requireSignedIn(c);
    const offers = await Promise.all(workspaceEntries.map((entries) => entries(account, page.lang)));
    const cards = offers.flatMap((offer) => offer.cards);
    // A page a card already links to is not listed again under "Your pages".
    const links = offers
      .flatMap((offer) => offer.links)
      .filter(
        (link) => !cards.some((card) => card.link.href === link.href && card.link.label === link.label),
      );
    if (managesPeople(account))
      links.push({ href: `/${page.lang}/accounts`, label: accountText(page.lang)('peopleTitle') });
    links.push({ href: `/${page.lang}/account`, label: accountText(page.lang)('account') });
    const notifications = await notificationsOf(db, account.id, page.lang, workspaceNotificationLimit);
    return c.html(<WorkspacePage page={page} cards={cards} links={links} notifications={notifications} />);
  });

  // Marking read from the workspace comes back to the workspace; the account page has its own form.
  app.post('/:lang{(?:en|fr|es)}/workspace/notifications/read', async (c) => {
    const { lang } = pageContext(c);
    const { account } = requireSignedIn(c);
    await markNotificationsRead(db, account.id);
    return c.redirect(`/${lang}/workspace#notifications`, 303);
  });

  app.get('/:lang{(?:en|fr|es)}/account/password/:token{[\\w-]{43}}', async (c) => {
    const page = pageContext(c);
    const token = c.req.param('token');
    if (!(await passwordLinkUser(db, token))) return c.html(<LinkInvalidPage page={page} />, 404);
    return c.html(<SetPasswordPage page={page} token={token} />);
  });

  app.post('/:lang{(?:en|fr|es)}/account/password/:token{[\\w-]{43}}', async (c) => {
    const page = pageContext(c);
    const text = accountText(page.lang);
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const password = field(form, 'password');
    const errors: FieldErrors = {};
    if (password.length < minPasswordLength) errors.password = text('passwordTooShort');
    else if (password.length > maxPasswordLength) errors.password = text('passwordTooLong');
    else if (password !== field(form, 'repeat')) errors.repeat = text('passwordsDiffer');
    if (errors.password || errors.repeat)
      return c.html(<SetPasswordPage page={page} token={token} errors={errors} />, 400);
    const userId = await setPasswordWithLink(db, token, password);
    if (!userId) return c.html(<LinkInvalidPage page={page} />, 404);
    return c.html(<SignInPage page={page} notice={text('passwordSet')} />);
  });

  app.route('/', peopleRoutes(db, labels));

  return app;
}
