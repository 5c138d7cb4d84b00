import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Account } from '../accounts/service.ts';
import type { LocalizedText } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { coordinatedProgrammeIds } from './access.ts';
import {
  nominations,
  participants,
  projectComments,
  researchProjects,
  trainingEditions,
  trainingProgrammes,
} from './schema.ts';

/** What waits for people in training, counted for the workspace page; queries only, no HTTP. */

export type EditionAttention = {
  id: number;
  year: number;
  programmeName: LocalizedText;
  status: string;
  /** Nominations of this edition nobody has decided on yet. */
  undecided: number;
};

/** The editions a coordinator runs that are open for nominations or in selection, with their undecided nominations. */
export async function coordinatorAttention(db: Db, account: Account): Promise<EditionAttention[]> {
  const programmeIds = await coordinatedProgrammeIds(db, account);
  if (programmeIds.length === 0) return [];
  return db
    .select({
      id: trainingEditions.id,
      year: trainingEditions.year,
      programmeName: trainingProgrammes.name,
      status: trainingEditions.status,
      undecided: sql<number>`(select count(*)::int from ${nominations} where ${nominations.editionId} = ${trainingEditions.id} and ${nominations.status} = 'nominated')`,
    })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(
      and(
        inArray(trainingEditions.programmeId, programmeIds),
        inArray(trainingEditions.status, ['open', 'selection']),
      ),
    )
    .orderBy(asc(trainingEditions.year), asc(trainingEditions.id));
}

export type ProjectAttention = { participantId: number; name: string; isSample: boolean; title: string };

/** Research projects of the participants an advisor is assigned to that have no comment of theirs yet. */
export async function advisorAttention(db: Db, account: Account): Promise<ProjectAttention[]> {
  return db
    .select({
      participantId: participants.id,
      name: participants.name,
      isSample: participants.isSample,
      title: researchProjects.title,
    })
    .from(researchProjects)
    .innerJoin(participants, eq(participants.id, researchProjects.participantId))
    .where(
      and(
        eq(participants.advisorId, account.id),
        notExists(
          db
            .select({ id: projectComments.id })
            .from(projectComments)
            .where(
              and(
                eq(projectComments.projectId, researchProjects.id),
                eq(projectComments.authorId, account.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(participants.name));
}

/** How many of a focal point's nominations are in each status. */
export async function focalPointAttention(db: Db, account: Account): Promise<Map<string, number>> {
  const rows = await db
    .select({ status: nominations.status, count: sql<number>`count(*)::int` })
    .from(nominations)
    .where(eq(nominations.nominatedBy, account.id))
    .groupBy(nominations.status);
  return new Map(rows.map((row) => [row.status, row.count]));
}
