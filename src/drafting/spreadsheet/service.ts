import { randomBytes } from 'node:crypto';
import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import { settings } from '../../settings/schema.ts';
import { addActivitiesToReport } from '../activity-form/service.ts';
import type { ReportLocked } from '../report.ts';
import type { SpreadsheetPreview } from './read.ts';

/**
 * An uploaded spreadsheet between its preview and its import. It waits in the settings table
 * (no process memory, so any app process can take the confirm), for its uploader only, one hour.
 */
export type StagedUpload = {
  userId: number;
  reportId: number;
  fileName: string;
  /** The language the preview's messages were written in. */
  lang: Language;
  preview: Pick<SpreadsheetPreview, 'format' | 'sheetName' | 'rows' | 'warnings'>;
};

const keyPrefix = 'upload:';
const lifetime = sql`now() - interval '1 hour'`;
export const uploadIdPattern = '[A-Za-z0-9_-]+';

export const goodRows = (upload: Pick<StagedUpload, 'preview'>) =>
  upload.preview.rows.filter((row) => row.input !== null && row.errors.length === 0);

/** Forgets uploads nobody confirmed within the hour. */
async function purgeExpired(db: Db): Promise<void> {
  await db.delete(settings).where(and(like(settings.key, `${keyPrefix}%`), lt(settings.createdAt, lifetime)));
}

export async function stageUpload(db: Db, actor: Actor, upload: StagedUpload): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await inTransaction(db, async (tx) => {
    await purgeExpired(tx);
    await tx.insert(settings).values({ key: `${keyPrefix}${id}`, value: upload });
    await recordAudit(tx, actor, {
      action: 'stage-upload',
      table: 'settings',
      id: `${keyPrefix}${id}`,
      after: {
        reportId: upload.reportId,
        fileName: upload.fileName,
        rows: upload.preview.rows.length,
        goodRows: goodRows(upload).length,
      },
    });
  });
  return id;
}

/** The staged upload, if it exists and has not expired. */
export async function stagedUpload(db: Db, uploadId: string): Promise<StagedUpload | null> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, `${keyPrefix}${uploadId}`), gt(settings.createdAt, lifetime)));
  return (row?.value as StagedUpload | undefined) ?? null;
}

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
    const key = `${keyPrefix}${uploadId}`;
    // Locked: a double click imports once; the second finds nothing.
    const [row] = await tx
      .select()
      .from(settings)
      .where(and(eq(settings.key, key), gt(settings.createdAt, lifetime)))
      .for('update');
    const upload = row?.value as StagedUpload | undefined;
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
    await tx.delete(settings).where(eq(settings.key, key));
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
