import { Layout, type PageContext } from './layout.tsx';

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

export function ErrorPage(props: { page: PageContext }) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t('errorTitle')}>
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
    </Layout>
  );
}
