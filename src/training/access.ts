import { and, asc, eq, inArray } from 'drizzle-orm';
import { advisingAgencies, coordinatedAgencies, ownParticipantIds } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import { agencies } from '../agencies/schema.ts';
import type { Db } from '../db/database.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { participants, programmeOrganizers, trainingEditions, trainingProgrammes } from './schema.ts';

export type Edition = typeof trainingEditions.$inferSelect;
export type Programme = typeof trainingProgrammes.$inferSelect;
export type Participant = typeof participants.$inferSelect;

/** The agencies that run a programme (role 'organizer'; partners do not coordinate). */
export async function organizerAgencyIds(db: Db, programmeId: number): Promise<number[]> {
  const rows = await db
    .select({ agencyId: programmeOrganizers.agencyId })
    .from(programmeOrganizers)
    .where(and(eq(programmeOrganizers.programmeId, programmeId), eq(programmeOrganizers.role, 'organizer')));
  return rows.map((row) => row.agencyId);
}

/** The agencies behind a programme, organizer first, then partners: named on certificates and forms. */
export async function programmeAgencies(db: Db, programmeId: number) {
  const rows = await db
    .select({ role: programmeOrganizers.role, name: agencies.name, acronym: agencies.acronym })
    .from(programmeOrganizers)
    .innerJoin(agencies, eq(agencies.id, programmeOrganizers.agencyId))
    .where(eq(programmeOrganizers.programmeId, programmeId))
    .orderBy(asc(programmeOrganizers.role), asc(programmeOrganizers.agencyId));
  return rows;
}

const overlaps = (a: number[], b: number[]) => a.some((x) => b.includes(x));

export async function coordinatesProgramme(db: Db, account: Account, programmeId: number): Promise<boolean> {
  const mine = coordinatedAgencies(account);
  return mine.length > 0 && overlaps(mine, await organizerAgencyIds(db, programmeId));
}

/** Programmes whose organizer agency the account coordinates for. */
export async function coordinatedProgrammeIds(db: Db, account: Account): Promise<number[]> {
  const mine = coordinatedAgencies(account);
  if (mine.length === 0) return [];
  const rows = await db
    .selectDistinct({ programmeId: programmeOrganizers.programmeId })
    .from(programmeOrganizers)
    .where(and(inArray(programmeOrganizers.agencyId, mine), eq(programmeOrganizers.role, 'organizer')));
  return rows.map((row) => row.programmeId);
}

export async function programmeForCoordinator(db: Db, account: Account, programmeId: number) {
  const [programme] = await db
    .select()
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, programmeId));
  if (!programme) throw new NotFoundError('programme');
  if (!(await coordinatesProgramme(db, account, programmeId))) throw new ForbiddenError();
  return programme;
}

/** The edition, if the account coordinates its programme; NotFoundError when unknown, ForbiddenError when not theirs. */
export async function editionForCoordinator(db: Db, account: Account, editionId: number) {
  const [row] = await db
    .select({ edition: trainingEditions, programme: trainingProgrammes })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(trainingEditions.id, editionId));
  if (!row) throw new NotFoundError('edition');
  if (!(await coordinatesProgramme(db, account, row.programme.id))) throw new ForbiddenError();
  return row;
}

export type ParticipantAccess = {
  participant: Participant;
  edition: Edition;
  programme: Programme;
  asCoordinator: boolean;
  /** The participant's assigned advisor, still advising for an organizer agency. */
  asAdvisor: boolean;
  asSelf: boolean;
};

/**
 * Personal data of a participant is seen by the coordinators of the organizer, the participant's
 * advisor and the participant: anyone else gets ForbiddenError (NotFoundError for an unknown id).
 */
export async function participantAccess(
  db: Db,
  account: Account,
  participantId: number,
): Promise<ParticipantAccess> {
  const [row] = await db
    .select({ participant: participants, edition: trainingEditions, programme: trainingProgrammes })
    .from(participants)
    .innerJoin(trainingEditions, eq(trainingEditions.id, participants.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(participants.id, participantId));
  if (!row) throw new NotFoundError('participant');
  const organizers = await organizerAgencyIds(db, row.programme.id);
  const access: ParticipantAccess = {
    ...row,
    asCoordinator: overlaps(coordinatedAgencies(account), organizers),
    asAdvisor: row.participant.advisorId === account.id && overlaps(advisingAgencies(account), organizers),
    asSelf: ownParticipantIds(account).includes(participantId),
  };
  if (!access.asCoordinator && !access.asAdvisor && !access.asSelf) throw new ForbiddenError();
  return access;
}

/** Like participantAccess, for actions only some of the three may take. */
export async function participantAccessFor(
  db: Db,
  account: Account,
  participantId: number,
  allowed: (access: ParticipantAccess) => boolean,
): Promise<ParticipantAccess> {
  const access = await participantAccess(db, account, participantId);
  if (!allowed(access)) throw new ForbiddenError();
  return access;
}
