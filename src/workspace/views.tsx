import { accountText } from '../accounts/messages.ts';
import type { RoleGrant } from '../accounts/service.ts';
import type { WorkspaceCard, WorkspaceLink } from '../accounts/workspace-entries.ts';
import { ErrorSummary, FieldError, TextField } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext, unreadLabel } from '../http/layout.tsx';
import { formatDateTime } from '../i18n/format.ts';
import type { ReferenceLabels } from '../reference/labels.ts';

export type FieldErrors = Partial<Record<'email' | 'password' | 'repeat' | 'form', string>>;
export type PasswordErrors = Partial<Record<'current' | 'password' | 'repeat', string>>;

export function SignInPage(props: {
  page: PageContext;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { lang } = props.page;
  const text = accountText(lang);
  const errors = props.errors ?? {};
  return (
    <Layout page={props.page} title={text('signIn')}>
      <h1>{text('signIn')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary
        page={props.page}
        errors={errors}
        labels={{ email: text('email'), password: text('password') }}
      />
      <form method="post" action={`/${lang}/sign-in`} class="stacked" novalidate>
        <CsrfField page={props.page} />
        <input type="hidden" name="next" value={props.next ?? ''} />
        <label for="email">{text('email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={props.email ?? ''}
          aria-invalid={errors.email ? 'true' : undefined}
          aria-describedby={errors.email ? 'email-error' : undefined}
        />
        <FieldError id="email-error" message={errors.email} />
        <label for="password">{text('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-invalid={errors.password ? 'true' : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
        />
        <FieldError id="password-error" message={errors.password} />
        <button type="submit">{text('signIn')}</button>
      </form>
    </Layout>
  );
}

export function SetPasswordPage(props: { page: PageContext; token: string; errors?: FieldErrors }) {
  const { lang } = props.page;
  const text = accountText(lang);
  const errors = props.errors ?? {};
  return (
    <Layout page={props.page} title={text('setPasswordTitle')}>
      <h1>{text('setPasswordTitle')}</h1>
      <form method="post" action={`/${lang}/account/password/${props.token}`} class="stacked" novalidate>
        <CsrfField page={props.page} />
        <ErrorSummary
          page={props.page}
          errors={errors}
          labels={{ password: text('newPassword'), repeat: text('repeatPassword') }}
        />
        <label for="password">{text('newPassword')}</label>
        <p class="hint" id="password-hint">
          {text('newPasswordHint')}
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          aria-invalid={errors.password ? 'true' : undefined}
          aria-describedby={errors.password ? 'password-hint password-error' : 'password-hint'}
        />
        <FieldError id="password-error" message={errors.password} />
        <label for="repeat">{text('repeatPassword')}</label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autocomplete="new-password"
          required
          aria-invalid={errors.repeat ? 'true' : undefined}
          aria-describedby={errors.repeat ? 'repeat-error' : undefined}
        />
        <FieldError id="repeat-error" message={errors.repeat} />
        <button type="submit">{text('setPassword')}</button>
      </form>
    </Layout>
  );
}

export function LinkInvalidPage(props: { page: PageContext }) {
  const text = accountText(props.page.lang);
  return (
    <Layout page={props.page} title={text('setPasswordTitle')}>
      <h1>{text('setPasswordTitle')}</h1>
      <p>{text('linkInvalid')}</p>
    </Layout>
  );
}

export function roleLabel(
  page: PageContext,
  labels: ReferenceLabels,
  agencyNames: Map<number, string>,
  grant: RoleGrant,
) {
  const text = accountText(page.lang);
  const party = grant.partyCode ? labels.partyName(grant.partyCode, page.lang) : '';
  const agency = grant.agencyId ? (agencyNames.get(grant.agencyId) ?? String(grant.agencyId)) : '';
  switch (grant.role) {
    case 'admin':
      return text('roleAdmin');
    case 'secretariat':
      return text('roleSecretariat');
    case 'reporter':
      return text('roleReporter', { scope: party });
    case 'focal-point':
      return text('roleFocalPoint', { scope: party });
    case 'coordinator':
      return text('roleCoordinator', { scope: agency });
    case 'advisor':
      return text('roleAdvisor', { scope: agency });
    case 'participant':
      return text('roleParticipant');
  }
}

export function AccountPage(props: {
  page: PageContext;
  roles: string[];
  notifications: Array<{ text: string; link: string | null; createdAt: Date; read: boolean }>;
  notice?: string | undefined;
  passwordErrors?: PasswordErrors;
}) {
  const { lang, account } = props.page;
  const errors = props.passwordErrors ?? {};
  const text = accountText(lang);
  return (
    <Layout page={props.page} title={text('account')}>
      <h1>{text('account')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>{text('signedInAs', { name: `${account?.displayName} <${account?.email}>` })}</p>
      <h2>{text('yourRoles')}</h2>
      <ul>
        {props.roles.map((role) => (
          <li>{role}</li>
        ))}
      </ul>
      <h2>{text('notifications')}</h2>
      {props.notifications.length === 0 ? (
        <p>{text('noNotifications')}</p>
      ) : (
        <NotificationList page={props.page} notifications={props.notifications} />
      )}
      {props.notifications.some((n) => !n.read) ? (
        <form method="post" action={`/${lang}/account/notifications/read`}>
          <CsrfField page={props.page} />
          <button type="submit" class="secondary">
            {text('markRead')}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{text('changePasswordHeading')}</h2>
        <form method="post" action={`/${lang}/account/password`} class="stacked" novalidate>
          <CsrfField page={props.page} />
          <ErrorSummary
            page={props.page}
            errors={errors}
            labels={{
              current: text('currentPassword'),
              password: text('newPassword'),
              repeat: text('repeatPassword'),
            }}
          />
          <TextField
            name="current"
            type="password"
            label={text('currentPassword')}
            error={errors.current}
            autocomplete="current-password"
            required
          />
          <TextField
            name="password"
            type="password"
            label={text('newPassword')}
            hint={text('newPasswordHint')}
            error={errors.password}
            autocomplete="new-password"
            required
          />
          <TextField
            name="repeat"
            type="password"
            label={text('repeatPassword')}
            error={errors.repeat}
            autocomplete="new-password"
            required
          />
          <button type="submit">{text('changePassword')}</button>
        </form>
      </section>
      <form method="post" action={`/${lang}/account/sign-out-everywhere`}>
        <CsrfField page={props.page} />
        <button type="submit">{text('signOutEverywhere')}</button>
      </form>
    </Layout>
  );
}

type NotificationRow = { text: string; link: string | null; createdAt: Date; read: boolean };

/** A notification list: unread ones in bold, each with its date in the page's language. */
function NotificationList(props: { page: PageContext; notifications: NotificationRow[] }) {
  const { lang } = props.page;
  return (
    <ul class="notifications">
      {props.notifications.map((n) => (
        <li class={n.read ? undefined : 'unread'}>
          <time datetime={n.createdAt.toISOString()} class="muted nowrap">
            {formatDateTime(lang, n.createdAt)}
          </time>{' '}
          {n.link ? <a href={`/${lang}${n.link}`}>{n.text}</a> : n.text}
        </li>
      ))}
    </ul>
  );
}

/** What needs the person's attention, by role, with counts; their notifications; then their pages. */
export function WorkspacePage(props: {
  page: PageContext;
  cards: WorkspaceCard[];
  links: WorkspaceLink[];
  notifications: NotificationRow[];
}) {
  const { lang, account } = props.page;
  const text = accountText(lang);
  const unread = props.notifications.some((n) => !n.read);
  return (
    <Layout page={props.page} title={text('navWorkspace')}>
      <h1>{text('navWorkspace')}</h1>
      <p class="muted">{text('signedInAs', { name: account?.displayName ?? '' })}</p>
      {props.cards.length > 0 ? (
        <ul class="attention">
          {props.cards.map((card) => (
            <li class={card.needsAction ? 'needs-action' : card.count === 0 ? 'nothing' : undefined}>
              <h2>{card.title}</h2>
              <p class="figure">{card.countText}</p>
              {card.items.length > 0 ? (
                <ul>
                  {card.items.map((item) => (
                    <li>
                      <a href={item.href}>{item.label}</a>
                      {item.detail ? <span class="muted"> — {item.detail}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p>
                <a href={card.link.href}>{card.link.label}</a>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="notifications">
        <h2 id="notifications">
          {text('notifications')}{' '}
          <span class="muted">({unreadLabel(lang, props.page.unreadNotifications)})</span>
        </h2>
        {props.notifications.length === 0 ? (
          <p>{text('noNotifications')}</p>
        ) : (
          <NotificationList page={props.page} notifications={props.notifications} />
        )}
        <div class="actions">
          {unread ? (
            <form method="post" action={`/${lang}/workspace/notifications/read`} class="inline">
              <CsrfField page={props.page} />
              <button type="submit" class="secondary">
                {text('markRead')}
              </button>
            </form>
          ) : null}
          <a href={`/${lang}/account`}>{text('allNotifications')}</a>
        </div>
      </section>
      <section aria-labelledby="workspace-links">
        <h2 id="workspace-links">{text('workspacePages')}</h2>
        <ul class="workspace-links">
          {props.links.map((link) => (
            <li>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
