import {
  ConfirmAction,
  ErrorSummary,
  FieldError,
  invalidProps,
  Notice,
  SpreadsheetUploadForm,
} from '../../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../../http/layout.tsx';
import { formatDate, formatPeriod } from '../../i18n/format.ts';
import { pickText } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { BeneficiaryList } from '../../reports/components.tsx';
import type { ReportKind } from '../../reports/incentives/taxonomy.ts';
import { formatReportingPeriod, storedPeriod } from '../../reports/period.ts';
import { reportGroupings } from '../../reports/schema.ts';
import { ResultList } from '../../results/components.tsx';
import { resultsText } from '../../results/messages.ts';
import { activityNeedsText } from '../activity-needs/messages.ts';
import { CommentsAside, draftPath, groupingKeys, reportTitle, statusLabel } from '../components.tsx';
import { IncentivesSection } from '../incentive-form/components.tsx';
import { incentiveText } from '../incentive-form/messages.ts';
import type { Grouping } from '../report.ts';
import { spreadsheetLimits } from '../spreadsheet/read.ts';
import { draftText } from './messages.ts';
import { narrativeToText } from './narrative.ts';
import type { Draft, DraftComment, DraftRow } from './service.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

const uploadLimitMb = String(spreadsheetLimits.maxUploadBytes / (1024 * 1024));

function originText(page: PageContext, draft: Draft, row: DraftRow): string {
  const text = draftText(page.lang);
  switch (row.origin) {
    case 'carry-forward':
      return draft.carriedFrom
        ? text('originCarryForward', {
            period: formatPeriod(draft.carriedFrom.periodStart, draft.carriedFrom.periodEnd),
          })
        : text('originCarryForwardUnknown');
    case 'spreadsheet':
      return text('originSpreadsheet');
    case 'training-edition':
      return row.trainingYear
        ? text('originTraining', { year: row.trainingYear })
        : text('originTrainingUnknown');
    case 'import':
      return text('originImport');
    default:
      return text('originManual');
  }
}

const commentsOn = (comments: DraftComment[], field: string) => comments.filter((c) => c.field === field);

/** A refused answer, shown again at its field. */
export type ReplyError = { commentId: number; message: string; value: string };

/** The reporter's answer to one comment of the Secretariat, saved on its own. */
function ReplyForm(props: {
  page: PageContext;
  reportId: number;
  comment: DraftComment;
  error?: ReplyError;
}) {
  const { page, comment } = props;
  const text = draftText(page.lang);
  const id = `reply-${comment.id}`;
  const failed = props.error?.commentId === comment.id ? props.error : undefined;
  return (
    <form
      method="post"
      action={`${draftPath(page.lang, props.reportId)}/comments/${comment.id}/reply`}
      class="stacked"
      novalidate
    >
      <CsrfField page={page} />
      <label for={id}>{text('replyLabel')}</label>
      <textarea id={id} name="reply" rows={3} {...invalidProps(id, failed?.message)}>
        {failed ? failed.value : (comment.reply ?? '')}
      </textarea>
      <FieldError id={`${id}-error`} message={failed?.message} />
      <button type="submit">{text('replyButton')}</button>
    </form>
  );
}

/** Under a comment: the answer form while the report can be changed, else the answer given. */
const replyUnder =
  (page: PageContext, reportId: number, editable: boolean, error?: ReplyError) => (comment: DraftComment) =>
    editable ? (
      <ReplyForm page={page} reportId={reportId} comment={comment} error={error} />
    ) : comment.reply ? (
      <p>
        <strong>{draftText(page.lang)('yourAnswer')}</strong> {comment.reply}
      </p>
    ) : null;

/** The narrative and grouping form; also used on the conflict page with what the reporter typed. */
export function NarrativeForm(
  props: Common & {
    reportId: number;
    /** The report's original language: the text's, whatever the interface's. */
    contentLanguage: string;
    text: string;
    grouping: Grouping;
    version: number;
    error?: string;
    submitLabel?: string;
    /** An Art. 66.2 report's narrative is the overview of its incentives regime, without grouping. */
    kind?: ReportKind;
  },
) {
  const { page } = props;
  const text = draftText(page.lang);
  const overview = props.kind === 'art66-2';
  return (
    <form
      method="post"
      action={`${draftPath(page.lang, props.reportId)}/narrative`}
      class="stacked"
      novalidate
    >
      <CsrfField page={page} />
      <input type="hidden" name="version" value={String(props.version)} />
      <label for="narrative">
        {overview ? incentiveText(page.lang)('overviewLabel') : text('narrativeLabel')}
      </label>
      <p class="hint" id="narrative-hint">
        {overview ? incentiveText(page.lang)('overviewHint') : text('narrativeHint')}
      </p>
      <textarea
        id="narrative"
        lang={props.contentLanguage}
        name="narrative"
        rows={14}
        cols={80}
        {...invalidProps('narrative', props.error, 'narrative-hint')}
      >
        {props.text}
      </textarea>
      <FieldError id="narrative-error" message={props.error} />
      {overview ? (
        <input type="hidden" name="grouping" value={props.grouping} />
      ) : (
        <>
          <label for="grouping">{text('groupingLabel')}</label>
          <select id="grouping" name="grouping">
            {reportGroupings.map((grouping) => (
              <option value={grouping} selected={grouping === props.grouping}>
                {text(groupingKeys[grouping])}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit">{props.submitLabel ?? text('saveNarrative')}</button>
    </form>
  );
}

function NarrativeSection(
  props: Common & { draft: Draft; editable: boolean; error?: string; replyError?: ReplyError },
) {
  const { page, draft } = props;
  const text = draftText(page.lang);
  const overview = draft.kind === 'art66-2';
  const sectionTitle = overview ? incentiveText(page.lang)('overviewLabel') : text('narrativeTitle');
  return (
    <section aria-labelledby="narrative-title">
      <h2 id="narrative-title">{sectionTitle}</h2>
      {props.editable && draft.carriedFrom && draft.staleSentences.length > 0 ? (
        <div class="note" id="stale-period">
          <p>
            {text('staleIntro', {
              period: formatReportingPeriod(
                storedPeriod(
                  draft.carriedFrom.periodStart,
                  draft.carriedFrom.periodEnd,
                  draft.carriedFrom.periodPrecision,
                ),
                page.lang,
              ),
            })}
          </p>
          <ul lang={draft.originalLanguage}>
            {draft.staleSentences.map((stale) => (
              <li>{text('staleSentence', { number: stale.paragraph, sentence: stale.sentence })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="side-by-side">
        <div>
          {props.editable ? (
            <NarrativeForm
              page={page}
              labels={props.labels}
              reportId={draft.id}
              contentLanguage={draft.originalLanguage}
              text={narrativeToText(draft.narrative)}
              grouping={draft.grouping}
              version={draft.version}
              error={props.error}
              kind={draft.kind}
            />
          ) : draft.narrative.length === 0 ? (
            <p class="muted">{text('narrativeEmpty')}</p>
          ) : (
            <>
              <ol class="narrative" lang={draft.originalLanguage}>
                {draft.narrative.map((paragraph) => (
                  <li>{paragraph}</li>
                ))}
              </ol>
              {overview ? null : (
                <p>
                  {text('groupingLabel')}: {text(groupingKeys[draft.grouping])}
                </p>
              )}
            </>
          )}
        </div>
        <CommentsAside
          page={page}
          comments={commentsOn(draft.comments, 'narrative')}
          about={sectionTitle}
          after={replyUnder(page, draft.id, props.editable, props.replyError)}
        />
      </div>
    </section>
  );
}

function ActivityItem(
  props: Common & { draft: Draft; row: DraftRow; editable: boolean; replyError?: ReplyError },
) {
  const { page, labels, draft, row } = props;
  const { lang } = page;
  const text = draftText(lang);
  const title = pickText(row.title, lang, row.originalLanguage);
  const base = draftPath(lang, draft.id);
  return (
    <li>
      <div class="side-by-side">
        <div>
          <h3 lang={title.lang}>{title.value}</h3>
          <p class="muted">
            {originText(page, draft, row)}
            {row.isPublic ? '' : ` · ${text('notPublicYet')}`}
            {row.pendingEdit ? ` · ${text('pendingEdit')}` : ''}
          </p>
          <p>
            {row.startDate
              ? text('startDate', { date: formatDate(lang, row.startDate, row.startPrecision) ?? '' })
              : text('noStartDate')}
          </p>
          <p>
            {text('beneficiariesLabel')}{' '}
            <BeneficiaryList page={page} labels={labels} list={row.beneficiaries} />
          </p>
          {row.results.length > 0 ? (
            <details class="result-details">
              <summary>{resultsText(lang)('results')}</summary>
              <ResultList lang={lang} indicators={row.results} headingLevel={4} />
            </details>
          ) : null}
          {props.editable && row.carriedUndated ? <p class="note">{text('undatedNote')}</p> : null}
          {props.editable ? (
            <div class="actions">
              <a
                href={`${base}/activities/${row.activityId}/edit`}
                aria-label={`${text('edit')} — ${title.value}`}
              >
                {text('edit')}
              </a>
              <a
                href={`${base}/activities/${row.activityId}/needs`}
                aria-label={`${activityNeedsText(lang)('needLinks')} — ${title.value}`}
              >
                {activityNeedsText(lang)('needLinks')}
              </a>
              <ConfirmAction
                page={page}
                action={`${base}/activities/${row.activityId}/remove`}
                label={text('removeStep')}
                accessibleLabel={`${text('remove')} — ${title.value}`}
                question={text('removeQuestion', { title: title.value })}
                confirmLabel={text('remove')}
              />
            </div>
          ) : null}
        </div>
        <CommentsAside
          page={page}
          comments={commentsOn(draft.comments, `activity:${row.activityId}`)}
          about={title.value}
          after={replyUnder(page, draft.id, props.editable, props.replyError)}
        />
      </div>
    </li>
  );
}

function SpreadsheetSection(props: { page: PageContext; reportId: number; error?: string }) {
  const { page } = props;
  const text = draftText(page.lang);
  const base = draftPath(page.lang, props.reportId);
  return (
    <section aria-labelledby="spreadsheet-title">
      <h2 id="spreadsheet-title">{text('spreadsheetTitle')}</h2>
      <p id="upload-hint">{text('spreadsheetIntro', { size: uploadLimitMb })}</p>
      <p>
        <a href={`${base}/template.xlsx`} download>
          {text('downloadTemplate')}
        </a>
      </p>
      <SpreadsheetUploadForm
        page={page}
        action={`${base}/upload`}
        label={text('uploadLabel')}
        button={text('uploadButton')}
        hintId="upload-hint"
        error={props.error}
      />
    </section>
  );
}

/** Programmes carried forward without an end date: the reporter keeps each or takes it off. */
function UndatedCarried(props: { page: PageContext; draft: Draft }) {
  const { page, draft } = props;
  const text = draftText(page.lang);
  const undated = draft.rows.filter((row) => row.carriedUndated);
  if (undated.length === 0) return null;
  const base = draftPath(page.lang, draft.id);
  const period = formatReportingPeriod(
    storedPeriod(draft.periodStart, draft.periodEnd, draft.periodPrecision),
    page.lang,
  );
  return (
    <section aria-labelledby="undated-title" class="note">
      <h3 id="undated-title">{text('undatedTitle', { count: undated.length })}</h3>
      <p>{text('undatedIntro', { period })}</p>
      <ul class="undated-carried">
        {undated.map((row) => {
          const title = pickText(row.title, page.lang, row.originalLanguage);
          return (
            <li>
              <span lang={title.lang}>
                {row.rowNumber}. {title.value}
              </span>
              <div class="actions">
                <form method="post" action={`${base}/activities/${row.activityId}/keep`} class="inline">
                  <CsrfField page={page} />
                  <button type="submit" class="secondary" aria-label={`${text('keep')} — ${title.value}`}>
                    {text('keep')}
                  </button>
                </form>
                <ConfirmAction
                  page={page}
                  action={`${base}/activities/${row.activityId}/remove`}
                  label={text('removeStep')}
                  accessibleLabel={`${text('remove')} — ${title.value}`}
                  question={text('removeQuestion', { title: title.value })}
                  confirmLabel={text('remove')}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export type DraftPageProps = Common & {
  draft: Draft;
  editable: boolean;
  notice?: string;
  /** Errors shown at the upload field or the submit button after a refused POST. */
  uploadError?: string;
  submitError?: string;
  narrativeError?: string;
  replyError?: ReplyError;
};

/** A report being drafted, or read (submitted, published, or by the Secretariat). */
export function DraftPage(props: DraftPageProps) {
  const { page, labels, draft, editable } = props;
  const { lang } = page;
  const text = draftText(lang);
  const title = reportTitle(lang, labels, draft);
  const base = draftPath(lang, draft.id);
  const explain = {
    draft: text('explainDraft', { ofParty: labels.partyIn(draft.reportingPartyCode, lang, 'of') }),
    submitted: text('explainSubmitted'),
    returned: text('explainReturned'),
    published: text('explainPublished'),
  }[draft.status];
  const showComments = draft.status === 'returned';
  const comments = showComments ? draft.comments : [];
  const shown = { ...draft, comments };
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/${lang}/drafting`}>{text('myReportsTitle')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary
        page={page}
        items={[
          { message: props.narrativeError ?? '', target: 'narrative' },
          { message: props.uploadError ?? '', target: 'file' },
          { message: props.submitError ?? '', target: 'submit-title' },
          {
            message: props.replyError?.message ?? '',
            target: props.replyError ? `reply-${props.replyError.commentId}` : undefined,
          },
        ].filter((item) => item.message)}
      />
      <Notice message={props.notice} />
      <p>
        <strong>{text('statusLine', { status: statusLabel(lang, draft.status) })}</strong> {explain}
      </p>
      {editable ? null : <p class="muted">{text('readOnlyNotice')}</p>}
      {draft.overlaps.map((other) => (
        <p class="note">
          {text('overlapWarning', {
            period: formatReportingPeriod(
              storedPeriod(other.periodStart, other.periodEnd, other.periodPrecision),
              lang,
            ),
            symbol: other.symbol ? ` (${other.symbol})` : '',
          })}
        </p>
      ))}
      <CommentsAside
        page={page}
        comments={commentsOn(comments, 'general')}
        after={replyUnder(page, draft.id, editable, props.replyError)}
      />
      <nav aria-label={text('documentLinks')}>
        <ul class="downloads">
          <li>
            <a href={`${base}/preview`}>{text('previewDocument')}</a>
          </li>
          <li>
            <a href={`/${lang}/reports/${draft.id}.docx`} download>
              {text('downloadDocx')}
            </a>
          </li>
          <li>
            <a href={`/${lang}/reports/${draft.id}.pdf`} download>
              {text('downloadPdf')}
            </a>
          </li>
        </ul>
      </nav>
      <NarrativeSection
        page={page}
        labels={labels}
        draft={shown}
        editable={editable}
        error={props.narrativeError}
        replyError={props.replyError}
      />
      {draft.kind === 'art66-2' ? (
        <IncentivesSection
          page={page}
          labels={labels}
          reportId={draft.id}
          incentives={draft.incentives}
          editable={editable}
          uploadError={props.uploadError}
        />
      ) : null}
      {draft.kind === 'art66-2' ? null : (
        <section aria-labelledby="activities-title">
          <h2 id="activities-title">{text('activitiesTitle', { count: draft.rows.length })}</h2>
          {editable ? <UndatedCarried page={page} draft={draft} /> : null}
          {draft.rows.length === 0 ? <p>{text('noActivities')}</p> : null}
          <ol class="drafted-activities">
            {draft.rows.map((row) => (
              <ActivityItem
                page={page}
                labels={labels}
                draft={shown}
                row={row}
                editable={editable}
                replyError={props.replyError}
              />
            ))}
          </ol>
          {editable ? (
            <p>
              <a href={`${base}/activities/new`}>{text('addActivity')}</a>
            </p>
          ) : null}
        </section>
      )}
      {editable && draft.kind !== 'art66-2' ? (
        <SpreadsheetSection page={page} reportId={draft.id} error={props.uploadError} />
      ) : null}
      {editable ? (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title">{text('submitTitle')}</h2>
          <p id="submit-hint">{text('submitIntro')}</p>
          <FieldError id="submit-error" message={props.submitError} />
          <ConfirmAction
            page={page}
            action={`${base}/submit`}
            label={text('submitButton')}
            question={text('submitQuestion')}
            confirmLabel={text('submitConfirm')}
            tone="primary"
          />
        </section>
      ) : null}
    </Layout>
  );
}
