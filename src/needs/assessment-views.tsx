import { DateField, ErrorSummary, SelectField, TextField } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import type { Language } from '../i18n/languages.ts';
import type { AssessmentValues } from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import { assessmentSources } from './taxonomy.ts';

type Option = { value: string; label: string };
const say = (lang: Language) => needsText(lang);
const label = (lang: Language, key: string) => say(lang)(key as NeedsKey);
const inWords = (lang: Language, errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, label(lang, key)]));

/** The form that records a needs assessment (its Member, source, document and contact). */
export function AssessmentFormPage(props: {
  page: PageContext;
  parties: Option[];
  languageName: (code: string) => string;
  values: AssessmentValues;
  errors?: FieldErrors;
}) {
  const { page, values, errors = {} } = props;
  const { lang } = page;
  const text = say(lang);
  const error = (name: string) => (errors[name] ? label(lang, errors[name]) : undefined);
  return (
    <Layout page={page} title={text('newAssessment')}>
      <p>
        <a href={`/${lang}/needs/assessments`}>{text('myAssessments')}</a>
      </p>
      <h1>{text('newAssessment')}</h1>
      <form method="post" action={`/${lang}/needs/assessments/new`} class="stacked" novalidate>
        <CsrfField page={page} />
        <ErrorSummary
          page={page}
          errors={inWords(lang, errors)}
          labels={{
            party: text('member'),
            source: text('source'),
            symbol: text('symbol'),
            documentDate: text('documentDate'),
            language: text('language'),
            contactName: text('contactName'),
            contactEmail: text('contactEmail'),
          }}
        />
        <SelectField
          name="party"
          label={text('member')}
          options={props.parties}
          value={values.party}
          error={error('party')}
        />
        <SelectField
          name="source"
          label={text('source')}
          options={assessmentSources.map((source) => ({
            value: source,
            label: label(lang, `source-${source}`),
          }))}
          value={values.source}
          error={error('source')}
        />
        <TextField
          name="symbol"
          label={text('symbol')}
          value={values.symbol}
          maxLength={60}
          error={error('symbol')}
        />
        <DateField
          name="documentDate"
          label={text('documentDate')}
          lang={lang}
          precision="any"
          value={values.documentDate}
          error={error('documentDate')}
        />
        <SelectField
          name="language"
          label={text('language')}
          options={(['en', 'fr', 'es'] as const).map((code) => ({
            value: code,
            label: props.languageName(code),
          }))}
          value={values.language || lang}
          error={error('language')}
        />
        <TextField
          name="contactName"
          label={text('contactName')}
          value={values.contactName}
          error={error('contactName')}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={text('contactEmail')}
          hint={text('contactPrivate')}
          value={values.contactEmail}
          error={error('contactEmail')}
        />
        <button type="submit">{text('createAssessment')}</button>
      </form>
    </Layout>
  );
}
