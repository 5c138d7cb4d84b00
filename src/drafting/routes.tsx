import { Hono } from 'hono';
import { requireAccount, requirePermission } from '../accounts/guard.ts';
import { reportingParties, reportsFor } from '../accounts/policy.ts';
import { actorOf } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { lastDayCovered, parsePartialDate, yearRange } from '../http/partial-date.ts';
import { formText, readForm } from '../http/request.ts';
import { formatPeriod } from '../i18n/format.ts';
import { isLanguage } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { atSentenceStart } from '../reference/names-in-sentences.ts';
import { isReportFormat, isReportKind } from '../reports/incentives/taxonomy.ts';
import { activityRoutes } from './activity-form/routes.tsx';
import { activityNeedsRoutes } from './activity-needs/routes.tsx';
import { draftRoutes } from './draft/routes.tsx';
import { incentiveRoutes } from './incentive-form/routes.tsx';
import { draftingText } from './messages.ts';
import { nextPeriodsOf, reportsOfParties, startReport } from './service.ts';
import { uploadRoutes } from './spreadsheet/routes.tsx';
import { MyReportsPage, type StartForm } from './views.tsx';

export { draftingWorkspaceEntries } from './workspace-entries.ts';

const base = '/:lang{(?:en|fr|es)}/drafting';
const reportPath = `${base}/reports/:id{[0-9]+}`;

/**
 * A period's start or end typed as YYYY, YYYY-MM or YYYY-MM-DD: the start is the first day it
 * covers, the end the last ("2021-04" to "2022-03" is April 2021 to March 2022); else null.
 */
const parsePeriodBound = (value: string, bound: 'start' | 'end') => {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') return null;
  return bound === 'start' ? parsed.date : lastDayCovered(parsed);
};

/** The reporter's side of the Art. 67 report: drafting, carrying forward, uploading, submitting. */
export function draftingRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get(base, async (c) => {
    const page = pageContext(c);
    const account = requireAccount(c, (a) => reportingParties(a).length > 0);
    const partyCodes = reportingParties(account);
    return c.html(
      <MyReportsPage
        page={page}
        labels={await labels()}
        partyCodes={partyCodes}
        reports={await reportsOfParties(db, partyCodes)}
        nextPeriods={await nextPeriodsOf(db, partyCodes)}
      />,
    );
  });

  app.post(`${base}/reports`, async (c) => {
    const page = pageContext(c);
    const text = draftingText(page.lang);
    const account = requireAccount(c, (a) => reportingParties(a).length > 0);
    const body = await readForm(c);
    const partyCode = formText(body, 'party');
    requirePermission(reportsFor(account, partyCode));
    const values = {
      periodStart: formText(body, 'periodStart'),
      periodEnd: formText(body, 'periodEnd'),
      originalLanguage: formText(body, 'originalLanguage'),
      kind: formText(body, 'kind') || 'art67',
      format: formText(body, 'format'),
    };
    const form: StartForm = { partyCode, values, errors: {} };
    const periodStart = parsePeriodBound(values.periodStart, 'start');
    const periodEnd = parsePeriodBound(values.periodEnd, 'end');
    const dayInvalid = text('dayInvalid', { ...yearRange, example: '2022-01-01' });
    if (periodStart === null) form.errors.periodStart = dayInvalid;
    if (periodEnd === null) form.errors.periodEnd = dayInvalid;
    const kind = isReportKind(values.kind) ? values.kind : null;
    if (kind === null) form.errors.kind = text('reportKindInvalid');
    // The format belongs to Art. 66.2 reports; an Art. 67 report ignores whatever was chosen.
    const format = kind === 'art66-2' && isReportFormat(values.format) ? values.format : null;
    if (kind === 'art66-2' && format === null) form.errors.format = text('reportFormatRequired');
    const originalLanguage = isLanguage(values.originalLanguage) ? values.originalLanguage : page.lang;
    if (periodStart !== null && periodEnd !== null && kind !== null && !form.errors.format) {
      const result = await startReport(db, actorOf(account), {
        partyCode,
        periodStart,
        periodEnd,
        originalLanguage,
        kind,
        format,
      });
      if (result.ok) return c.redirect(`/${page.lang}/drafting/reports/${result.reportId}`, 303);
      const referenceLabels = await labels();
      form.errors[result.error.field] =
        result.error.problem === 'periodReversed'
          ? text('periodReversed')
          : text('reportExists', {
              theParty: atSentenceStart(referenceLabels.partyIn(partyCode, page.lang, null)),
              period: formatPeriod(periodStart, periodEnd),
            });
    }
    const partyCodes = reportingParties(account);
    return c.html(
      <MyReportsPage
        page={page}
        labels={await labels()}
        partyCodes={partyCodes}
        reports={await reportsOfParties(db, partyCodes)}
        nextPeriods={await nextPeriodsOf(db, partyCodes)}
        failedForm={form}
      />,
      400,
    );
  });

  // Form targets opened by GET (the language switcher on a page answering a POST): back to the page.
  app.get(`${base}/reports`, (c) => c.redirect(`/${c.req.param('lang')}/drafting`, 303));

  app.route('/', draftRoutes(db, labels, reportPath));
  app.route('/', activityRoutes(db, labels, reportPath));
  app.route('/', uploadRoutes(db, labels, reportPath));
  app.route('/', activityNeedsRoutes(db, labels, reportPath));
  app.route('/', incentiveRoutes(db, labels, reportPath));
  return app;
}
