import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Edition } from '../access.ts';
import { nominations, trainingEditions, trainingProgrammes } from '../schema.ts';
import type { NominationInput } from './forms.ts';

export const today = () => new Date().toISOString().slice(0, 10);

/** Nominations are taken while the edition is open and its deadline (the whole day) has not passed. */
export const takesNominations = (edition: Pick<Edition, 'status' | 'nominationDeadline'>, on = today()) =>
  edition.status === 'open' && (!edition.nominationDeadline || on <= edition.nominationDeadline);

/** Editions taking nominations now, with their programme's name. */
export async function editionsTakingNominations(db: Db) {
  const rows = await db
    .select({ edition: trainingEditions, programmeName: trainingProgrammes.name })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(trainingEditions.status, 'open'))
    .orderBy(asc(trainingEditions.startDate), asc(trainingEditions.id));
  return rows.filter((row) => takesNominations(row.edition));
}

export async function editionWithProgramme(db: Db, editionId: number) {
  const [row] = await db
    .select({ edition: trainingEditions, programmeName: trainingProgrammes.name })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(trainingEditions.id, editionId));
  return row ?? null;
}

/**
 * Stores a nomination, from a focal point (nominatedBy) or the public form (null). Returns null
 * when the edition stopped taking nominations meanwhile.
 */
export async function createNomination(
  db: Db,
  account: Account | null,
  editionId: number,
  input: NominationInput,
): Promise<number | null> {
  return inTransaction(db, async (t) => {
    const [edition] = await t
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, editionId))
      .for('update');
    if (!edition || !takesNominations(edition)) return null;
    const [created] = await t
      .insert(nominations)
      .values({ editionId, nominatedBy: account?.id ?? null, ...input })
      .returning({ id: nominations.id });
    if (!created) throw new Error('nomination insert returned nothing');
    // No names or addresses in the audit trail: personal data must stay erasable.
    await recordAudit(t, account ? actorOf(account) : { userId: null, label: 'public nomination form' }, {
      action: 'nominate',
      table: 'nominations',
      id: created.id,
      after: { editionId, partyCode: input.partyCode, via: account ? 'focal-point' : 'public-form' },
    });
    return created.id;
  });
}

/** What the focal points of some parties nominated, and where each candidate stands. */
export async function nominationsOfOffices(db: Db, partyCodes: string[]) {
  if (partyCodes.length === 0) return [];
  return db
    .select({
      id: nominations.id,
      candidateName: nominations.candidateName,
      position: nominations.position,
      partyCode: nominations.partyCode,
      status: nominations.status,
      createdAt: nominations.createdAt,
      editionId: trainingEditions.id,
      year: trainingEditions.year,
      programmeName: trainingProgrammes.name,
    })
    .from(nominations)
    .innerJoin(trainingEditions, eq(trainingEditions.id, nominations.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(and(inArray(nominations.partyCode, partyCodes), isNotNull(nominations.nominatedBy)))
    .orderBy(desc(trainingEditions.year), asc(nominations.id));
}
