import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { focalPointParties } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
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

/**
 * A nomination a focal point may change: one for a party they speak for (NotFoundError when
 * unknown, ForbiddenError otherwise).
 */
export async function nominationForFocalPoint(db: Db, account: Account, nominationId: number) {
  const [row] = await db
    .select({ nomination: nominations, programmeName: trainingProgrammes.name, edition: trainingEditions })
    .from(nominations)
    .innerJoin(trainingEditions, eq(trainingEditions.id, nominations.editionId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(nominations.id, nominationId));
  if (!row) throw new NotFoundError('nomination');
  if (!focalPointParties(account).includes(row.nomination.partyCode)) throw new ForbiddenError();
  return row;
}

/** Until the coordinator decides, the nominating office may still change its nomination. */
export const undecided = (nomination: { status: string }) => nomination.status === 'nominated';

/** The nomination, locked for this transaction, while no decision is taken on it; null after one. */
async function lockUndecided(t: Db, nominationId: number) {
  const [current] = await t.select().from(nominations).where(eq(nominations.id, nominationId)).for('update');
  return current && undecided(current) ? current : null;
}

/**
 * The focal point corrects a nomination the coordinator has not decided on yet; 'decided' when a
 * decision came first (the row is locked, so a decision and an edit cannot cross).
 */
export async function updateNomination(
  db: Db,
  account: Account,
  nominationId: number,
  input: NominationInput,
): Promise<'updated' | 'decided'> {
  return inTransaction(db, async (t) => {
    const current = await lockUndecided(t, nominationId);
    if (!current) return 'decided';
    const { nominatorName: _name, nominatorEmail: _email, ...fields } = input;
    await t
      .update(nominations)
      .set({ ...fields, ...touch(nominations) })
      .where(eq(nominations.id, nominationId));
    // Which fields changed, never their values: personal data must stay erasable.
    const changed = (Object.keys(fields) as Array<keyof typeof fields>).filter(
      (key) => String(fields[key] ?? '') !== String(current[key] ?? ''),
    );
    await recordAudit(t, actorOf(account), {
      action: 'update',
      table: 'nominations',
      id: nominationId,
      after: { changed },
    });
    return 'updated';
  });
}

/** The office takes its candidate back before the decision; the coordinator sees "withdrawn". */
export async function withdrawNomination(
  db: Db,
  account: Account,
  nominationId: number,
): Promise<'withdrawn' | 'decided'> {
  return inTransaction(db, async (t) => {
    const current = await lockUndecided(t, nominationId);
    if (!current) return 'decided';
    await t
      .update(nominations)
      .set({ status: 'withdrawn', ...touch(nominations) })
      .where(eq(nominations.id, nominationId));
    await recordAudit(t, actorOf(account), {
      action: 'withdraw',
      table: 'nominations',
      id: nominationId,
      before: { status: current.status },
      after: { status: 'withdrawn' },
    });
    return 'withdrawn';
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
