import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requirePermission } from '../../accounts/guard.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { type FormBody, formFile, formList, formText, idParam, readForm } from '../../http/request.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type IncentiveRow, incentiveOnReport, ldcsDuring } from '../../reports/incentives/service.ts';
import { rawResultsFromBody, rawResultsOf } from '../../results/form.ts';
import { validateResults } from '../../results/input.ts';
import { LockedPage } from '../components.tsx';
import { DraftPage } from '../draft/components.tsx';
import { loadDraft } from '../draft/service.ts';
import type { ReportHeader } from '../report.ts';
import { reportForRequest } from '../request-guards.tsx';
import { spreadsheetLimits } from '../spreadsheet/limits.ts';
import { uploadText } from '../spreadsheet/messages.ts';
import { incentiveFields, readIncentive } from './input.ts';
import { addIncentives, removeIncentive, updateIncentive } from './service.ts';
import {
  claimStagedIncentives,
  incentiveTemplateXlsx,
  readIncentiveSpreadsheet,
  stagedIncentives,
  stageIncentives,
} from './spreadsheet.ts';
import { IncentiveFormPage, type IncentiveFormState, IncentiveUploadPage } from './views.tsx';

const emptyState: IncentiveFormState = { text: {}, beneficiaryCodes: [], sectors: [], results: [] };

function stateOfBody(body: FormBody): IncentiveFormState {
  const text: IncentiveFormState['text'] = {};
  for (const field of incentiveFields) {
    if (field !== 'beneficiaryCodes' && field !== 'sectors') text[field] = formText(body, field);
  }
  return {
    text,
    beneficiaryCodes: formList(body, 'beneficiaryCodes'),
    sectors: formList(body, 'sectors'),
    results: rawResultsFromBody(body),
  };
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
    results: rawResultsOf(row.results),
  };
}

/** The incentive and its result indicators, checked together: the form shows every error at once. */
function checkedForm(state: IncentiveFormState, lang: Language, report: ReportHeader, ldcs: string[]) {
  const incentive = readIncentive(
    { ...state.text, beneficiaryCodes: state.beneficiaryCodes, sectors: state.sectors },
    lang,
    new Set(ldcs),
  );
  const results = validateResults(state.results, lang, report.originalLanguage);
  if (incentive.ok && results.ok)
    return { ok: true as const, values: { ...incentive.values, results: results.value } };
  return {
    ok: false as const,
    errors: incentive.ok ? {} : incentive.errors,
    resultErrors: results.ok ? {} : results.errors,
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
    const result = checkedForm(state, page.lang, report, ldcs);
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
          resultErrors={result.resultErrors}
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
    const result = checkedForm(state, page.lang, report, ldcs);
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
          resultErrors={result.resultErrors}
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

  /** A beneficiary typed in a spreadsheet: a code, "CODE — name" as the template lists it, or a name in any language. */
  const partyResolver = async () => {
    const all = await labels();
    const byName = new Map<string, string>();
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
    for (const [code, party] of all.parties)
      for (const name of Object.values(party.names)) if (name) byName.set(fold(name), code);
    return (typed: string) => {
      const code = /^([A-Za-z]{3})(?:\s*[—–-].*)?$/.exec(typed.trim())?.[1]?.toUpperCase();
      if (code && all.parties.has(code)) return code;
      return byName.get(fold(typed)) ?? null;
    };
  };

  app.get(`${reportPath}/incentives/template.xlsx`, async (c) => {
    const { lang } = pageContext(c);
    const { report } = await reportForRequest(c, db, labels, 'reporter');
    if (report.kind !== 'art66-2') throw new HTTPException(404, { message: 'not an Art. 66.2 report' });
    const all = await labels();
    const ldcs = (await ldcsDuring(db, report.periodStart, report.periodEnd)).map((code) => ({
      code,
      name: all.partyName(code, lang),
    }));
    return c.body(new Uint8Array(await incentiveTemplateXlsx(lang, ldcs)), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="ipcoop-incentives-${lang}.xlsx"`,
    });
  });

  app.post(`${reportPath}/incentives/upload`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const file = formFile(await readForm(c), 'file');
    const say = uploadText(page.lang);
    const refuse = async (message: string, status: 400 | 413) => {
      const draft = await loadDraft(db, report.id);
      if (!draft) throw new HTTPException(404);
      return c.html(
        <DraftPage page={page} labels={await labels()} draft={draft} editable uploadError={message} />,
        status,
      );
    };
    if (!file || file.size === 0) return refuse(say('fileMissing'), 400);
    if (file.size > spreadsheetLimits.maxUploadBytes)
      return refuse(say('fileTooLarge', { size: spreadsheetLimits.maxUploadBytes / 1024 / 1024 }), 413);
    const ldcs = new Set(await ldcsDuring(db, report.periodStart, report.periodEnd));
    const read = await readIncentiveSpreadsheet(
      Buffer.from(await file.arrayBuffer()),
      file.name,
      page.lang,
      ldcs,
      await partyResolver(),
    );
    if (!read.ok) return refuse(read.message, 400);
    if (read.preview.rows.length === 0) return refuse(say('nothingToImport'), 400);
    const uploadId = await stageIncentives(db, actorOf(account), {
      userId: account.id,
      reportId: report.id,
      fileName: (file.name.split(/[/\\]/).pop() ?? '').slice(0, 200),
      preview: read.preview,
    });
    return c.redirect(`/${page.lang}/drafting/reports/${report.id}/incentives/upload/${uploadId}`, 303);
  });

  const uploadPath = `${reportPath}/incentives/upload/:uploadId{[A-Za-z0-9_-]+}`;

  app.get(uploadPath, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const uploadId = c.req.param('uploadId') ?? '';
    const staged = await stagedIncentives(db, uploadId);
    if (!staged || staged.reportId !== report.id)
      throw new HTTPException(404, { message: uploadText(page.lang)('uploadExpired') });
    requirePermission(staged.userId === account.id);
    return c.html(
      <IncentiveUploadPage
        page={page}
        labels={await labels()}
        report={report}
        uploadId={uploadId}
        fileName={staged.fileName}
        rows={staged.preview.rows}
      />,
    );
  });

  app.post(`${uploadPath}/confirm`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await incentiveReport(c);
    const uploadId = c.req.param('uploadId') ?? '';
    const staged = await stagedIncentives(db, uploadId);
    if (!staged || staged.reportId !== report.id)
      throw new HTTPException(404, { message: uploadText(page.lang)('uploadExpired') });
    requirePermission(staged.userId === account.id);
    const claimed = await claimStagedIncentives(db, uploadId);
    if (!claimed) throw new HTTPException(404, { message: uploadText(page.lang)('uploadExpired') });
    const good = claimed.preview.rows.flatMap((row) => (row.values ? [row.values] : []));
    const added = await addIncentives(db, actorOf(account), report, good);
    if (!added) throw new HTTPException(404);
    if (!added.ok)
      return c.html(<LockedPage page={page} labels={await labels()} report={added.current} />, 409);
    return c.redirect(back(page.lang, report, 'incentiveAdded'), 303);
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
