import { eq } from 'drizzle-orm';
import type { LocalizedText } from '../../db/columns.ts';
import type { Db } from '../../db/database.ts';
import { certificates, participants, trainingEditions, trainingProgrammes } from '../schema.ts';

/**
 * Certificate codes are random, 20 or more characters of base32 or base64url. Anything else is
 * refused before it reaches the database, so a crafted URL costs no query.
 */
export const isCertificateCode = (code: string): boolean => /^[A-Za-z0-9_-]{20,128}$/.test(code);

export type CertificateCheck = {
  valid: boolean;
  revoked: boolean;
  revokedAt: Date | null;
  /** Shown on purpose: the holder hands the link out to prove the certificate is theirs. */
  participantName: string;
  /** Demo people are invented; the verification page says so. */
  isSample: boolean;
  programme: { id: number; name: LocalizedText };
  edition: { id: number; year: number; startDate: string | null; endDate: string | null };
  issuedAt: Date;
};

/** What a certificate's verification link proves; null when there is no certificate with that code. */
export async function verifyCertificate(db: Db, code: string): Promise<CertificateCheck | null> {
  if (!isCertificateCode(code)) return null;
  const [row] = await db
    .select({
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      participantName: participants.name,
      isSample: participants.isSample,
      programmeId: trainingProgrammes.id,
      programmeName: trainingProgrammes.name,
      editionId: trainingEditions.id,
      year: trainingEditions.year,
      startDate: trainingEditions.startDate,
      endDate: trainingEditions.endDate,
    })
    .from(certificates)
    .innerJoin(participants, eq(participants.id, certificates.participantId))
    .innerJoin(trainingEditions, eq(trainingEditions.id, participants.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(certificates.code, code));
  if (!row) return null;
  const revoked = row.revokedAt !== null;
  return {
    valid: !revoked,
    revoked,
    revokedAt: row.revokedAt,
    participantName: row.participantName,
    isSample: row.isSample,
    programme: { id: row.programmeId, name: row.programmeName },
    edition: { id: row.editionId, year: row.year, startDate: row.startDate, endDate: row.endDate },
    issuedAt: row.issuedAt,
  };
}
