import { Notice, TextArea } from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';
import type { FieldErrors } from '../http/request.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { counted } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { NeedValues } from './forms.ts';
import { type NeedsKey, needsText } from './messages.ts';
import { NeedFields } from './need-fields.tsx';
import type { NeedRevision } from './revisions.ts';
import type { Assessment, Need } from './service.ts';

const word = (lang: Language, key: string) => needsText(lang)(key as NeedsKey);

/** Each revised field, named as the need's page names it (both wished dates as one). */
const fieldWords: Record<string, NeedsKey> = {
  title: 'changedTitle',
  description: 'changedDescription',
  ipAreas: 'ipAreas',
  kindsOfHelp: 'kindsOfHelp',
  institution: 'receivedBy',
  priority: 'priority',
  wishedStart: 'wished',
  wishedEnd: 'wished',
};

/**
 * The need's public record of edits: how many and when last, then each revision (oldest first, as
 * the status history) with its date, the side that made it (never the person), its explanation,
 * the fields it changed and the title and description as they were before it.
 */
export function NeedRevisions(props: { lang: Language; revisions: NeedRevision[]; language: string }) {
  const { lang, revisions } = props;
  const text = needsText(lang);
  const last = revisions.at(-1);
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{text('revisionsTitle')}</h2>
      <p>
        {last
          ? counted(text, lang, 'editedTimes', revisions.length, {
              date: formatDate(lang, last.revisedAt.toISOString()) ?? '',
            })
          : text('neverEdited')}
      </p>
      {revisions.length ? (
        <ol class="history">
          {revisions.map((revision) => {
            const fields = [...new Set(revision.changedFields.map((field) => fieldWords[field]))].filter(
              (key): key is NeedsKey => Boolean(key),
            );
            const before = revision.previous;
            const description = textIn(before.description, lang, props.language);
            return (
              <li id={`revision-${revision.revision}`}>
                <details>
                  <summary>
                    <time datetime={revision.revisedAt.toISOString()}>
                      {formatDate(lang, revision.revisedAt.toISOString())}
                    </time>{' '}
                    {word(lang, `revision-${revision.byRole}`)} — {revision.note}
                  </summary>
                  <p>
                    {text('revisionChanged')} {fields.map((key) => text(key)).join(', ')}
                  </p>
                  {revision.changedFields.includes('title') ? (
                    <p>
                      {text('revisionEarlierTitle')}{' '}
                      <span lang={props.language}>{textIn(before.title, lang, props.language)}</span>
                    </p>
                  ) : null}
                  {revision.changedFields.includes('description') ? (
                    <>
                      <p>{text('revisionEarlierDescription')}</p>
                      <blockquote lang={props.language}>
                        {description || text('revisionNoDescription')}
                      </blockquote>
                    </>
                  ) : null}
                </details>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * The Member's form to change a need's text and facts. For a published need it asks for the
 * explanation its public history shows; for a need of a draft assessment (nothing public yet) it
 * does not, and leads back to the assessment.
 */
export function NeedEditPage(props: {
  page: PageContext;
  labels: ReferenceLabels;
  need: Need;
  assessment: Assessment;
  values: NeedValues & { note: string };
  errors?: FieldErrors;
}) {
  const { page, labels, need, assessment, values, errors = {} } = props;
  const { lang } = page;
  const text = needsText(lang);
  const title = textIn(need.title, lang, assessment.language);
  const draft = assessment.status === 'draft';
  const closed = need.status === 'met' || need.status === 'withdrawn';
  return (
    <Layout page={page} title={`${text('editNeed')} — ${title}`}>
      <p>
        {draft ? (
          <a href={`/${lang}/needs/assessments/${assessment.id}#need-${need.id}`}>{text('backToDraft')}</a>
        ) : (
          <a href={`/${lang}/needs/${need.id}`} lang={assessment.language}>
            {title}
          </a>
        )}
      </p>
      <h1>{text('editNeed')}</h1>
      {closed && !draft ? (
        <Notice message={text('needClosed')} />
      ) : (
        <>
          <p>{draft ? text('editDraftNeedIntro') : text('editNeedIntro')}</p>
          <form method="post" action={`/${lang}/needs/${need.id}/edit`} class="stacked" novalidate>
            <CsrfField page={page} />
            <input type="hidden" name="version" value={String(need.version)} />
            <NeedFields
              page={page}
              labels={labels}
              values={values}
              errors={errors}
              extraLabels={draft ? {} : { note: text('changeNote') }}
            />
            {draft ? null : (
              <TextArea
                name="note"
                label={text('changeNote')}
                hint={text('changeNoteHint')}
                value={values.note}
                rows={3}
                maxLength={1000}
                error={errors.note ? word(lang, errors.note) : undefined}
              />
            )}
            <button type="submit">{text('saveNeedChanges')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
