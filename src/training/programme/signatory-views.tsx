import { FormError, Notice, TextField } from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import type { Programme } from '../access.ts';
import { localized } from '../components.tsx';
import type { CertificateSignatory } from './certificate-signatories.ts';
import { type SignatoriesKey, signatoriesText } from './signatory-messages.ts';

export type SignatoryFailure =
  | {
      form: 'add';
      errors: Record<string, string>;
      values: { name: string; title: string; organization: string };
    }
  | { form: 'signature'; signatoryId: number; error: string };

/** A coordinator's page for who signs the programme's certificates, and their signature images. */
export function SignatoriesPage(props: {
  page: PageContext;
  programme: Programme;
  signatories: CertificateSignatory[];
  maxSignatories: number;
  notice?: string | undefined;
  failure?: SignatoryFailure | undefined;
}) {
  const { lang } = props.page;
  const text = signatoriesText(lang);
  const base = `/${lang}/training/programmes/${props.programme.id}/signatories`;
  const failure = props.failure;
  const err = (key: string | undefined) => (key ? text(key as SignatoriesKey) : undefined);
  const title = text('signatoriesTitle', { programme: localized(props.programme.name, lang) });
  const values = failure?.form === 'add' ? failure.values : { name: '', title: '', organization: '' };
  return (
    <Layout page={props.page} title={title}>
      <p>
        <a href={`/${lang}/training`}>{localized(props.programme.name, lang)}</a>
      </p>
      <h1>{title}</h1>
      <p>{text('signatoriesIntro')}</p>
      <Notice message={props.notice} />
      <FormError page={props.page} message={failure?.form === 'add' ? err(failure.errors.form) : undefined} />
      {props.signatories.length === 0 ? (
        <p>{text('noSignatories')}</p>
      ) : (
        <ol class="signatories">
          {props.signatories.map((person) => (
            <li id={`signatory-${person.id}`}>
              <p>
                <strong>{person.name}</strong>, {person.title}, {person.organization}
                <br />
                {text('signatureImage')}
                {props.page.t('colon')}{' '}
                {person.signature ? text('hasSignatureImage') : text('noSignatureImage')}
              </p>
              <form
                method="post"
                action={`${base}/${person.id}/signature`}
                enctype="multipart/form-data"
                class="stacked"
              >
                <CsrfField page={props.page} />
                <label for={`signature-${person.id}`}>
                  {text('uploadSignature')} <span class="visually-hidden">{person.name}</span>
                </label>
                <p class="hint" id={`signature-${person.id}-hint`}>
                  {text('signatureHint')}
                </p>
                <input
                  id={`signature-${person.id}`}
                  name="file"
                  type="file"
                  accept="image/png,image/jpeg"
                  aria-describedby={`signature-${person.id}-hint`}
                />
                {failure?.form === 'signature' && failure.signatoryId === person.id ? (
                  <p class="field-error">{err(failure.error)}</p>
                ) : null}
                <button type="submit">{text('uploadSignature')}</button>
              </form>
              <form method="post" action={`${base}/${person.id}/remove`}>
                <CsrfField page={props.page} />
                <button type="submit" class="secondary">
                  {text('removeSignatory')} <span class="visually-hidden">{person.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
      {props.signatories.length < props.maxSignatories ? (
        <section aria-labelledby="add-signatory">
          <h2 id="add-signatory">{text('addSignatory')}</h2>
          <form method="post" action={base} class="stacked" novalidate>
            <CsrfField page={props.page} />
            <TextField
              name="name"
              label={text('signatoryName')}
              value={values.name}
              error={failure?.form === 'add' ? err(failure.errors.name) : undefined}
              maxLength={200}
              required
            />
            <TextField
              name="title"
              label={text('signatoryTitle')}
              value={values.title}
              error={failure?.form === 'add' ? err(failure.errors.title) : undefined}
              maxLength={200}
              required
            />
            <TextField
              name="organization"
              label={text('signatoryOrganization')}
              value={values.organization}
              error={failure?.form === 'add' ? err(failure.errors.organization) : undefined}
              maxLength={300}
              required
            />
            <button type="submit">{text('addSignatory')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
