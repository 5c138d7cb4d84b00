import { type Context, Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import { NotFoundPage } from '../../http/error-pages.tsx';
import { cachedByKeyWhileUnchanged } from '../../http/kept-answers.ts';
import { pageContext } from '../../http/page-context.ts';
import { positiveId } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { registryVersion } from '../registry-version.ts';
import { type ReportAccess, reportAccess } from '../service.ts';
import { reportDocx } from './docx.ts';
import { reportPdf } from './pdf.ts';
import { loadReportDocument, type ReportDocument } from './report-document.ts';

export type ReportDocumentOptions = {
  /** Whether this request may read an unpublished report; by default nobody may. */
  canReadDraft?: (c: Context, report: ReportAccess) => Promise<boolean>;
};

const formats = {
  docx: {
    write: reportDocx,
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { write: reportPdf, type: 'application/pdf' },
} as const;

/** "IP/C/R/TC/CAN/4" → "IP-C-R-TC-CAN-4": only characters that are safe in any file system and header. */
export function documentFileName(doc: ReportDocument, extension: string): string {
  const base = (doc.symbol ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || `report-${doc.reportId}`}.${extension}`;
}

/** GET /{lang}/reports/{id}.docx|pdf: the WTO-style document in the page language. */
export function reportDocumentRoutes(
  db: Db,
  labels: () => Promise<ReferenceLabels>,
  options: ReportDocumentOptions = {},
) {
  const canReadDraft = options.canReadDraft ?? (async () => false);
  // A published report's document is the same for every reader until the registry changes (a
  // publication, a corrigendum): the day a report comes out, its PDF is written once, not per
  // download. Drafts are always written afresh.
  const publishedDocuments = cachedByKeyWhileUnchanged<{
    body: Uint8Array<ArrayBuffer>;
    fileName: string;
  } | null>(() => registryVersion(db), 24);
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/reports/:file{[0-9]+\\.(?:docx|pdf)}', async (c) => {
    const page = pageContext(c);
    const [idText = '', extension] = c.req.param('file').split('.');
    const id = positiveId(idText);
    const report = id ? await reportAccess(db, id) : null;
    const isDraft = report?.status !== 'published';
    if (!report || (isDraft && !(await canReadDraft(c, report)))) {
      return c.html(<NotFoundPage page={page} />, 404);
    }
    const format = extension === 'pdf' ? 'pdf' : 'docx';
    const write = async () => {
      const doc = await loadReportDocument(db, report.id, page.lang, await labels());
      if (!doc) return null;
      return {
        body: new Uint8Array(await formats[format].write(doc)),
        fileName: documentFileName(doc, format),
      };
    };
    const file = isDraft
      ? await write()
      : await publishedDocuments(`${report.id}/${page.lang}/${format}`, write);
    if (!file) return c.html(<NotFoundPage page={page} />, 404);
    return c.body(file.body, 200, {
      'Content-Type': formats[format].type,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      // A draft changes and is not for everyone: no shared or stored copies.
      ...(isDraft ? { 'Cache-Control': 'private, no-store' } : {}),
    });
  });

  return app;
}
