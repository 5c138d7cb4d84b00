import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { advisingAgencies } from '../../accounts/policy.ts';
import { userRoles } from '../../accounts/roles-schema.ts';
import { users } from '../../accounts/schema.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { organizerAgencyIds, type Participant } from '../access.ts';
import {
  certificates,
  nominations,
  participantFiles,
  participants,
  programmeOrganizers,
  projectComments,
  projectMilestones,
  researchProjects,
  trainingEditions,
  trainingProgrammes,
} from '../schema.ts';

/** Everything the participant page shows; only for those participantAccess lets in. */
export async function participantDetail(db: Db, participant: Participant) {
  const [nomination] = participant.nominationId
    ? await db.select().from(nominations).where(eq(nominations.id, participant.nominationId))
    : [];
  const [project] = await db
    .select()
    .from(researchProjects)
    .where(eq(researchProjects.participantId, participant.id));
  const [milestones, comments, files, certificate, advisor] = await Promise.all([
    project
      ? db
          .select()
          .from(projectMilestones)
          .where(eq(projectMilestones.projectId, project.id))
          .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.id))
      : [],
    project
      ? db
          .select({
            id: projectComments.id,
            body: projectComments.body,
            createdAt: projectComments.createdAt,
            author: users.displayName,
          })
          .from(projectComments)
          .leftJoin(users, eq(users.id, projectComments.authorId))
          .where(eq(projectComments.projectId, project.id))
          .orderBy(asc(projectComments.createdAt), asc(projectComments.id))
      : [],
    db
      .select({
        id: participantFiles.id,
        kind: participantFiles.kind,
        fileName: participantFiles.fileName,
        contentType: participantFiles.contentType,
        sizeBytes: participantFiles.sizeBytes,
        uploadedAt: participantFiles.uploadedAt,
      })
      .from(participantFiles)
      .where(eq(participantFiles.participantId, participant.id))
      .orderBy(asc(participantFiles.id)),
    db
      .select({ code: certificates.code, issuedAt: certificates.issuedAt, revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(eq(certificates.participantId, participant.id))
      .then((rows) => rows[0] ?? null),
    participant.advisorId
      ? db
          .select({ id: users.id, displayName: users.displayName, email: users.email })
          .from(users)
          .where(eq(users.id, participant.advisorId))
          .then((rows) => rows[0] ?? null)
      : null,
  ]);
  return {
    participant,
    nomination: nomination ?? null,
    project: project ?? null,
    milestones,
    comments,
    files,
    certificate,
    advisor,
  };
}

export type ParticipantDetail = Awaited<ReturnType<typeof participantDetail>>;

/** People who may advise a programme's participants: enabled accounts with the advisor role at an organizer agency. */
export async function advisorsFor(db: Db, programmeId: number) {
  const agencyIds = await organizerAgencyIds(db, programmeId);
  if (agencyIds.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(eq(userRoles.role, 'advisor'), inArray(userRoles.agencyId, agencyIds), isNull(users.disabledAt)),
    )
    .orderBy(asc(users.displayName));
}

/** Assigns (or clears, with null) the advisor; false when the person is not an advisor of the organizer. */
export async function assignAdvisor(
  db: Db,
  account: Account,
  participant: Participant,
  programmeId: number,
  advisorId: number | null,
): Promise<boolean> {
  if (advisorId !== null && !(await advisorsFor(db, programmeId)).some((a) => a.id === advisorId))
    return false;
  await inTransaction(db, async (t) => {
    await t
      .update(participants)
      .set({ advisorId, ...touch(participants) })
      .where(eq(participants.id, participant.id));
    await recordAudit(t, actorOf(account), {
      action: 'assign-advisor',
      table: 'participants',
      id: participant.id,
      before: { advisorId: participant.advisorId },
      after: { advisorId },
    });
  });
  return true;
}

/** Marks the requirements met (or not); a participant holding a certificate stays completed. */
export async function setCompleted(
  db: Db,
  account: Account,
  participant: Participant,
  completed: boolean,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    if (!completed) {
      const [certificate] = await t
        .select({ id: certificates.id })
        .from(certificates)
        .where(eq(certificates.participantId, participant.id));
      if (certificate) return false;
    }
    const completedAt = completed ? (participant.completedAt ?? new Date()) : null;
    await t
      .update(participants)
      .set({ completedAt, ...touch(participants) })
      .where(eq(participants.id, participant.id));
    await recordAudit(t, actorOf(account), {
      action: completed ? 'complete' : 'reopen',
      table: 'participants',
      id: participant.id,
      before: { completedAt: participant.completedAt },
      after: { completedAt },
    });
    return true;
  });
}

const participantSummary = {
  id: participants.id,
  name: participants.name,
  office: participants.office,
  partyCode: participants.partyCode,
  isSample: participants.isSample,
  completedAt: participants.completedAt,
  editionId: trainingEditions.id,
  year: trainingEditions.year,
  programmeName: trainingProgrammes.name,
  projectTitle: researchProjects.title,
  projectStatus: researchProjects.status,
};

/** The participants an advisor is assigned to, in programmes their agency organizes. */
export async function advisedParticipants(db: Db, account: Account) {
  const agencyIds = advisingAgencies(account);
  if (agencyIds.length === 0) return [];
  return db
    .selectDistinct(participantSummary)
    .from(participants)
    .innerJoin(trainingEditions, eq(trainingEditions.id, participants.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .innerJoin(programmeOrganizers, eq(programmeOrganizers.programmeId, trainingProgrammes.id))
    .leftJoin(researchProjects, eq(researchProjects.participantId, participants.id))
    .where(
      and(
        eq(participants.advisorId, account.id),
        eq(programmeOrganizers.role, 'organizer'),
        inArray(programmeOrganizers.agencyId, agencyIds),
      ),
    )
    .orderBy(asc(participants.name));
}

export async function participantsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select(participantSummary)
    .from(participants)
    .innerJoin(trainingEditions, eq(trainingEditions.id, participants.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .leftJoin(researchProjects, eq(researchProjects.participantId, participants.id))
    .where(inArray(participants.id, ids))
    .orderBy(asc(trainingEditions.year));
}
