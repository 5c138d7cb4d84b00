import { and, eq } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { checkZipArchive, documentZipLimits, isZip } from '../../uploads/zip-archive.ts';
import { participantFiles } from '../schema.ts';

export const maxPresentationBytes = 10 * 1024 * 1024;

type PresentationType = { extension: string; contentType: string };

const pdf = { extension: 'pdf', contentType: 'application/pdf' };
const pptx = {
  extension: 'pptx',
  contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const odp = { extension: 'odp', contentType: 'application/vnd.oasis.opendocument.presentation' };
const ppt = { extension: 'ppt', contentType: 'application/vnd.ms-powerpoint' };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);
const contains = (bytes: Buffer, text: string, encoding: 'latin1' | 'utf16le' = 'latin1') =>
  bytes.includes(Buffer.from(text, encoding));

/**
 * What the file really is, read from its bytes: PDF ("%PDF-"), PPTX (a ZIP holding
 * ppt/presentation.xml), ODP (a ZIP whose first entry "mimetype" names an ODF presentation) or
 * PPT (an OLE2 compound file with a "PowerPoint Document" stream). Null for anything else,
 * including a Word file renamed .pptx.
 */
export function detectPresentation(bytes: Buffer): PresentationType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return pdf;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF stores "mimetype" first and uncompressed, so its content sits at a fixed place.
    if (bytes.subarray(30, 38).toString('latin1') === 'mimetype') {
      return bytes
        .subarray(38, 38 + 60)
        .toString('latin1')
        .startsWith(odp.contentType)
        ? odp
        : null;
    }
    return contains(bytes, 'ppt/presentation.xml') && contains(bytes, '[Content_Types].xml') ? pptx : null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return contains(bytes, 'PowerPoint Document', 'utf16le') ? ppt : null;
  }
  return null;
}

/**
 * A name safe on any file system, with the detected extension. Letters and digits of every script
 * are kept (`名前 ü.pdf` stays so); path separators, control and reserved characters are not.
 * The download header encodes it (RFC 6266), so it need not be ASCII.
 */
export function safeFileName(name: string, extension: string): string {
  const base = [
    ...name
      .normalize('NFC')
      .replace(/^.*[/\\]/, '')
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[-. ]+|[-. ]+$/g, ''),
  ]
    .slice(0, 100)
    .join('');
  return `${base || 'presentation'}.${extension}`;
}

export type UploadOutcome =
  | { ok: true }
  | { ok: false; reason: 'fileRequired' | 'fileTooLarge' | 'fileType' | 'fileExpanded' | 'fileDamaged' };

/** Stores the participant's office presentation, replacing an earlier one. */
export async function storePresentation(
  db: Db,
  account: Account,
  participantId: number,
  file: File | null,
): Promise<UploadOutcome> {
  if (!file || file.size === 0) return { ok: false, reason: 'fileRequired' };
  if (file.size > maxPresentationBytes) return { ok: false, reason: 'fileTooLarge' };
  const content = Buffer.from(await file.arrayBuffer());
  const type = detectPresentation(content);
  // The extension must agree with the bytes: a PDF named .pptx is refused too.
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (!type || extension !== type.extension) return { ok: false, reason: 'fileType' };
  // PPTX and ODP are ZIP archives: the coordinator's office suite will inflate every part.
  if (isZip(content)) {
    const check = checkZipArchive(content, documentZipLimits);
    if (!check.ok)
      return { ok: false, reason: check.problem === 'too-expanded' ? 'fileExpanded' : 'fileDamaged' };
  }
  await inTransaction(db, async (t) => {
    await t
      .delete(participantFiles)
      .where(
        and(
          eq(participantFiles.participantId, participantId),
          eq(participantFiles.kind, 'office-presentation'),
        ),
      );
    const [created] = await t
      .insert(participantFiles)
      .values({
        participantId,
        kind: 'office-presentation',
        fileName: safeFileName(file.name, type.extension),
        contentType: type.contentType,
        sizeBytes: content.length,
        content,
        uploadedBy: account.id,
      })
      .returning({ id: participantFiles.id });
    await recordAudit(t, actorOf(account), {
      action: 'upload',
      table: 'participant_files',
      id: created?.id ?? 0,
      after: {
        participantId,
        kind: 'office-presentation',
        contentType: type.contentType,
        sizeBytes: content.length,
      },
    });
  });
  return { ok: true };
}

export async function participantFile(db: Db, participantId: number, fileId: number) {
  const [file] = await db
    .select()
    .from(participantFiles)
    .where(and(eq(participantFiles.id, fileId), eq(participantFiles.participantId, participantId)));
  return file ?? null;
}
