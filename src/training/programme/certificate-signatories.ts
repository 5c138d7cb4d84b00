import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { certificateSignatories } from '../schema.ts';

/**
 * The people who sign a programme's certificates, kept per programme and apart from the
 * signatories of its agreements: those signed the memorandum, not certificates. The PDF draws each
 * one's signature image (optional) above their name, title and organization.
 */

/** A signature is a small picture: 300 KB is plenty for a scan at print resolution. */
export const maxSignatureBytes = 300 * 1024;

export type SignatureType = 'image/png' | 'image/jpeg';

/** What the image really is, from its first bytes (PNG's 8-byte signature, JPEG's SOI marker); null otherwise. */
export function detectSignatureImage(bytes: Buffer): SignatureType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

// Error texts are keys of the training messages.
export const signatoryFormSchema = z.object({
  name: z.string().min(1, 'signatoryNameRequired').max(200, 'signatoryNameRequired'),
  title: z.string().min(1, 'signatoryTitleRequired').max(200, 'signatoryTitleRequired'),
  organization: z.string().min(1, 'signatoryOrganizationRequired').max(300, 'signatoryOrganizationRequired'),
});
export type SignatoryInput = z.output<typeof signatoryFormSchema>;

export type CertificateSignatory = {
  id: number;
  name: string;
  title: string;
  organization: string;
  signature: { type: SignatureType; data: Buffer } | null;
};

export async function signatoriesOf(db: Db, programmeId: number): Promise<CertificateSignatory[]> {
  const rows = await db
    .select()
    .from(certificateSignatories)
    .where(eq(certificateSignatories.programmeId, programmeId))
    .orderBy(asc(certificateSignatories.position), asc(certificateSignatories.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    organization: row.organization,
    signature: row.signature && row.signatureType ? { type: row.signatureType, data: row.signature } : null,
  }));
}

/** A certificate has room for three signatures side by side. */
export const maxSignatories = 3;

export async function addSignatory(
  db: Db,
  account: Account,
  programmeId: number,
  input: SignatoryInput,
): Promise<number | null> {
  return inTransaction(db, async (t) => {
    const [{ n = 0 } = {}] = await t
      .select({ n: sql<number>`count(*)::int` })
      .from(certificateSignatories)
      .where(eq(certificateSignatories.programmeId, programmeId));
    if (n >= maxSignatories) return null;
    const [row] = await t
      .insert(certificateSignatories)
      .values({ programmeId, position: n + 1, ...input })
      .returning({ id: certificateSignatories.id });
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'certificate_signatories',
      id: row?.id ?? 0,
      after: { programmeId, ...input },
    });
    return row?.id ?? null;
  });
}

export async function removeSignatory(
  db: Db,
  account: Account,
  programmeId: number,
  signatoryId: number,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const removed = await t
      .delete(certificateSignatories)
      .where(
        and(eq(certificateSignatories.id, signatoryId), eq(certificateSignatories.programmeId, programmeId)),
      )
      .returning({ name: certificateSignatories.name, title: certificateSignatories.title });
    if (removed.length === 0) return false;
    await recordAudit(t, actorOf(account), {
      action: 'delete',
      table: 'certificate_signatories',
      id: signatoryId,
      before: removed[0],
    });
    return true;
  });
}

export type SignatureOutcome =
  | { ok: true }
  | { ok: false; reason: 'signatureRequired' | 'signatureTooLarge' | 'signatureNotImage' };

/** Stores a signature image after checking its size and its first bytes (not its name or declared type). */
export async function setSignature(
  db: Db,
  account: Account,
  programmeId: number,
  signatoryId: number,
  file: File | null,
): Promise<SignatureOutcome | null> {
  if (!file || file.size === 0) return { ok: false, reason: 'signatureRequired' };
  if (file.size > maxSignatureBytes) return { ok: false, reason: 'signatureTooLarge' };
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = detectSignatureImage(bytes);
  if (!type) return { ok: false, reason: 'signatureNotImage' };
  return inTransaction(db, async (t) => {
    const updated = await t
      .update(certificateSignatories)
      .set({ signature: bytes, signatureType: type, ...touch(certificateSignatories) })
      .where(
        and(eq(certificateSignatories.id, signatoryId), eq(certificateSignatories.programmeId, programmeId)),
      )
      .returning({ id: certificateSignatories.id });
    if (updated.length === 0) return null;
    await recordAudit(t, actorOf(account), {
      action: 'upload-signature',
      table: 'certificate_signatories',
      id: signatoryId,
      after: { type, sizeBytes: bytes.length },
    });
    return { ok: true as const };
  });
}
