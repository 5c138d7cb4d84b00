import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requirePermission } from '../../accounts/guard.ts';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { readForm } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { referenceData } from '../../reference/reference-data.ts';
import { LockedPage } from '../components.tsx';
import { DraftPage } from '../draft/components.tsx';
import { loadDraft } from '../draft/service.ts';
import { reportForRequest } from '../request-guards.tsx';
import { uploadText } from './messages.ts';
import { readActivitySpreadsheet, spreadsheetLimits } from './read.ts';
import { checkNeedCells, confirmUpload, stagedUpload, stageUpload, uploadIdPattern } from './service.ts';
import { activityTemplateXlsx } from './template.ts';
import { UploadGonePage, UploadPreviewPage } from './views.tsx';

const limitMb = String(spreadsheetLimits.maxUploadBytes / (1024 * 1024));
/** The file plus the CSRF field and multipart boundaries. */
const maxUploadRequestBytes = spreadsheetLimits.maxUploadBytes + 64 * 1024;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spreadsheet round trip: template, upload, preview, confirmed import. */
export function uploadRoutes(db: Db, labels: () => Promise<ReferenceLabels>, reportPath: string) {
  const app = new Hono();

  /** The draft page again, with a message at the upload field. */
  const refuseUpload = async (c: Context, reportId: number, message: string, status: 400 | 413) => {
    const draft = await loadDraft(db, reportId);
    if (!draft) throw new HTTPException(404);
    return c.html(
      <DraftPage
        page={pageContext(c)}
        labels={await labels()}
        draft={draft}
        editable
        uploadError={message}
      />,
      status,
    );
  };

  const tooLarge = bodyLimit({
    maxSize: maxUploadRequestBytes,
    onError: async (c) => {
      const text = uploadText(pageContext(c).lang);
      const { report } = await reportForRequest(c, db, labels, 'edit');
      return refuseUpload(c, report.id, text('fileTooLarge', { size: limitMb }), 413);
    },
  });
  // The CSRF check has already read the body by now, so the limit can only judge Content-Length
  // (every browser sends it with a form); a body without it is bounded by the app-wide limit and
  // the file size check below.
  const uploadLimit: MiddlewareHandler = (c, next) =>
    c.req.header('content-length') ? tooLarge(c, next) : next();

  app.get(`${reportPath}/template.xlsx`, async (c) => {
    const { lang } = pageContext(c);
    await reportForRequest(c, db, labels, 'reporter');
    const workbook = await activityTemplateXlsx(lang, referenceData());
    return c.body(new Uint8Array(workbook), 200, {
      'Content-Type': xlsxType,
      'Content-Disposition': `attachment; filename="ipcoop-activities-${lang}.xlsx"`,
    });
  });

  app.post(`${reportPath}/upload`, uploadLimit, async (c) => {
    const page = pageContext(c);
    const text = uploadText(page.lang);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const file = (await readForm(c)).file;
    const upload = Array.isArray(file) ? file[0] : file;
    if (!(upload instanceof File) || upload.size === 0) {
      return refuseUpload(c, report.id, text('fileMissing'), 400);
    }
    // Size first: a file over the limit is never read.
    if (upload.size > spreadsheetLimits.maxUploadBytes) {
      return refuseUpload(c, report.id, text('fileTooLarge', { size: limitMb }), 413);
    }
    const bytes = Buffer.from(await upload.arrayBuffer());
    const preview = await readActivitySpreadsheet(bytes, upload.name, page.lang, referenceData());
    if (!preview.ok) return refuseUpload(c, report.id, preview.message, 400);
    await checkNeedCells(db, preview, page.lang);
    const uploadId = await stageUpload(db, actorOf(account), {
      userId: account.id,
      reportId: report.id,
      fileName: (upload.name.split(/[/\\]/).pop() ?? '').slice(0, 200),
      lang: page.lang,
      preview: {
        format: preview.format,
        sheetName: preview.sheetName,
        rows: preview.rows,
        warnings: preview.warnings,
      },
    });
    // Post/redirect/get: reloading the preview never uploads again.
    return c.redirect(`/${page.lang}/drafting/reports/${report.id}/upload/${uploadId}`, 303);
  });

  app.get(`${reportPath}/upload/:uploadId{${uploadIdPattern}}`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const uploadId = c.req.param('uploadId');
    const upload = await stagedUpload(db, uploadId);
    if (!upload || upload.reportId !== report.id) {
      const message = uploadText(page.lang)('uploadExpired');
      return c.html(<UploadGonePage page={page} reportId={report.id} message={message} />, 404);
    }
    requirePermission(upload.userId === account.id);
    return c.html(<UploadPreviewPage page={page} reportId={report.id} uploadId={uploadId} upload={upload} />);
  });

  app.post(`${reportPath}/upload/:uploadId{${uploadIdPattern}}/confirm`, async (c) => {
    const page = pageContext(c);
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const result = await confirmUpload(db, actorOf(account), c.req.param('uploadId'), report);
    if (!result.ok && result.reason === 'not-yours') requirePermission(false);
    if (!result.ok && result.reason === 'locked') {
      return c.html(<LockedPage page={page} labels={await labels()} report={result.current} />, 409);
    }
    if (!result.ok && result.reason === 'needs-changed') {
      const message = uploadText(page.lang)('needsChanged');
      return c.html(<UploadGonePage page={page} reportId={report.id} message={message} />, 409);
    }
    if (!result.ok) {
      const message = uploadText(page.lang)('uploadExpired');
      return c.html(<UploadGonePage page={page} reportId={report.id} message={message} />, 404);
    }
    const count = result.activityIds.length;
    return c.redirect(
      `/${page.lang}/drafting/reports/${report.id}?notice=imported&count=${count}#activities-title`,
      303,
    );
  });

  return app;
}
