import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import { insertNeedActivityLinks, linkableNeedIds, linkableStatuses } from '../../needs/delivery/service.ts';
import { type NeedsKey, needsText } from '../../needs/messages.ts';
import { needs, needsAssessments } from '../../needs/schema.ts';
import { lockStaged, stage, staged, stagedIdPattern } from '../../uploads/staging.ts';
import { addActivitiesToReport } from '../activity-form/service.ts';
import type { ReportLocked } from '../report.ts';
import { spreadsheetText } from './messages.ts';
import { needsColumnKey } from './needs-column.ts';
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
  /** 'missing' also when the report itself is gone; 'needs-changed' when a need named was met or withdrawn since. */
  | { ok: false; reason: 'missing' | 'not-yours' | 'other-report' | 'needs-changed' }
  | ReportLocked;

/**
 * Checks each "Needs addressed" cell of a preview against the published needs, in `lang`: a need
 * that is not published (or does not exist), or that is met or withdrawn, is an error at that cell
 * and the row is not imported. The cell then shows each need as "#12 title".
 */
export async function checkNeedCells(db: Db, preview: SpreadsheetPreview, lang: Language): Promise<void> {
  const named = [...new Set(preview.rows.flatMap((row) => row.needIds ?? []))];
  if (named.length === 0) return;
  const found = await db
    .select({
      id: needs.id,
      status: needs.status,
      title: needs.title,
      language: needsAssessments.language,
    })
    .from(needs)
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(and(inArray(needs.id, named), eq(needsAssessments.status, 'published')));
  const byId = new Map(found.map((need) => [need.id, need]));
  const column = preview.columns.find((c) => c.field === needsColumnKey)?.column ?? null;
  const say = spreadsheetText(lang);
  for (const row of preview.rows) {
    const ids = row.needIds ?? [];
    if (ids.length === 0) continue;
    for (const id of ids) {
      const need = byId.get(id);
      if (!need) {
        row.errors.push({ column, field: needsColumnKey, message: say('needUnknown', { id }) });
      } else if (!linkableStatuses.includes(need.status)) {
        const status = needsText(lang)(`status-${need.status}` as NeedsKey).toLocaleLowerCase(lang);
        row.errors.push({ column, field: needsColumnKey, message: say('needClosed', { id, status }) });
      }
    }
    if (row.errors.length > 0) row.input = null;
    row.values.needs = ids
      .map((id) => {
        const need = byId.get(id);
        return need ? `#${id} ${textIn(need.title, lang, need.language)}` : `#${id}`;
      })
      .join('; ');
  }
}

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
    // The needs named were checked at the preview; one met or withdrawn since refuses the import.
    const named = [...new Set(rows.flatMap((row) => row.needIds ?? []))];
    if ((await linkableNeedIds(tx, named)).size !== named.length)
      return { ok: false, reason: 'needs-changed' };
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
    // The rows' needs, linked through the delivery service: part of the draft, audited.
    const links = await insertNeedActivityLinks(
      tx,
      actor,
      report.id,
      rows.flatMap((row, n) =>
        (row.needIds ?? []).map((needId) => ({ needId, activityId: activityIds[n] as number })),
      ),
    );
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
        needLinks: links.length,
      },
    });
    return { ok: true, activityIds };
  });
}
