import { DateField, ErrorSummary, Notice, SelectField, TextField } from '../http/form-fields.tsx';
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

/**
 * The form that records a needs assessment (its Member, source, document and contact), and the same
 * form correcting a draft one (`editing`: its Member stays, shown, not chosen again).
 */
export function AssessmentFormPage(props: {
  page: PageContext;
  parties: Option[];
  languageName: (code: string) => string;
  values: AssessmentValues;
  errors?: FieldErrors;
  editing?: { id: number; version: number; partyName: string; published: boolean } | undefined;
}) {
  const { page, values, errors = {}, editing } = props;
  const { lang } = page;
  const text = say(lang);
  const error = (name: string) => (errors[name] ? label(lang, errors[name]) : undefined);
  const heading = editing ? text('editAssessment') : text('newAssessment');
  return (
    <Layout page={page} title={heading}>
      <p>
        {editing ? (
          <a href={`/${lang}/needs/assessments/${editing.id}`}>{text('backToDraft')}</a>
        ) : (
          <a href={`/${lang}/needs/assessments`}>{text('myAssessments')}</a>
        )}
      </p>
      <h1>{heading}</h1>
      {editing?.published ? (
        <Notice message={text('assessmentPublished')} />
      ) : (
        <>
          {editing ? <p>{text('editAssessmentIntro')}</p> : null}
          <form
            method="post"
            action={
              editing ? `/${lang}/needs/assessments/${editing.id}/edit` : `/${lang}/needs/assessments/new`
            }
            class="stacked"
            novalidate
          >
            <CsrfField page={page} />
            {editing ? <input type="hidden" name="version" value={String(editing.version)} /> : null}
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
            {editing ? (
              <p>
                {text('member')}
                {page.t('colon')} <strong>{editing.partyName}</strong>
              </p>
            ) : (
              <SelectField
                name="party"
                label={text('member')}
                options={props.parties}
                value={values.party}
                error={error('party')}
              />
            )}
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
            <button type="submit">{editing ? text('saveNeedChanges') : text('createAssessment')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
