import {
  DateInput,
  ErrorSummary,
  FieldError,
  type FormErrors,
  invalidProps,
  Notice,
} from '../http/form-fields.tsx';
import { CsrfField, Layout, type PageContext } from '../http/layout.tsx';

import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { ReportDocument } from '../reports/document/report-document.ts';
import { ChangesBody } from '../reports/lifecycle/components.tsx';
import type { SnapshotDiff } from '../reports/lifecycle/diff.ts';
import type { RoundChanges } from '../reports/lifecycle/service.ts';
import { revisionLabel } from '../reports/lifecycle/status.ts';
import { ResultList } from '../results/components.tsx';
import { resultsText } from '../results/messages.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';
import { reviewText } from './messages.ts';
import type { SymbolPlan } from './publish.ts';
import type { QueueItem, ReviewReport } from './service.ts';

type Common = { page: PageContext; labels: ReferenceLabels };

const reportTitle = (
  page: PageContext,
  labels: ReferenceLabels,
  r: Pick<QueueItem, 'reportingPartyCode' | 'periodStart' | 'periodEnd' | 'kind'>,
) =>
  page.t(r.kind === 'art66-2' ? 'art66ReportOf' : 'reportOf', {
    ofParty: labels.partyIn(r.reportingPartyCode, page.lang, 'of'),
    period: formatPeriod(r.periodStart, r.periodEnd),
  });

const dateOf = (page: PageContext, at: Date | null) => (at ? formatDate(page.lang, at.toISOString()) : null);

export function statusLabel(page: PageContext, status: string): string {
  const text = reviewText(page.lang);
  switch (status) {
    case 'draft':
      return text('statusDraft');
    case 'submitted':
      return text('statusSubmitted');
    case 'returned':
      return text('statusReturned');
    case 'published':
      return text('statusPublished');
    default:
      return status;
  }
}

export function ReviewQueuePage(props: Common & { items: QueueItem[] }) {
  const { page, labels, items } = props;
  const text = reviewText(page.lang);
  return (
    <Layout page={page} title={text('queueTitle')}>
      <h1>{text('queueTitle')}</h1>
      <p>{text('queueIntro')}</p>
      {items.length === 0 ? (
        <p>{text('queueEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{text('columnReport')}</th>
                <th scope="col">{text('columnVersion')}</th>
                <th scope="col">{text('columnSubmitted')}</th>
                <th scope="col">{text('columnProgrammes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr>
                  <td>
                    <a href={`/${page.lang}/secretariat/reports/${item.id}`}>
                      {reportTitle(page, labels, item)}
                    </a>
                  </td>
                  <td>{revisionLabel(page.lang, item.revisionKind, item.revisionNumber)}</td>
                  <td>{dateOf(page, item.submittedAt) ?? '—'}</td>
                  <td>{item.activityCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export type ReviewPageData = {
  report: ReviewReport;
  document: ReportDocument;
  /** How publication gives the symbol (chosen by the officer, or derived for a revision), or why it cannot. */
  symbol: SymbolPlan | { problem: string };
  /** For a revision: what it changes in the version published now. */
  changes: SnapshotDiff | null;
  /** After a return and a resubmission: what the reporter changed between the two rounds. */
  roundChanges: RoundChanges | null;
  today: string;
  /** Result indicators of each activity as this report has them (pending versions included). */
  results: Map<number, ResultIndicator[]>;
  values?: Record<string, string>;
  errors?: FormErrors;
  notice?: string | null;
};

function CommentBox(props: {
  name: string;
  label: string;
  values: Record<string, string>;
  errors: FormErrors;
}) {
  return (
    <>
      <label for={props.name}>{props.label}</label>
      <textarea
        id={props.name}
        name={props.name}
        rows={2}
        {...invalidProps(props.name, props.errors[props.name])}
      >
        {props.values[props.name] ?? ''}
      </textarea>
      <FieldError id={`${props.name}-error`} message={props.errors[props.name]} />
    </>
  );
}

function commentPlace(page: PageContext, field: string, report: ReviewReport): string {
  const text = reviewText(page.lang);
  if (field === 'general') return text('fieldGeneral');
  if (field === 'narrative') return text('fieldNarrative');
  const activityId = Number(field.replace('activity:', ''));
  const row = report.programmes.find((p) => p.activityId === activityId);
  return text('fieldProgramme', { number: row?.rowNumber ?? activityId });
}

/** Every comment made so far, round by round, each with the reporter's answer. */
function CommentRounds(props: { page: PageContext; report: ReviewReport }) {
  const { page, report } = props;
  const text = reviewText(page.lang);
  const rounds = [...new Set(report.comments.map((comment) => comment.round))];
  return (
    <section aria-labelledby="earlier-comments">
      <h2 id="earlier-comments">{text('earlierComments')}</h2>
      {rounds.map((round) => (
        <>
          <h3>{text('roundReturned', { round })}</h3>
          <ul class="comment-rounds">
            {report.comments
              .filter((comment) => comment.round === round)
              .map((comment) => (
                <li>
                  <p>
                    <time datetime={comment.createdAt.toISOString()}>{dateOf(page, comment.createdAt)}</time>
                    {comment.author ? ` · ${comment.author}` : ''} ·{' '}
                    {text('onField', { field: commentPlace(page, comment.field, report) })}
                    {page.t('colon')} {comment.body}
                  </p>
                  <p>
                    <strong>{text('reporterAnswer')}</strong>{' '}
                    {comment.reply ?? <span class="muted">{text('noAnswer')}</span>}
                  </p>
                </li>
              ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/** The document as it would be published, with a comment box beside each part, and the two decisions. */
/** A programme's result indicators under its fields, when it has any. */
function ResultsOfProgramme(props: { lang: Language; indicators: ResultIndicator[] }) {
  if (props.indicators.length === 0) return null;
  return (
    <>
      <h4>{resultsText(props.lang)('results')}</h4>
      <ResultList lang={props.lang} indicators={props.indicators} headingLevel={5} />
    </>
  );
}

export function ReviewPage(props: Common & ReviewPageData) {
  const { page, labels, report, document: doc } = props;
  const { lang, t } = page;
  const text = reviewText(lang);
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const open = report.status === 'submitted';
  const title = text('reviewTitle', { report: reportTitle(page, labels, report) });
  const ofParty = labels.partyIn(report.reportingPartyCode, lang, 'of');
  // "IP/C/R/TC/CAN/n": the party's series as the officer reads it.
  const seriesLabel =
    'kind' in props.symbol && props.symbol.kind === 'chosen'
      ? props.symbol.pattern.replaceAll('{code}', report.reportingPartyCode).replace('{n}', 'n')
      : '';
  const activityOf = new Map(report.programmes.map((p) => [p.rowNumber, p.activityId]));
  const detailsOf = new Map<number, Array<{ label: string; value: string }>>();
  const collect = (groups: ReportDocument['details']['groups']) => {
    for (const group of groups) {
      for (const programme of group.programmes) detailsOf.set(programme.number, programme.fields);
      collect(group.groups);
    }
  };
  collect(doc.details.groups);
  const base = `/${lang}/secretariat/reports/${report.id}`;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/${lang}/secretariat/reports`}>{text('backToQueue')}</a>
      </p>
      <h1>{title}</h1>
      <Notice message={props.notice} />
      <ErrorSummary page={page} errors={errors} />
      <div class="review-layout">
        <div class="review-document">
          <dl class="fields compact">
            <dt>{t('fieldReportStatus')}</dt>
            <dd>{statusLabel(page, report.status)}</dd>
            <dt>{text('columnVersion')}</dt>
            <dd>{revisionLabel(lang, report.revisionKind, report.revisionNumber)}</dd>
            <dt>{t('fieldSymbol')}</dt>
            <dd>{doc.symbolLine}</dd>
            {report.submittedAt ? (
              <>
                <dt>{text('columnSubmitted')}</dt>
                <dd>{dateOf(page, report.submittedAt)}</dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href={`/${lang}/reports/${report.id}.docx`}>{text('documentDocx')}</a> ·{' '}
            <a href={`/${lang}/reports/${report.id}.pdf`}>{text('documentPdf')}</a>
          </p>
          {props.roundChanges ? (
            <section aria-labelledby="round-changes">
              <h2 id="round-changes">
                {text('changesSinceReturn', {
                  from: props.roundChanges.fromRound,
                  to: props.roundChanges.toRound,
                })}
              </h2>
              <ChangesBody page={page} labels={labels} diff={props.roundChanges.diff} level={3} />
            </section>
          ) : null}
          {props.changes ? (
            <section>
              <h2>{text('changesFromPublished')}</h2>
              <ChangesBody page={page} labels={labels} diff={props.changes} level={3} />
            </section>
          ) : null}
          <p class="muted">{doc.council}</p>
          <p>
            <strong>{doc.title}</strong>
            {doc.revision ? ` — ${doc.revision}` : ''}
          </p>
          <p>{doc.period}</p>
          <h2>{text('narrative')}</h2>
          <ol class="narrative" lang={report.originalLanguage}>
            {doc.narrative.map((paragraph) => (
              <li>{paragraph}</li>
            ))}
          </ol>
          <h2>{report.kind === 'art66-2' ? doc.annex.caption : text('programmes')}</h2>
          {doc.annex.rows.length === 0 ? (
            <p>{report.kind === 'art66-2' ? doc.annex.emptyText : text('noProgrammes')}</p>
          ) : null}
          {doc.annex.rows.map((row) => (
            <section class="review-programme" id={`programme-${row.number}`}>
              <h3>
                {row.number}. {row.title}
              </h3>
              <dl class="fields compact">
                {(detailsOf.get(row.number) ?? []).map((field) => (
                  <>
                    <dt>{field.label}</dt>
                    <dd>{field.value}</dd>
                  </>
                ))}
              </dl>
              <ResultsOfProgramme
                lang={lang}
                indicators={props.results.get(activityOf.get(row.number) ?? 0) ?? []}
              />
            </section>
          ))}
        </div>
        <aside class="review-panel" aria-label={text('reviewPanel')}>
          {report.status === 'published' && report.revisionKind === 'original' && !report.symbol ? (
            <section aria-labelledby="give-symbol">
              <h2 id="give-symbol">{text('giveSymbolHeading')}</h2>
              <form method="post" action={`${base}/symbol`} class="stacked" novalidate>
                <CsrfField page={page} />
                <label for="given_symbol">{t('fieldSymbol')}</label>
                <p class="hint" id="given_symbol-hint">
                  {text('giveSymbolIntro')}
                </p>
                <input
                  id="given_symbol"
                  name="given_symbol"
                  required
                  size={30}
                  value={values.given_symbol ?? ''}
                  {...invalidProps('given_symbol', errors.given_symbol, 'given_symbol-hint')}
                />
                <FieldError id="given_symbol-error" message={errors.given_symbol} />
                <button type="submit">{text('giveSymbolButton')}</button>
              </form>
            </section>
          ) : null}
          {open || props.notice ? null : (
            <p class="note">{text('notSubmitted', { status: statusLabel(page, report.status) })}</p>
          )}
          {open ? (
            <section aria-labelledby="return-heading">
              <h2 id="return-heading">{text('returnHeading')}</h2>
              <form method="post" action={`${base}/return`} class="stacked">
                <CsrfField page={page} />
                <p class="hint">{text('commentsIntro')}</p>
                <CommentBox
                  name="comment_general"
                  label={text('commentGeneral')}
                  values={values}
                  errors={errors}
                />
                <CommentBox
                  name="comment_narrative"
                  label={text('commentNarrative')}
                  values={values}
                  errors={errors}
                />
                {doc.annex.rows.map((row) => {
                  const activityId = activityOf.get(row.number);
                  return activityId ? (
                    <CommentBox
                      name={`comment_activity_${activityId}`}
                      label={text('commentProgramme', { number: row.number })}
                      values={values}
                      errors={errors}
                    />
                  ) : null;
                })}
                <button type="submit" class="secondary">
                  {text('returnButton')}
                </button>
              </form>
            </section>
          ) : null}
          {open ? (
            <section aria-labelledby="publish-heading">
              <h2 id="publish-heading">{text('publishHeading')}</h2>
              {'kind' in props.symbol ? (
                <form method="post" action={`${base}/publish`} class="stacked" novalidate>
                  <CsrfField page={page} />
                  {props.symbol.kind === 'derived' ? (
                    <p>{text('publishIntro', { symbol: props.symbol.symbol })}</p>
                  ) : (
                    <>
                      <p>{text('publishIntroChosen')}</p>
                      <label for="symbol">{t('fieldSymbol')}</label>
                      <p class="hint" id="symbol-hint">
                        {props.symbol.proposal
                          ? text('symbolProposedHint', { ofParty, series: seriesLabel })
                          : text('symbolUnknownHint', {
                              ofParty,
                              series: seriesLabel,
                              example: props.symbol.pattern
                                .replaceAll('{code}', report.reportingPartyCode)
                                .replace('{n}', '5'),
                            })}
                      </p>
                      <input
                        id="symbol"
                        name="symbol"
                        required
                        size={30}
                        value={values.symbol ?? props.symbol.proposal ?? ''}
                        {...invalidProps('symbol', errors.symbol, 'symbol-hint')}
                      />
                      <FieldError id="symbol-error" message={errors.symbol} />
                    </>
                  )}
                  <label for="circulation_date">{text('circulationDate')}</label>
                  <p class="hint" id="circulation_date-hint">
                    {text('circulationHint')}
                  </p>
                  <DateInput
                    id="circulation_date"
                    name="circulation_date"
                    lang={lang}
                    precision="day"
                    required
                    value={values.circulation_date ?? props.today}
                    error={errors.circulation_date}
                    hintId="circulation_date-hint"
                  />
                  <FieldError id="circulation_date-error" message={errors.circulation_date} />
                  <button type="submit">{text('publishButton')}</button>
                </form>
              ) : (
                <p class="note">{props.symbol.problem}</p>
              )}
            </section>
          ) : null}
          {report.comments.length > 0 ? <CommentRounds page={page} report={report} /> : null}
        </aside>
      </div>
    </Layout>
  );
}

/** 409: the report moved on (returned or published by someone else, or never submitted). */
export function ConflictPage(props: { page: PageContext; message: string; reportId: number }) {
  const text = reviewText(props.page.lang);
  return (
    <Layout page={props.page} title={text('conflictTitle')}>
      <h1>{text('conflictTitle')}</h1>
      <p>{props.message}</p>
      <p>
        <a href={`/${props.page.lang}/secretariat/reports/${props.reportId}`}>{text('backToReview')}</a> ·{' '}
        <a href={`/${props.page.lang}/secretariat/reports`}>{text('backToQueue')}</a>
      </p>
    </Layout>
  );
}
