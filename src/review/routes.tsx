import { type Context, Hono } from 'hono';
import { requireAccount } from '../accounts/guard.ts';
import { isSecretariat } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import { actorOf } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import type { FormErrors } from '../http/form-fields.tsx';
import type { PageContext } from '../http/layout.tsx';
import { pageContext } from '../http/page-context.ts';
import { formList, formText, positiveId, readForm } from '../http/request.ts';
import { counted } from '../i18n/plural.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { loadReportDocument } from '../reports/document/report-document.ts';
import { isReportKind, type ReportKind } from '../reports/incentives/taxonomy.ts';
import { changesSinceReturn, pendingRevisionChanges } from '../reports/lifecycle/service.ts';
import { resultsOnReport } from '../reports/pending-edits.ts';
import {
  cycleOverview,
  defaultPeriod,
  knownPeriods,
  parsePeriod,
  saveExpectedList,
  unknownCodes,
} from './cycles.ts';
import { reviewText } from './messages.ts';
import {
  checkCirculationDate,
  giveSymbol,
  publishReport,
  type SymbolPlan,
  SymbolRefused,
  symbolPlan,
} from './publish.ts';
import {
  commentsFromForm,
  loadReviewReport,
  maxCommentLength,
  ReviewConflict,
  type ReviewReport,
  returnReport,
  reviewQueue,
} from './service.ts';
import {
  allocateSymbol,
  loadSymbolPattern,
  maxSymbolPatternLength,
  saveSymbolPattern,
  seriesSymbol,
  symbolPatternProblem,
  symbolPrefix,
} from './symbols.ts';
import { ConflictPage, ReviewPage, ReviewQueuePage, statusLabel } from './views.tsx';
import { CyclesPage } from './views-cycles.tsx';
import { SettingsPage } from './views-settings.tsx';

/** Every Secretariat page starts here: signed-out visitors go to sign in, others get 403. */
const secretariatOnly = (c: Context): Account => requireAccount(c, isSecretariat);
const today = () => new Date().toISOString().slice(0, 10);

/** Mail goes after the commit; a mail failure must not undo a decision already recorded. */
async function sendAfterCommit(send: () => Promise<void>) {
  try {
    await send();
  } catch (error) {
    console.error(`notification mail failed: ${(error as Error).message}`);
  }
}

/** A refused symbol, in words, at the form's field; `party` is the report's, for the series example. */
async function symbolProblemMessage(
  db: Db,
  page: PageContext,
  refused: SymbolRefused,
  report: { reportingPartyCode: string; kind: ReportKind },
  typed: string,
): Promise<string> {
  const t = reviewText(page.lang);
  const party = report.reportingPartyCode;
  const pattern = await loadSymbolPattern(db, report.kind);
  switch (refused.problem) {
    case 'required':
      return t('symbolRequired');
    case 'notInSeries':
      return t('symbolNotInSeries', {
        series: pattern.replaceAll('{code}', party).replace('{n}', 'n'),
        example: seriesSymbol(pattern, party, 5),
      });
    case 'notASymbol':
      return t('symbolNotASymbol');
    default:
      return t('symbolTaken', { symbol: typed.trim() });
  }
}

function conflictMessage(page: PageContext, conflict: ReviewConflict): string {
  const t = reviewText(page.lang);
  if (conflict.reason === 'notSubmitted')
    return t('notSubmitted', { status: statusLabel(page, conflict.status) });
  return t(conflict.reason);
}

export { reviewWorkspaceEntries } from './workspace-entries.ts';

/** The Secretariat's review queue, review and publication, reporting cycles and symbol settings. */
export function reviewRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  const base = '/:lang{(?:en|fr|es)}/secretariat';

  /** The review page's data; the form values and errors come back with a refused form. */
  async function renderReview(
    c: Context,
    id: number,
    extra: {
      values?: Record<string, string>;
      errors?: FormErrors;
      /** A message above the page, which may depend on the report as it stands now. */
      notice?: (report: ReviewReport) => string | null;
      status?: 400;
    } = {},
  ) {
    const page = pageContext(c);
    const report = await loadReviewReport(db, id);
    const referenceLabels = await labels();
    const document = report && (await loadReportDocument(db, id, page.lang, referenceLabels, 'whole'));
    if (!report || !document || report.status === 'draft') return c.html(<NotFoundPage page={page} />, 404);
    let symbol: SymbolPlan | { problem: string } = { problem: '' };
    if (report.status === 'submitted') {
      try {
        symbol = await symbolPlan(db, report);
      } catch (error) {
        if (!(error instanceof ReviewConflict)) throw error;
        symbol = { problem: conflictMessage(page, error) };
      }
    }
    const changes = await pendingRevisionChanges(db, report);
    const roundChanges = await changesSinceReturn(db, id);
    const results = await resultsOnReport(
      db,
      id,
      report.programmes.map((programme) => programme.activityId),
    );
    return c.html(
      <ReviewPage
        page={page}
        labels={referenceLabels}
        report={report}
        document={document}
        symbol={symbol}
        changes={changes}
        roundChanges={roundChanges}
        results={results}
        today={today()}
        values={extra.values}
        errors={extra.errors}
        notice={extra.notice?.(report) ?? null}
      />,
      extra.status ?? 200,
    );
  }

  app.get(`${base}/reports`, async (c) => {
    secretariatOnly(c);
    return c.html(
      <ReviewQueuePage page={pageContext(c)} labels={await labels()} items={await reviewQueue(db)} />,
    );
  });

  app.get(`${base}/reports/:id{[0-9]+}`, async (c) => {
    secretariatOnly(c);
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    if (!id) return c.html(<NotFoundPage page={page} />, 404);
    const t = reviewText(page.lang);
    const done = c.req.query('done');
    const count = Number(c.req.query('count')) || 1;
    return renderReview(c, id, {
      notice: (report) => {
        if (done === 'returned')
          return t('returnedNotice', { comments: counted(t, page.lang, 'commentCount', count) });
        if (done === 'published' && report.symbol) return t('publishedNotice', { symbol: report.symbol });
        if (done === 'symbol' && report.symbol) return t('symbolGiven', { symbol: report.symbol });
        return null;
      },
    });
  });

  app.post(`${base}/reports/:id{[0-9]+}/return`, async (c) => {
    const account = secretariatOnly(c);
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const report = id ? await loadReviewReport(db, id) : null;
    if (!id || !report) return c.html(<NotFoundPage page={page} />, 404);
    const conflict = (error: ReviewConflict) =>
      c.html(<ConflictPage page={page} message={conflictMessage(page, error)} reportId={id} />, 409);
    if (report.status !== 'submitted') return conflict(new ReviewConflict('notSubmitted', report.status));
    const form = await readForm(c);
    const { comments, problems } = commentsFromForm(
      form,
      report.programmes.map((p) => p.activityId),
    );
    if (problems.length > 0) {
      const t = reviewText(page.lang);
      const errors: FormErrors = Object.fromEntries(
        problems.map((p) => [
          p.field,
          p.problem === 'required' ? t('commentRequired') : t('commentTooLong', { max: maxCommentLength }),
        ]),
      );
      const values = Object.fromEntries(Object.keys(form).map((name) => [name, formText(form, name)]));
      return renderReview(c, id, { values, errors, status: 400 });
    }
    try {
      const send = await returnReport(db, actorOf(account), id, comments, await labels());
      if (send) await sendAfterCommit(send);
    } catch (error) {
      if (error instanceof ReviewConflict) return conflict(error);
      throw error;
    }
    return c.redirect(`/${page.lang}/secretariat/reports/${id}?done=returned&count=${comments.length}`, 303);
  });

  app.post(`${base}/reports/:id{[0-9]+}/publish`, async (c) => {
    const account = secretariatOnly(c);
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const report = id ? await loadReviewReport(db, id) : null;
    if (!id || !report) return c.html(<NotFoundPage page={page} />, 404);
    const conflict = (error: ReviewConflict) =>
      c.html(<ConflictPage page={page} message={conflictMessage(page, error)} reportId={id} />, 409);
    if (report.status !== 'submitted') return conflict(new ReviewConflict('notSubmitted', report.status));
    const form = await readForm(c);
    const typed = formText(form, 'circulation_date');
    const typedSymbol = formText(form, 'symbol');
    const values = { circulation_date: typed, symbol: typedSymbol };
    const checked = checkCirculationDate(typed === '' ? today() : typed, today());
    if ('problem' in checked) {
      const t = reviewText(page.lang);
      const message =
        checked.problem === 'dateInvalid'
          ? t('dateInvalid', { example: today() })
          : t('dateOutOfRange', { min: checked.min, max: checked.max });
      return renderReview(c, id, { values, errors: { circulation_date: message }, status: 400 });
    }
    try {
      const published = await publishReport(
        db,
        actorOf(account),
        id,
        checked.date,
        await labels(),
        typedSymbol,
      );
      if (published) await sendAfterCommit(published.afterCommit);
    } catch (error) {
      if (error instanceof ReviewConflict) return conflict(error);
      if (error instanceof SymbolRefused) {
        const message = await symbolProblemMessage(db, page, error, report, typedSymbol);
        return renderReview(c, id, { values, errors: { symbol: message }, status: 400 });
      }
      throw error;
    }
    return c.redirect(`/${page.lang}/secretariat/reports/${id}?done=published`, 303);
  });

  app.post(`${base}/reports/:id{[0-9]+}/symbol`, async (c) => {
    const account = secretariatOnly(c);
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const report = id ? await loadReviewReport(db, id) : null;
    if (!id || !report) return c.html(<NotFoundPage page={page} />, 404);
    const typed = formText(await readForm(c), 'given_symbol');
    try {
      await giveSymbol(db, actorOf(account), id, typed);
    } catch (error) {
      if (error instanceof ReviewConflict)
        return c.html(<ConflictPage page={page} message={conflictMessage(page, error)} reportId={id} />, 409);
      if (error instanceof SymbolRefused) {
        const message = await symbolProblemMessage(db, page, error, report, typed);
        return renderReview(c, id, {
          values: { given_symbol: typed },
          errors: { given_symbol: message },
          status: 400,
        });
      }
      throw error;
    }
    return c.redirect(`/${page.lang}/secretariat/reports/${id}?done=symbol`, 303);
  });

  app.get(`${base}/cycles`, async (c) => {
    secretariatOnly(c);
    const page = pageContext(c);
    const periods = await knownPeriods(db);
    const askedKind = c.req.query('kind');
    const kind = isReportKind(askedKind) ? askedKind : 'art67';
    const asked = c.req.query('period');
    const period = asked === undefined || asked === '' ? defaultPeriod(periods) : parsePeriod(asked);
    const referenceLabels = await labels();
    if (!period) {
      return c.html(
        <CyclesPage
          page={page}
          labels={referenceLabels}
          overview={null}
          periods={periods}
          periodValue={asked ?? ''}
          errors={{ period: reviewText(page.lang)('periodInvalid') }}
        />,
        400,
      );
    }
    return c.html(
      <CyclesPage
        page={page}
        labels={referenceLabels}
        overview={await cycleOverview(db, referenceLabels, period, kind)}
        periods={periods}
        periodValue={period.key}
        notice={c.req.query('saved') === '1' ? reviewText(page.lang)('listSaved') : undefined}
      />,
    );
  });

  app.post(`${base}/cycles/expected`, async (c) => {
    const account = secretariatOnly(c);
    const page = pageContext(c);
    const form = await readForm(c);
    const period = parsePeriod(formText(form, 'period'));
    if (!period) return c.html(<NotFoundPage page={page} />, 404);
    const added = formText(form, 'add_party');
    const codes = [...formList(form, 'parties'), ...(added === '' ? [] : [added])];
    const referenceLabels = await labels();
    const unknown = unknownCodes(referenceLabels, codes);
    if (unknown) {
      const overview = await cycleOverview(db, referenceLabels, period);
      return c.html(
        <CyclesPage
          page={page}
          labels={referenceLabels}
          overview={overview}
          periods={await knownPeriods(db)}
          periodValue={period.key}
          errors={{ add_party: reviewText(page.lang)('unknownParty', { code: unknown.join(', ') }) }}
        />,
        400,
      );
    }
    await saveExpectedList(db, actorOf(account), period, codes);
    return c.redirect(`/${page.lang}/secretariat/cycles?period=${period.key}&saved=1#expected-list`, 303);
  });

  /** The example a pattern gives Canada's next report in its series; null for an unusable pattern. */
  const exampleOf = async (pattern: string, series: ReportKind) =>
    symbolPatternProblem(pattern)
      ? null
      : ((await allocateSymbol(db, 'CAN', pattern, series)) ?? seriesSymbol(pattern, 'CAN', 1));

  const settingsPage = async (
    c: Context,
    patterns: Record<ReportKind, string>,
    extra: { errors?: FormErrors; notice?: string } = {},
  ) =>
    c.html(
      <SettingsPage
        page={pageContext(c)}
        pattern={patterns.art67}
        example={await exampleOf(patterns.art67, 'art67')}
        ttiPattern={patterns['art66-2']}
        ttiExample={await exampleOf(patterns['art66-2'], 'art66-2')}
        errors={extra.errors}
        notice={extra.notice}
      />,
      extra.errors ? 400 : 200,
    );

  app.get(`${base}/settings`, async (c) => {
    secretariatOnly(c);
    const saved = c.req.query('saved') === '1' ? reviewText(pageContext(c).lang)('saved') : undefined;
    const patterns = {
      art67: await loadSymbolPattern(db),
      'art66-2': await loadSymbolPattern(db, 'art66-2'),
    };
    return settingsPage(c, patterns, { notice: saved });
  });

  app.post(`${base}/settings`, async (c) => {
    const account = secretariatOnly(c);
    const { lang } = pageContext(c);
    const body = await readForm(c);
    const pattern = formText(body, 'symbol_pattern');
    // A form of before the Art. 66.2 series (no such field) leaves that series as it is.
    const ttiPattern =
      body.tti_symbol_pattern === undefined
        ? await loadSymbolPattern(db, 'art66-2')
        : formText(body, 'tti_symbol_pattern');
    const t = reviewText(lang);
    const messages = {
      required: t('patternRequired'),
      tooLong: t('patternTooLong', { max: maxSymbolPatternLength }),
      badCharacters: t('patternBadCharacters'),
      needsCode: t('patternNeedsCode'),
      needsOneNumber: t('patternNeedsOneNumber'),
      unknownPlaceholder: t('patternUnknownPlaceholder'),
    };
    const errors: FormErrors = {};
    const problem = symbolPatternProblem(pattern);
    if (problem) errors.symbol_pattern = messages[problem];
    const ttiProblem = symbolPatternProblem(ttiPattern);
    if (ttiProblem) errors.tti_symbol_pattern = messages[ttiProblem];
    else if (!problem && symbolPrefix(ttiPattern, 'CAN') === symbolPrefix(pattern, 'CAN'))
      errors.tti_symbol_pattern = t('patternSameAsArt67');
    if (Object.keys(errors).length > 0)
      return settingsPage(c, { art67: pattern, 'art66-2': ttiPattern }, { errors });
    await saveSymbolPattern(db, actorOf(account), pattern);
    await saveSymbolPattern(db, actorOf(account), ttiPattern, 'art66-2');
    return c.redirect(`/${lang}/secretariat/settings?saved=1`, 303);
  });

  return app;
}
