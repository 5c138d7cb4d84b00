import { type AccountKey, accountText } from '../accounts/messages.ts';
import type { Role } from '../accounts/schema.ts';
import type { ListedUser } from '../accounts/service.ts';
import { FormError, Notice, SelectField, TextField } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import { languageNames, languages } from '../i18n/languages.ts';

/** The people pages: administrators (and the Secretariat for its roles) manage accounts and roles. */

export type GrantFormValues = { role: string; party: string; agency: string; participant: string };
export type InviteFormValues = GrantFormValues & { email: string; displayName: string; language: string };
export type PeopleErrors = Partial<Record<keyof InviteFormValues | 'form', string>>;
type Option = { value: string; label: string };

export type PeopleChoices = {
  /** Roles the signed-in person may give. */
  roles: Role[];
  parties: Option[];
  agencies: Option[];
};

export const emptyInvite: InviteFormValues = {
  email: '',
  displayName: '',
  language: 'en',
  role: '',
  party: '',
  agency: '',
  participant: '',
};

const stateKey = (person: ListedUser): AccountKey =>
  person.disabled ? 'stateDisabled' : person.hasPassword ? 'stateActive' : 'stateNoPassword';

/** Role, and the party, agency or participant record it is scoped to. */
function ScopeFields(props: {
  page: PageContext;
  idPrefix: string;
  values: GrantFormValues;
  errors: PeopleErrors;
  choices: PeopleChoices;
}) {
  const text = accountText(props.page.lang);
  const { values, errors, idPrefix } = props;
  return (
    <>
      <SelectField
        id={`${idPrefix}role`}
        name="role"
        label={text('fieldRole')}
        value={values.role}
        error={errors.role}
        emptyLabel=""
        required
        options={props.choices.roles.map((role) => ({
          value: role,
          label: text(`roleName-${role}` as AccountKey),
        }))}
      />
      <SelectField
        id={`${idPrefix}party`}
        name="party"
        label={text('fieldScopeParty')}
        value={values.party}
        error={errors.party}
        emptyLabel=""
        options={props.choices.parties}
      />
      {props.choices.roles.some((role) => role === 'coordinator' || role === 'advisor') ? (
        <SelectField
          id={`${idPrefix}agency`}
          name="agency"
          label={text('fieldScopeAgency')}
          value={values.agency}
          error={errors.agency}
          emptyLabel=""
          options={props.choices.agencies}
        />
      ) : null}
      {props.choices.roles.includes('participant') ? (
        <TextField
          id={`${idPrefix}participant`}
          name="participant"
          type="number"
          label={text('fieldScopeParticipant')}
          value={values.participant}
          error={errors.participant}
        />
      ) : null}
    </>
  );
}

export function PeoplePage(props: {
  page: PageContext;
  people: ListedUser[];
  roleText: (grant: ListedUser['roles'][number]) => string;
  manageable: (person: ListedUser) => boolean;
  isAdmin: boolean;
  choices: PeopleChoices;
  values: InviteFormValues;
  errors?: PeopleErrors;
  notice?: string | undefined;
}) {
  const { lang } = props.page;
  const text = accountText(lang);
  const errors = props.errors ?? {};
  return (
    <Layout page={props.page} title={text('peopleTitle')}>
      <h1>{text('peopleTitle')}</h1>
      <p>{text('peopleIntro')}</p>
      {props.isAdmin ? null : <p>{text('peopleIntroSecretariat')}</p>}
      <Notice message={props.notice} />
      <table class="people">
        <thead>
          <tr>
            <th scope="col">{text('colAccount')}</th>
            <th scope="col">{text('colRoles')}</th>
            <th scope="col">{text('colState')}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((person) => (
            <tr id={`account-${person.id}`}>
              <td>
                {props.manageable(person) ? (
                  <a href={`/${lang}/accounts/${person.id}`}>{person.displayName}</a>
                ) : (
                  person.displayName
                )}
                <br />
                <span class="muted">{person.email}</span>
              </td>
              <td>{person.roles.length ? person.roles.map(props.roleText).join('; ') : text('noRoles')}</td>
              <td>{text(stateKey(person))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{text('inviteHeading')}</h2>
        <p class="hint">{text('inviteHint')}</p>
        <form method="post" action={`/${lang}/accounts`} class="stacked" novalidate>
          <CsrfField page={props.page} />
          <FormError page={props.page} message={errors.form} />
          <TextField
            name="email"
            type="email"
            label={text('email')}
            value={props.values.email}
            error={errors.email}
            required
            autocomplete="off"
          />
          <TextField
            name="displayName"
            label={text('fieldPersonName')}
            value={props.values.displayName}
            error={errors.displayName}
            maxLength={200}
          />
          <SelectField
            name="language"
            label={text('fieldMailLanguage')}
            value={props.values.language}
            options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
          />
          <ScopeFields
            page={props.page}
            idPrefix=""
            values={props.values}
            errors={errors}
            choices={props.choices}
          />
          <button type="submit">{text('invite')}</button>
        </form>
      </section>
    </Layout>
  );
}

export function PersonPage(props: {
  page: PageContext;
  person: ListedUser;
  roleText: (grant: ListedUser['roles'][number]) => string;
  /** Grants this page's reader may withdraw. */
  mayWithdraw: (role: Role) => boolean;
  choices: PeopleChoices;
  values: GrantFormValues;
  errors?: PeopleErrors;
  notice?: string | undefined;
  /** A password link made just now, shown once. */
  link?: { url: string; mailed: boolean } | undefined;
}) {
  const { lang } = props.page;
  const text = accountText(lang);
  const { person } = props;
  const base = `/${lang}/accounts/${person.id}`;
  const errors = props.errors ?? {};
  return (
    <Layout page={props.page} title={person.displayName}>
      <p>
        <a href={`/${lang}/accounts`}>{text('peopleTitle')}</a>
      </p>
      <h1>{person.displayName}</h1>
      <Notice message={props.notice} />
      {props.link ? (
        <div class="notice" role="status">
          <p>{text('linkOnce')}</p>
          <p>
            <code class="link-once">{props.link.url}</code>
          </p>
          {props.link.mailed ? <p>{text('linkMailed', { email: person.email })}</p> : null}
        </div>
      ) : null}
      <dl class="fields">
        <dt>{text('email')}</dt>
        <dd>{person.email}</dd>
        <dt>{text('colState')}</dt>
        <dd>{text(stateKey(person))}</dd>
        <dt>{text('fieldMailLanguage')}</dt>
        <dd>{languageNames[person.language]}</dd>
      </dl>
      {person.disabled ? <p>{text('accountDisabled')}</p> : null}
      <h2>{text('colRoles')}</h2>
      {person.roles.length === 0 ? (
        <p>{text('noRoles')}</p>
      ) : (
        <ul class="grants">
          {person.roles.map((grant) => (
            <li>
              {props.roleText(grant)}{' '}
              {props.mayWithdraw(grant.role) ? (
                <form method="post" action={`${base}/roles/${grant.id}/withdraw`} class="inline">
                  <CsrfField page={props.page} />
                  <button type="submit" class="secondary">
                    {text('withdraw')} <span class="visually-hidden">{props.roleText(grant)}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="grant-heading">
        <h2 id="grant-heading">{text('grantHeading')}</h2>
        <form method="post" action={`${base}/roles`} class="stacked" novalidate>
          <CsrfField page={props.page} />
          <FormError page={props.page} message={errors.form} />
          <ScopeFields
            page={props.page}
            idPrefix=""
            values={props.values}
            errors={errors}
            choices={props.choices}
          />
          <button type="submit">{text('grant')}</button>
        </form>
      </section>
      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{text('password')}</h2>
        {person.disabled ? (
          <form method="post" action={`${base}/enable`}>
            <CsrfField page={props.page} />
            <button type="submit">{text('enableAccount')}</button>
          </form>
        ) : (
          <>
            <form method="post" action={`${base}/password-link`}>
              <CsrfField page={props.page} />
              <button type="submit">{text('makePasswordLink')}</button>
            </form>
            <form method="post" action={`${base}/disable`}>
              <CsrfField page={props.page} />
              <button type="submit" class="secondary">
                {text('disableAccount')}
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}
