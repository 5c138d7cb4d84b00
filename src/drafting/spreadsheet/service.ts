import { type Actor, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import { lockStaged, stage, staged, stagedIdPattern } from '../../uploads/staging.ts';
import { addActivitiesToReport } from '../activity-form/service.ts';
import type { ReportLocked } from '../report.ts';
import type { SpreadsheetPreview } from './read.ts';

/** An uploaded spreadsheet between its preview and its import (uploads/staging.ts keeps it an hour). */
export type StagedUpload = {
  userId: number;
  reportId: number;
  fileName: string;
  /** The language the preview's messages were written in. */
  lang: Language;
  preview: Pick<SpreadsheetPreview, 'format' | 'sheetName' | 'rows' | 'warnings'>;
};

const stagedKind = 'upload';
export const uploadIdPattern = stagedIdPattern;

export const goodRows = (upload: Pick<StagedUpload, 'preview'>) =>
  upload.preview.rows.filter((row) => row.input !== null && row.errors.length === 0);

export const stageUpload = (db: Db, actor: Actor, upload: StagedUpload): Promise<string> =>
  stage(db, actor, stagedKind, upload, {
    reportId: upload.reportId,
    fileName: upload.fileName,
    rows: upload.preview.rows.length,
    goodRows: goodRows(upload).length,
  });

/** The staged upload, if it exists and has not expired. */
export const stagedUpload = (db: Db, uploadId: string) => staged<StagedUpload>(db, stagedKind, uploadId);

export type ConfirmResult =
  | { ok: true; activityIds: number[] }
  /** 'missing' also when the report itself is gone. */
  | { ok: false; reason: 'missing' | 'not-yours' | 'other-report' }
  | ReportLocked;

/**
 * Imports the good rows of a staged upload into the report, all or none, and forgets the upload.
 * Only its uploader may, only into the report it was uploaded for, and only while that report is
 * still editable (checked again inside the transaction).
 */
export async function confirmUpload(
  db: Db,
  actor: Actor & { userId: number },
  uploadId: string,
  report: { id: number; reportingPartyCode: string },
): Promise<ConfirmResult> {
  return inTransaction(db, async (tx) => {
    // Locked: a double click imports once; the second finds nothing.
    const { value: upload, forget } = await lockStaged<StagedUpload>(tx, stagedKind, uploadId);
    if (!upload) return { ok: false, reason: 'missing' };
    if (upload.userId !== actor.userId) return { ok: false, reason: 'not-yours' };
    if (upload.reportId !== report.id) return { ok: false, reason: 'other-report' };
    const rows = goodRows(upload);
    // Refused (the upload kept) when the report left the reporter's hands since the route checked.
    const added = await addActivitiesToReport(
      tx,
      actor,
      report,
      rows.flatMap((r) => (r.input ? [{ ...r.input, results: r.results ?? [] }] : [])),
      'spreadsheet',
    );
    if (!added) return { ok: false, reason: 'missing' };
    if (!added.ok) return added;
    const { activityIds } = added;
    await forget();
    await recordAudit(tx, actor, {
      action: 'import-upload',
      table: 'reports',
      id: report.id,
      after: {
        fileName: upload.fileName,
        spreadsheetRows: rows.map((r) => r.rowNumber),
        activityIds,
        skippedRows: upload.preview.rows.length - rows.length,
      },
    });
    return { ok: true, activityIds };
  });
}
