import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requireAccount } from '../accounts/guard.ts';
import { type AccountKey, accountText } from '../accounts/messages.ts';
import { mailPasswordLink, passwordLinkUrl } from '../accounts/password-links.ts';
import { isAdmin, managesPeople, mayGrantRole, mayManageAccount } from '../accounts/policy.ts';
import { type Role, roles } from '../accounts/schema.ts';
import {
  type Account,
  AccountError,
  addUser,
  disableUser,
  enableUser,
  findUserId,
  issuePasswordLink,
  type ListedUser,
  listedUser,
  listUsers,
  normalizeEmail,
  resolveGrant,
  withdrawRole,
} from '../accounts/service.ts';
import { cookiesSecure } from '../accounts/session-middleware.ts';
import { agencyChoices } from '../agencies/service.ts';
import { actorOf } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { pageContext } from '../http/page-context.ts';
import { type FormBody, formText, idParam, readForm, redirectAfterPost } from '../http/request.ts';
import { byName } from '../i18n/collate.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import {
  emptyInvite,
  type GrantFormValues,
  type InviteFormValues,
  type PeopleChoices,
  type PeopleErrors,
  PeoplePage,
  PersonPage,
} from './people-views.tsx';
import { roleLabel } from './views.tsx';

const people = '/:lang{(?:en|fr|es)}/accounts';
const person = `${people}/:id{[0-9]+}`;

/** What a POST on the people pages did, shown once after its redirect. */
const doneKeys = ['invited', 'granted', 'withdrawn', 'disabled', 'enabled', 'linkIssued'] as const;

/**
 * A password link made on the people pages is shown once, on the page the POST redirects to: it
 * travels in a short-lived cookie (HttpOnly, SameSite=Strict) that the page reads and deletes, so
 * it is never in an address, a log or the browser history.
 */
const linkCookie = 'ipcoop_password_link';

const grantValues = (form: FormBody): GrantFormValues => ({
  role: formText(form, 'role'),
  party: formText(form, 'party').toUpperCase(),
  agency: formText(form, 'agency').toUpperCase(),
  participant: formText(form, 'participant'),
});

/** The field an AccountError belongs under. */
const errorField: Record<string, keyof InviteFormValues> = {
  invalidEmail: 'email',
  unknownRole: 'role',
  partyRequired: 'party',
  unknownParty: 'party',
  agencyRequired: 'agency',
  unknownAgency: 'agency',
  participantRequired: 'participant',
  unknownParticipant: 'participant',
};

/**
 * The people pages: administrators invite people, give and withdraw roles with their scope,
 * disable and enable accounts and make password links; the Secretariat does the same for reporters
 * and focal points. The services are the command line's (`ipcoop user …`); every change is in the
 * audit trail.
 */
export function peopleRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  const choicesFor = async (account: Account, lang: Language): Promise<PeopleChoices> => {
    const referenceLabels = await labels();
    return {
      roles: roles.filter((role) => mayGrantRole(account, role)),
      parties: [...referenceLabels.parties.values()]
        .map((party) => ({ value: party.code, label: party.names[lang] }))
        .sort((a, b) => byName(lang)(a.label, b.label)),
      agencies: (await agencyChoices(db)).map((agency) => ({
        value: agency.code,
        label: agency.acronym ? `${agency.acronym} (${agency.code})` : agency.code,
      })),
    };
  };

  const roleTextFor = async (lang: Language) => {
    const referenceLabels = await labels();
    const agencyNames = new Map((await agencyChoices(db)).map((a) => [a.id, a.acronym ?? a.code]));
    const page = { lang } as Parameters<typeof roleLabel>[0];
    return (grant: ListedUser['roles'][number]) =>
      grant.role === 'participant' && grant.participantId
        ? accountText(lang)('participantScope', { id: grant.participantId })
        : roleLabel(page, referenceLabels, agencyNames, grant);
  };

  const notice = (c: Context, lang: Language) => {
    const done = c.req.query('done');
    return done && (doneKeys as readonly string[]).includes(done)
      ? accountText(lang)(`done-${done}` as AccountKey)
      : undefined;
  };

  const showPeople = async (
    c: Context,
    values = emptyInvite,
    errors?: PeopleErrors,
    status: 200 | 400 = 200,
  ) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesPeople);
    return c.html(
      <PeoplePage
        page={page}
        people={await listUsers(db)}
        roleText={await roleTextFor(page.lang)}
        manageable={(target) => mayManageAccount(account, target)}
        isAdmin={isAdmin(account)}
        choices={await choicesFor(account, page.lang)}
        values={values}
        errors={errors}
        notice={status === 200 ? notice(c, page.lang) : undefined}
      />,
      status,
    );
  };

  /** The account of the path, if the signed-in person may manage it (404 unknown, 403 not theirs). */
  const target = async (c: Context) => {
    const account = requireAccount(c, managesPeople);
    const found = await listedUser(db, idParam(c));
    if (!found) throw new NotFoundError('account');
    requireAccount(c, (a) => mayManageAccount(a, found));
    return { account, target: found };
  };

  const showPerson = async (
    c: Context,
    values: GrantFormValues = { role: '', party: '', agency: '', participant: '' },
    errors?: PeopleErrors,
    status: 200 | 400 = 200,
  ) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    let link: { url: string; mailed: boolean } | undefined;
    const flashed = getCookie(c, linkCookie);
    if (flashed) {
      deleteCookie(c, linkCookie, { path: '/' });
      const [forId, token, mailed] = flashed.split('.');
      if (Number(forId) === found.id && token)
        link = { url: passwordLinkUrl(token, found.language), mailed: mailed === '1' };
    }
    return c.html(
      <PersonPage
        page={page}
        person={found}
        roleText={await roleTextFor(page.lang)}
        mayWithdraw={(role) => mayGrantRole(account, role)}
        choices={await choicesFor(account, page.lang)}
        values={values}
        errors={errors}
        notice={status === 200 ? notice(c, page.lang) : undefined}
        link={link}
      />,
      status,
    );
  };

  /** Makes a one-time link, mails it when SMTP is configured, and keeps it for the next page. */
  const handOutLink = async (c: Context, account: Account, userId: number) => {
    const found = await listedUser(db, userId);
    if (!found) return;
    const token = await issuePasswordLink(db, actorOf(account), userId);
    const mailed = await mailPasswordLink(found.email, token, found.language);
    setCookie(c, linkCookie, `${userId}.${token}.${mailed ? 1 : 0}`, {
      path: '/',
      httpOnly: true,
      secure: cookiesSecure(c),
      sameSite: 'Strict',
      maxAge: 300,
    });
  };

  /** The grant the form asks for, or the field errors; refuses roles the person may not give. */
  const readGrant = async (account: Account, values: GrantFormValues) => {
    if (!(roles as readonly string[]).includes(values.role))
      return { errors: { role: 'unknownRole' } as PeopleErrors };
    if (!mayGrantRole(account, values.role as Role))
      return { errors: { role: 'roleNotYours' } as PeopleErrors };
    const participantId = values.participant ? Number(values.participant) : undefined;
    if (values.participant && !/^\d{1,9}$/.test(values.participant))
      return { errors: { participant: 'unknownParticipant' } as PeopleErrors };
    try {
      return {
        grant: await resolveGrant(db, values.role, {
          party: values.party,
          agency: values.agency,
          participantId,
        }),
      };
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return { errors: { [errorField[error.code] ?? 'form']: error.code } as PeopleErrors };
    }
  };

  /** Error codes → the reader's language. */
  const translated = (lang: Language, errors: PeopleErrors): PeopleErrors =>
    Object.fromEntries(
      Object.entries(errors).map(([field, code]) => [field, accountText(lang)(code as AccountKey)]),
    );

  app.get(people, (c) => showPeople(c));

  app.post(people, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, managesPeople);
    const form = await readForm(c);
    const language = formText(form, 'language');
    const values: InviteFormValues = {
      ...grantValues(form),
      email: formText(form, 'email').slice(0, 320),
      displayName: formText(form, 'displayName').slice(0, 200),
      language: isLanguage(language) ? language : 'en',
    };
    const errors: PeopleErrors = {};
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(values.email)) errors.email = 'invalidEmail';
    const existingId = errors.email ? null : await findUserId(db, values.email);
    const existing = existingId ? await listedUser(db, existingId) : null;
    if (existing && !mayManageAccount(account, existing)) errors.email = 'roleNotYours';
    const read = await readGrant(account, values);
    Object.assign(errors, read.errors);
    if (!read.grant || Object.keys(errors).length > 0)
      return showPeople(c, values, translated(page.lang, errors), 400);
    const { id, created } = await addUser(db, actorOf(account), {
      email: normalizeEmail(values.email),
      displayName: values.displayName || undefined,
      grant: read.grant,
      language: values.language as Language,
    });
    if (created) await handOutLink(c, account, id);
    return redirectAfterPost(c, `/${page.lang}/accounts/${id}`, created ? 'invited' : 'granted');
  });

  app.get(person, (c) => showPerson(c));

  app.post(`${person}/roles`, async (c) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    const values = grantValues(await readForm(c));
    const read = await readGrant(account, values);
    if (!read.grant) return showPerson(c, values, translated(page.lang, read.errors ?? {}), 400);
    await addUser(db, actorOf(account), { email: found.email, grant: read.grant });
    return redirectAfterPost(c, `/${page.lang}/accounts/${found.id}`, 'granted');
  });

  app.post(`${person}/roles/:grant{[0-9]+}/withdraw`, async (c) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    const grant = found.roles.find((g) => g.id === idParam(c, 'grant'));
    if (!grant) throw new NotFoundError('role');
    requireAccount(c, (a) => mayGrantRole(a, grant.role));
    await withdrawRole(db, actorOf(account), found.id, grant.id);
    return redirectAfterPost(c, `/${page.lang}/accounts/${found.id}`, 'withdrawn');
  });

  app.post(`${person}/disable`, async (c) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    await disableUser(db, actorOf(account), found.id);
    return redirectAfterPost(c, `/${page.lang}/accounts/${found.id}`, 'disabled');
  });

  app.post(`${person}/enable`, async (c) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    await enableUser(db, actorOf(account), found.id);
    return redirectAfterPost(c, `/${page.lang}/accounts/${found.id}`, 'enabled');
  });

  app.post(`${person}/password-link`, async (c) => {
    const page = pageContext(c);
    const { account, target: found } = await target(c);
    await handOutLink(c, account, found.id);
    return redirectAfterPost(c, `/${page.lang}/accounts/${found.id}`, 'linkIssued');
  });

  return app;
}
