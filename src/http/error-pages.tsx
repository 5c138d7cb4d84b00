import { accountText } from '../accounts/messages.ts';
import { Layout, type PageContext } from './layout.tsx';
import { operationsText } from './messages.ts';

export function NotFoundPage(props: { page: PageContext }) {
  const { t, lang } = props.page;
  return (
    <Layout page={props.page} title={t('notFoundTitle')}>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <a href={`/${lang}/`}>{t('navHome')}</a> · <a href={`/${lang}/search`}>{t('navSearch')}</a>
      </p>
    </Layout>
  );
}

/** Explains, field by field, why a request's parameters cannot be used. */
export function BadRequestPage(props: {
  page: PageContext;
  errors: Array<{ field: string; message: string }>;
}) {
  const { t, lang } = props.page;
  return (
    <Layout page={props.page} title={t('badRequestTitle')}>
      <h1>{t('badRequestTitle')}</h1>
      <p>{t('badRequestText')}</p>
      <ul>
        {props.errors.map((error) => (
          <li>
            <strong>{error.field}</strong>
            {t('colon')} {error.message}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${lang}/search`}>{t('backToSearch')}</a>
      </p>
    </Layout>
  );
}

/** 500; `reference` is the request id, which the administrator finds on the log's lines. */
export function ErrorPage(props: { page: PageContext; reference?: string }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('errorTitle')}>
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      {props.reference ? (
        <p class="hint">{operationsText(props.page.lang)('errorReference', { id: props.reference })}</p>
      ) : null}
    </Layout>
  );
}

/** 403: signed in, but this account may not do this. */
export function ForbiddenPage(props: { page: PageContext }) {
  const text = accountText(props.page.lang);
  return (
    <Layout page={props.page} title={text('forbiddenTitle')}>
      <h1>{text('forbiddenTitle')}</h1>
      <p>{text('forbiddenText')}</p>
      <p>
        <a href={`/${props.page.lang}/workspace`}>{text('navWorkspace')}</a>
      </p>
    </Layout>
  );
}

/** A form without a valid CSRF token or from another site. */
export function FormExpiredPage(props: { page: PageContext }) {
  const text = accountText(props.page.lang);
  return (
    <Layout page={props.page} title={text('csrfTitle')}>
      <h1>{text('csrfTitle')}</h1>
      <p>{text('csrfText')}</p>
    </Layout>
  );
}

export function TooLargePage(props: { page: PageContext; limit: string }) {
  const text = accountText(props.page.lang);
  return (
    <Layout page={props.page} title={text('tooLargeTitle')}>
      <h1>{text('tooLargeTitle')}</h1>
      <p>{text('tooLargeText', { limit: props.limit })}</p>
    </Layout>
  );
}
