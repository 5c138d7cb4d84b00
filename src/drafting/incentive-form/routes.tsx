import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { type FormBody, formList, formText, idParam, readForm } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type IncentiveRow, incentiveOnReport, ldcsDuring } from '../../reports/incentives/service.ts';
import { LockedPage } from '../components.tsx';
import type { ReportHeader } from '../report.ts';
import { reportForRequest } from '../request-guards.tsx';
import { incentiveFields, readIncentive } from './input.ts';
import { addIncentives, removeIncentive, updateIncentive } from './service.ts';
import { IncentiveFormPage, type IncentiveFormState } from './views.tsx';

const emptyState: IncentiveFormState = { text: {}, beneficiaryCodes: [], sectors: [] };

function stateOfBody(body: FormBody): IncentiveFormState {
  const text: IncentiveFormState['text'] = {};
  for (const field of incentiveFields) {
    if (field !== 'beneficiaryCodes' && field !== 'sectors') text[field] = formText(body, field);
  }
  return { text, beneficiaryCodes: formList(body, 'beneficiaryCodes'), sectors: formList(body, 'sectors') };
}

function stateOfRow(row: IncentiveRow): IncentiveFormState {
  const count = (value: number | null) => (value === null ? '' : String(value));
  return {
    text: {
      title: row.title,
      description: row.description,
      incentiveType: row.incentiveType,
      governmentBody: row.governmentBody,
      eligibleEntities: row.eligibleEntities,
      technologyTransferred: row.technologyTransferred,
      modeAndTerms: row.modeAndTerms,
      ldcSpecificity: row.ldcSpecificity,
      amount: row.amount ?? '',
      currency: row.currency ?? '',
      enterprises: count(row.enterprises),
      peopleTrained: count(row.peopleTrained),
    },
    beneficiaryCodes: row.beneficiaryCodes,
    sectors: row.sectors,
  };
}

/** Adding, editing and removing the incentives of an Article 66.2 draft, with optimistic locking. */
export function incentiveRoutes(db: Db, labels: () => Promise<ReferenceLabels>, reportPath: string) {
  const app = new Hono();
  const onePath = `${reportPath}/incentives/:incentiveId{[0-9]+}`;

  /** The report of the path, to be changed, and an Art. 66.2 report (an Art. 67 one has no incentives: 404). */
  const incentiveReport = async (c: Context) => {
    const found = await reportForRequest(c, db, labels, 'edit');
    if (found.report.kind !== 'art66-2') throw new HTTPException(404, { message: 'not an Art. 66.2 report' });
    return found;
  };
  const incentiveOf = async (report: ReportHeader, c: Context) => {
    const row = await incentiveOnReport(db, report.id, idParam(c, 'incentiveId'));
    if (!row) throw new HTTPException(404, { message: 'no such incentive' });
    return row;
  };
  const back = (lang: string, report: ReportHeader, notice: string) =>
    `/${lang}/drafting/reports/${report.id}?notice=${notice}#incentives-title`;

  app.get(`${reportPath}/incentives/new`, async (c) => {
    const { report } = await incentiveReport(c);
    return c.html(
      <IncentiveFormPage
        page={pageContext(c)}
        labels={await labels()}
        report={report}
        incentiveId={null}
        ldcs={await ldcsDuring(db, report.periodStart, report.periodEnd)}
        state={emptyState}
        errors={{}}
      />,
    );
  });

  app.post(`${reportPath}/incentives`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const body = await readForm(c);
    const state = stateOfBody(body);
    const ldcs = await ldcsDuring(db, report.periodStart, report.periodEnd);
    const result = readIncentive(
      { ...state.text, beneficiaryCodes: state.beneficiaryCodes, sectors: state.sectors },
      page.lang,
      new Set(ldcs),
    );
    if (!result.ok) {
      return c.html(
        <IncentiveFormPage
          page={page}
          labels={await labels()}
          report={report}
          incentiveId={null}
          ldcs={ldcs}
          state={state}
          errors={result.errors}
        />,
        400,
      );
    }
    const added = await addIncentives(db, actorOf(account), report, [result.values]);
    if (!added) throw new HTTPException(404);
    if (!added.ok)
      return c.html(<LockedPage page={page} labels={await labels()} report={added.current} />, 409);
    return c.redirect(back(page.lang, report, 'incentiveAdded'), 303);
  });

  app.get(`${onePath}/edit`, async (c) => {
    const { report } = await incentiveReport(c);
    const row = await incentiveOf(report, c);
    return c.html(
      <IncentiveFormPage
        page={pageContext(c)}
        labels={await labels()}
        report={report}
        incentiveId={row.id}
        version={row.version}
        ldcs={await ldcsDuring(db, report.periodStart, report.periodEnd)}
        state={stateOfRow(row)}
        errors={{}}
      />,
    );
  });

  app.post(onePath, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const row = await incentiveOf(report, c);
    const body = await readForm(c);
    const state = stateOfBody(body);
    const version = Number.parseInt(formText(body, 'version'), 10) || -1;
    const ldcs = await ldcsDuring(db, report.periodStart, report.periodEnd);
    const result = readIncentive(
      { ...state.text, beneficiaryCodes: state.beneficiaryCodes, sectors: state.sectors },
      page.lang,
      new Set(ldcs),
    );
    if (!result.ok) {
      return c.html(
        <IncentiveFormPage
          page={page}
          labels={await labels()}
          report={report}
          incentiveId={row.id}
          version={version}
          ldcs={ldcs}
          state={state}
          errors={result.errors}
        />,
        400,
      );
    }
    const saved = await updateIncentive(db, actorOf(account), report, row.id, version, result.values);
    if (!saved) throw new HTTPException(404);
    if (!saved.ok && saved.reason === 'locked')
      return c.html(<LockedPage page={page} labels={await labels()} report={saved.current} />, 409);
    if (!saved.ok) {
      return c.html(
        <IncentiveFormPage
          page={page}
          labels={await labels()}
          report={report}
          incentiveId={row.id}
          version={saved.current.version}
          ldcs={ldcs}
          state={stateOfRow(saved.current)}
          errors={{}}
          conflict
        />,
        409,
      );
    }
    return c.redirect(back(page.lang, report, 'incentiveSaved'), 303);
  });

  app.post(`${onePath}/remove`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const removed = await removeIncentive(db, actorOf(account), report, idParam(c, 'incentiveId'));
    if (!removed) throw new HTTPException(404);
    if (!removed.ok)
      return c.html(<LockedPage page={page} labels={await labels()} report={removed.current} />, 409);
    return c.redirect(back(page.lang, report, 'incentiveRemoved'), 303);
  });

  // Form targets opened by GET (the language switcher on a page answering a POST): back to the form.
  app.get(`${reportPath}/incentives`, (c) =>
    c.redirect(`/${c.req.param('lang')}/drafting/reports/${c.req.param('id')}/incentives/new`, 303),
  );
  app.get(onePath, (c) =>
    c.redirect(
      `/${c.req.param('lang')}/drafting/reports/${c.req.param('id')}/incentives/${c.req.param('incentiveId')}/edit`,
      303,
    ),
  );

  return app;
}
