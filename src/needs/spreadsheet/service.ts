import ExcelJS from 'exceljs';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { templateText } from '../../drafting/spreadsheet/messages.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { lockStaged, type Staged, stage } from '../../uploads/staging.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { type Assessment, addNeed } from '../service.ts';
import { kindsOfHelp, needPriorities } from '../taxonomy.ts';
import { needsSheetText } from './messages.ts';
import { type NeedPreviewRow, needColumns } from './read.ts';

export const stagedKind = 'needs-upload';

/** An uploaded needs spreadsheet between its preview and its import. */
export type StagedNeeds = Staged & { assessmentId: number; lang: Language; rows: NeedPreviewRow[] };

export const readyRows = (upload: Pick<StagedNeeds, 'rows'>) =>
  upload.rows.filter((row) => row.input !== null);

/** The template: the headers in `lang`, and a sheet listing the values each list column takes. */
export async function needsTemplateXlsx(lang: Language, labels: ReferenceLabels): Promise<Buffer> {
  const text = needsText(lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(needsSheetText(lang)('sheetNeeds'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = needColumns.map(([field, label]) => ({
    header: text(label),
    key: field,
    width: field === 'title' || field === 'description' ? 45 : 24,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const lists = workbook.addWorksheet(templateText(lang)('sheetLists'));
  const columns: Array<[string, string[]]> = [
    [text('kindsOfHelp'), kindsOfHelp.map((kind) => text(`kind-${kind}` as NeedsKey))],
    [text('priority'), needPriorities.map((priority) => text(`priority-${priority}` as NeedsKey))],
    [text('ipAreas'), labels.termsOf('ip-area').map((term) => term.names[lang])],
  ];
  lists.columns = columns.map(([header]) => ({ header, width: 40 }));
  lists.getRow(1).font = { bold: true };
  const longest = Math.max(...columns.map(([, values]) => values.length));
  for (let i = 0; i < longest; i++) lists.addRow(columns.map(([, values]) => values[i] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const stageNeedsUpload = (db: Db, actor: Actor, upload: StagedNeeds) =>
  stage(db, actor, stagedKind, upload, {
    assessmentId: upload.assessmentId,
    fileName: upload.fileName,
    rows: upload.rows.length,
    readyRows: readyRows(upload).length,
  });

export type NeedsImportResult =
  | { ok: true; needIds: number[] }
  | { ok: false; reason: 'missing' | 'not-yours' | 'other-assessment' };

/**
 * Adds the ready rows of a staged upload to the assessment, all or none, and forgets the upload.
 * Only its uploader may, and only into the assessment it was uploaded for.
 */
export async function importStagedNeeds(
  db: Db,
  actor: Actor & { userId: number },
  uploadId: string,
  assessment: Pick<Assessment, 'id' | 'language' | 'status'>,
): Promise<NeedsImportResult> {
  return inTransaction(db, async (tx) => {
    const { value: upload, forget } = await lockStaged<StagedNeeds>(tx, stagedKind, uploadId);
    if (!upload) return { ok: false, reason: 'missing' };
    if (upload.userId !== actor.userId) return { ok: false, reason: 'not-yours' };
    if (upload.assessmentId !== assessment.id) return { ok: false, reason: 'other-assessment' };
    const needIds: number[] = [];
    for (const row of readyRows(upload))
      if (row.input) needIds.push(await addNeed(tx, actor, assessment, row.input));
    await forget();
    await recordAudit(tx, actor, {
      action: 'import-upload',
      table: 'needs_assessments',
      id: assessment.id,
      after: { fileName: upload.fileName, rows: readyRows(upload).map((row) => row.rowNumber), needIds },
    });
    return { ok: true, needIds };
  });
}
