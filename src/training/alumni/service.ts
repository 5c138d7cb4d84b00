import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../db/columns.ts';
import type { Db } from '../../db/database.ts';
import { certificates, participants, trainingEditions, trainingProgrammes } from '../schema.ts';
import { editionEnded } from '../took-part.ts';

export type Alumnus = {
  participantId: number;
  programmeName: LocalizedText;
  editionYear: number;
  name: string;
  position: string | null;
  office: string;
  partyCode: string;
  email: string | null;
  completed: boolean;
  certificateCode: string | null;
  consentPublicName: boolean;
  isSample: boolean;
};

/**
 * The alumni of the programmes: participants marked complete in editions that have ended (see
 * took-part.ts), newest edition first. Personal data: coordinators only.
 */
export async function alumniOf(db: Db, programmeIds: number[]): Promise<Alumnus[]> {
  if (programmeIds.length === 0) return [];
  const rows = await db
    .select({
      participantId: participants.id,
      programmeName: trainingProgrammes.name,
      editionYear: trainingEditions.year,
      name: participants.name,
      position: participants.position,
      office: participants.office,
      partyCode: participants.partyCode,
      email: participants.email,
      completedAt: participants.completedAt,
      certificateCode: certificates.code,
      consentPublicName: participants.consentPublicName,
      isSample: participants.isSample,
    })
    .from(participants)
    .innerJoin(trainingEditions, eq(trainingEditions.id, participants.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .leftJoin(
      certificates,
      and(eq(certificates.participantId, participants.id), isNull(certificates.revokedAt)),
    )
    .where(
      and(
        inArray(trainingProgrammes.id, programmeIds),
        isNotNull(participants.completedAt),
        editionEnded(sql`${trainingEditions}`),
      ),
    )
    .orderBy(desc(trainingEditions.year), asc(participants.partyCode), asc(participants.name));
  return rows.map(({ completedAt, ...row }) => ({ ...row, completed: completedAt !== null }));
}
