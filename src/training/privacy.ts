import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { userRoles } from '../accounts/roles-schema.ts';
import { notifications, sessions, users } from '../accounts/schema.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { syncEditionActivity } from './edition-activity.ts';
import { nominationNoticeLink } from './editions/selection.ts';
import {
  certificates,
  nominations,
  participantFiles,
  participants,
  projectComments,
  projectMilestones,
  researchProjects,
  trainingEditions,
  trainingProgrammes,
} from './schema.ts';

/** The name an erased participant keeps, so counts by edition and party stay right. */
export const erasedName = 'Erased';

/** What a nomination holds about the person, and what it becomes on erasure. */
const nominationPersonalFields = {
  candidateName: erasedName,
  position: '',
  email: '',
  phone: null,
  motivation: '',
  gender: null,
  consentPublicName: false,
  // Whoever sent the public form is erased with the candidate: the row then names no one.
  nominatorName: null,
  nominatorEmail: null,
};

/**
 * Everything stored about a participant, as JSON (a data subject's copy): the participant record,
 * the nomination that put them forward, their research project with milestones and comments, the
 * files they handed in (metadata; the files themselves are downloadable from their page), their
 * certificate and the accounts that act as them. Null for an unknown id. Audit-recorded.
 */
export async function exportPersonData(db: Db, participantId: number, actor: Actor = systemActor) {
  return inTransaction(db, async (t) => {
    const [participant] = await t.select().from(participants).where(eq(participants.id, participantId));
    if (!participant) return null;
    const [edition] = await t
      .select({ id: trainingEditions.id, year: trainingEditions.year, programme: trainingProgrammes.name })
      .from(trainingEditions)
      .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
      .where(eq(trainingEditions.id, participant.editionId));
    const [nomination] = participant.nominationId
      ? await t.select().from(nominations).where(eq(nominations.id, participant.nominationId))
      : [];
    const [project] = await t
      .select()
      .from(researchProjects)
      .where(eq(researchProjects.participantId, participantId));
    const milestones = project
      ? await t
          .select()
          .from(projectMilestones)
          .where(eq(projectMilestones.projectId, project.id))
          .orderBy(asc(projectMilestones.id))
      : [];
    const comments = project
      ? await t
          .select()
          .from(projectComments)
          .where(eq(projectComments.projectId, project.id))
          .orderBy(asc(projectComments.id))
      : [];
    const files = await t
      .select({
        id: participantFiles.id,
        kind: participantFiles.kind,
        fileName: participantFiles.fileName,
        contentType: participantFiles.contentType,
        sizeBytes: participantFiles.sizeBytes,
        uploadedAt: participantFiles.uploadedAt,
      })
      .from(participantFiles)
      .where(eq(participantFiles.participantId, participantId));
    const [certificate] = await t
      .select({ code: certificates.code, issuedAt: certificates.issuedAt, revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(eq(certificates.participantId, participantId));
    const accounts = await t
      .select({
        email: users.email,
        displayName: users.displayName,
        preferredLanguage: users.preferredLanguage,
      })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.role, 'participant'), eq(userRoles.participantId, participantId)));
    await recordAudit(t, actor, { action: 'export-personal-data', table: 'participants', id: participantId });
    return {
      exportedAt: new Date().toISOString(),
      edition: edition ?? null,
      participant,
      nomination: nomination ?? null,
      project: project ?? null,
      milestones,
      comments,
      files,
      certificate: certificate ?? null,
      accounts,
    };
  });
}

export type PersonDataExport = NonNullable<Awaited<ReturnType<typeof exportPersonData>>>;

/**
 * Erases a participant's personal data while keeping the edition's figures right.
 *
 * Kept: the participant row (edition, party, IP office, completion date, sample flag), so counts by
 * edition, party, region and completion do not change; and the nomination row with its status,
 * party, office and rank, so the selection history adds up.
 * Erased: name (becomes "Erased"), position, e-mail, gender (gender counts then show "not stated"),
 * public-name consent and advisor on the participant; name, position, e-mail, phone, motivation
 * and gender on the nomination; the research project with its milestones and comments; every file;
 * the certificate (its verification link then finds nothing). Accounts acting as this participant
 * lose the participant role; an account left with no role is disabled and its address and name
 * replaced, as it only existed for this person.
 * The audit row names the fields erased, never their values. Returns false for an unknown id.
 */
export async function erasePersonData(db: Db, actor: Actor, participantId: number): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const [participant] = await t.select().from(participants).where(eq(participants.id, participantId));
    if (!participant) return false;
    await t
      .update(participants)
      .set({
        name: erasedName,
        position: null,
        email: null,
        gender: null,
        consentPublicName: false,
        advisorId: null,
        ...touch(participants),
      })
      .where(eq(participants.id, participantId));
    if (participant.nominationId) {
      await t
        .update(nominations)
        .set({ ...nominationPersonalFields, ...touch(nominations) })
        .where(eq(nominations.id, participant.nominationId));
      // Decision notices name the candidate: they go with the name.
      await t
        .delete(notifications)
        .where(eq(notifications.link, nominationNoticeLink(participant.nominationId)));
    }
    const files = await t
      .delete(participantFiles)
      .where(eq(participantFiles.participantId, participantId))
      .returning({ id: participantFiles.id });
    // Milestones and comments go with the project (ON DELETE CASCADE).
    const projects = await t
      .delete(researchProjects)
      .where(eq(researchProjects.participantId, participantId))
      .returning({ id: researchProjects.id });
    const certificateRows = await t
      .delete(certificates)
      .where(eq(certificates.participantId, participantId))
      .returning({ id: certificates.id });
    const grants = await t
      .delete(userRoles)
      .where(and(eq(userRoles.role, 'participant'), eq(userRoles.participantId, participantId)))
      .returning({ userId: userRoles.userId });
    const accountIds = [...new Set(grants.map((g) => g.userId))];
    const orphaned = accountIds.length
      ? await t
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              inArray(users.id, accountIds),
              sql`NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = ${users.id})`,
            ),
          )
      : [];
    for (const { id } of orphaned) {
      await t
        .update(users)
        .set({
          email: `erased-${id}@invalid`,
          displayName: erasedName,
          passwordHash: null,
          disabledAt: sql`now()`,
          ...touch(users),
        })
        .where(eq(users.id, id));
      await t.delete(sessions).where(eq(sessions.userId, id));
    }
    await recordAudit(t, actor, {
      action: 'erase-personal-data',
      table: 'participants',
      id: participantId,
      after: {
        erased: ['name', 'position', 'email', 'gender', 'consentPublicName', 'advisorId'],
        nominationErased: participant.nominationId ? Object.keys(nominationPersonalFields) : [],
        filesDeleted: files.length,
        projectDeleted: projects.length > 0,
        certificateDeleted: certificateRows.length > 0,
        accountsUnlinked: accountIds.length,
        accountsDisabled: orphaned.length,
      },
    });
    await syncEditionActivity(t, participant.editionId, actor);
    return true;
  });
}

/**
 * Erases a candidate who never became a participant (waitlisted, declined…): the nomination keeps
 * its edition, party, office, status and rank, so selection figures still add up. A selected
 * candidate is erased through their participant record instead ('participant').
 */
export async function eraseNominationData(
  db: Db,
  actor: Actor,
  nominationId: number,
): Promise<'erased' | 'unknown' | 'participant'> {
  return inTransaction(db, async (t) => {
    const [nomination] = await t
      .select({ id: nominations.id })
      .from(nominations)
      .where(eq(nominations.id, nominationId));
    if (!nomination) return 'unknown';
    const [participant] = await t
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.nominationId, nominationId));
    if (participant) return 'participant';
    await t
      .update(nominations)
      .set({ ...nominationPersonalFields, ...touch(nominations) })
      .where(eq(nominations.id, nominationId));
    await t.delete(notifications).where(eq(notifications.link, nominationNoticeLink(nominationId)));
    await recordAudit(t, actor, {
      action: 'erase-personal-data',
      table: 'nominations',
      id: nominationId,
      after: { erased: Object.keys(nominationPersonalFields) },
    });
    return 'erased';
  });
}
