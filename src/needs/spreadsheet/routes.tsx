import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireAccount, requirePermission } from '../../accounts/guard.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { spreadsheetLimits } from '../../drafting/spreadsheet/limits.ts';
import { uploadText } from '../../drafting/spreadsheet/messages.ts';
import { NotFoundError } from '../../errors.ts';
import { pageContext } from '../../http/page-context.ts';
import { idParam, readForm } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { staged, stagedIdPattern } from '../../uploads/staging.ts';
import { managesAnyNeeds, managesNeedsOf } from '../policy.ts';
import { assessmentById } from '../service.ts';
import { readNeedsSpreadsheet } from './read.ts';
import {
  importStagedNeeds,
  needsTemplateXlsx,
  type StagedNeeds,
  stagedKind,
  stageNeedsUpload,
} from './service.ts';
import { NeedsPreviewPage, NeedsUploadPage } from './views.tsx';

const lang = '/:lang{(?:en|fr|es)}';
const limitMb = String(spreadsheetLimits.maxUploadBytes / (1024 * 1024));
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Needs from a spreadsheet, as reports take activities: the template, an XLSX or CSV upload read
 * by the same guarded reader, a preview of every row for its uploader, then the ready rows added
 * to the assessment at once. For those who record the Member's needs.
 */
export function needsSpreadsheetRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  const base = `${lang}/needs/assessments/:id{[0-9]+}`;

  const managedAssessment = async (c: Context) => {
    const account = requireAccount(c, managesAnyNeeds);
    const assessment = await assessmentById(db, idParam(c));
    if (!assessment) throw new NotFoundError('assessment');
    requirePermission(managesNeedsOf(account, assessment.partyCode));
    return { account, assessment };
  };

  const uploadPage = (c: Context, assessmentId: number, error?: string, status: 200 | 400 | 413 = 200) =>
    c.html(
      <NeedsUploadPage page={pageContext(c)} assessmentId={assessmentId} limitMb={limitMb} error={error} />,
      status,
    );

  const tooLarge = bodyLimit({
    maxSize: spreadsheetLimits.maxUploadBytes + 64 * 1024,
    onError: async (c) => {
      const { assessment } = await managedAssessment(c);
      return uploadPage(
        c,
        assessment.id,
        uploadText(pageContext(c).lang)('fileTooLarge', { size: limitMb }),
        413,
      );
    },
  });
  const uploadLimit: MiddlewareHandler = (c, next) =>
    c.req.header('content-length') ? tooLarge(c, next) : next();

  app.get(`${base}/template.xlsx`, async (c) => {
    const { lang: language } = pageContext(c);
    await managedAssessment(c);
    const workbook = await needsTemplateXlsx(language, await labels());
    return c.body(new Uint8Array(workbook), 200, {
      'Content-Type': xlsxType,
      'Content-Disposition': `attachment; filename="ipcoop-needs-${language}.xlsx"`,
    });
  });

  app.get(`${base}/upload`, async (c) => {
    const { assessment } = await managedAssessment(c);
    return uploadPage(c, assessment.id);
  });

  app.post(`${base}/upload`, uploadLimit, async (c) => {
    const page = pageContext(c);
    const text = uploadText(page.lang);
    const { account, assessment } = await managedAssessment(c);
    const file = (await readForm(c)).file;
    const upload = Array.isArray(file) ? file[0] : file;
    if (!(upload instanceof File) || upload.size === 0)
      return uploadPage(c, assessment.id, text('fileMissing'), 400);
    if (upload.size > spreadsheetLimits.maxUploadBytes) {
      return uploadPage(c, assessment.id, text('fileTooLarge', { size: limitMb }), 413);
    }
    const preview = await readNeedsSpreadsheet(
      Buffer.from(await upload.arrayBuffer()),
      page.lang,
      await labels(),
    );
    if (!preview.ok) return uploadPage(c, assessment.id, preview.message, 400);
    const uploadId = await stageNeedsUpload(db, actorOf(account), {
      userId: account.id,
      assessmentId: assessment.id,
      fileName: (upload.name.split(/[/\\]/).pop() ?? '').slice(0, 200),
      lang: page.lang,
      rows: preview.rows,
    });
    return c.redirect(`/${page.lang}/needs/assessments/${assessment.id}/upload/${uploadId}`, 303);
  });

  app.get(`${base}/upload/:uploadId{${stagedIdPattern}}`, async (c) => {
    const page = pageContext(c);
    const { account, assessment } = await managedAssessment(c);
    const uploadId = c.req.param('uploadId');
    const upload = await staged<StagedNeeds>(db, stagedKind, uploadId);
    if (!upload || upload.assessmentId !== assessment.id) {
      return uploadPage(c, assessment.id, uploadText(page.lang)('uploadExpired'), 400);
    }
    requirePermission(upload.userId === account.id);
    return c.html(
      <NeedsPreviewPage
        page={page}
        labels={await labels()}
        assessmentId={assessment.id}
        uploadId={uploadId}
        upload={upload}
      />,
    );
  });

  app.post(`${base}/upload/:uploadId{${stagedIdPattern}}/confirm`, async (c) => {
    const page = pageContext(c);
    const { account, assessment } = await managedAssessment(c);
    const result = await importStagedNeeds(db, actorOf(account), c.req.param('uploadId'), assessment);
    if (!result.ok && result.reason === 'not-yours') requirePermission(false);
    if (!result.ok) return uploadPage(c, assessment.id, uploadText(page.lang)('uploadExpired'), 400);
    return c.redirect(`/${page.lang}/needs/assessments/${assessment.id}?done=imported`, 303);
  });

  return app;
}
