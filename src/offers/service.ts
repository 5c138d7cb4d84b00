import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { coordinatedAgencies, reportingParties } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import { matchesSearch } from '../activities/full-text-query.ts';
import { activities } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import type { LocalizedText } from '../db/columns.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { KindOfHelp } from '../needs/taxonomy.ts';
import { programmeOrganizers, trainingEditions, trainingProgrammes } from '../training/schema.ts';
import { type OfferInput, ownerOf } from './forms.ts';
import { type OfferStatus, offers } from './schema.ts';

export type Offer = typeof offers.$inferSelect;

/** What the form saves: the input less the owner field, which becomes the two owner columns. */
const columnsOf = (input: OfferInput) => ({
  ...ownerOf(input.owner),
  title: input.title,
  description: input.description,
  language: input.language,
  ipAreas: input.ipAreas,
  kindsOfHelp: input.kindsOfHelp,
  eligibleParties: input.eligibleParties,
  eligibleRegions: input.eligibleRegions,
  languages: input.languages,
  capacity: input.capacity,
  deadline: input.deadline,
  status: input.status,
});

export async function createOffer(
  db: Db,
  actor: Actor,
  input: OfferInput,
  options: { isSample?: boolean } = {},
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const values = columnsOf(input);
    const [row] = await tx
      .insert(offers)
      .values({ ...values, isSample: options.isSample ?? false, createdBy: actor.userId })
      .returning({ id: offers.id });
    if (!row) throw new Error('offer insert returned nothing');
    await recordAudit(tx, actor, { action: 'create', table: 'offers', id: row.id, after: values });
    return row.id;
  });
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'stale' };

/** Saves a changed offer; `seenVersion` is the version the form was made from (a change meanwhile wins). */
export async function updateOffer(
  db: Db,
  actor: Actor,
  id: number,
  seenVersion: number,
  input: OfferInput,
): Promise<UpdateResult> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(offers).where(eq(offers.id, id)).for('update');
    if (!before || before.version !== seenVersion) return { ok: false, reason: 'stale' };
    const values = columnsOf(input);
    await tx
      .update(offers)
      .set({ ...values, ...touch(offers) })
      .where(eq(offers.id, id));
    const { createdAt: _c, updatedAt: _u, version: _v, ...kept } = before;
    await recordAudit(tx, actor, { action: 'update', table: 'offers', id, before: kept, after: values });
    return { ok: true };
  });
}

export async function offerById(db: Db, id: number): Promise<Offer | null> {
  const [row] = await db.select().from(offers).where(eq(offers.id, id));
  return row ?? null;
}

export type OfferFilters = {
  q?: string | undefined;
  area?: string | undefined;
  kind?: KindOfHelp | undefined;
  /** Offers that name this region or grouping (or name none). */
  region?: string | undefined;
  status?: OfferStatus | undefined;
};

/** Published offers (every saved offer is public), open ones first, newest first. */
export async function listOffers(db: Db, filters: OfferFilters = {}, limit = 500): Promise<Offer[]> {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(offers.status, filters.status));
  if (filters.area) where.push(sql`${offers.ipAreas} @> ${JSON.stringify([filters.area])}::jsonb`);
  if (filters.kind) where.push(sql`${offers.kindsOfHelp} @> ${JSON.stringify([filters.kind])}::jsonb`);
  if (filters.region) {
    const named = sql`${offers.eligibleRegions} @> ${JSON.stringify([filters.region])}::jsonb`;
    const open = sql`(${offers.eligibleRegions} = '[]'::jsonb and ${offers.eligibleParties} = '[]'::jsonb)`;
    where.push(or(named, open) as SQL);
  }
  if (filters.q?.trim()) {
    where.push(matchesSearch(sql`(${offers.title} || ' ' || ${offers.description})`, filters.q));
  }
  return db
    .select()
    .from(offers)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(offers.status), desc(offers.createdAt), desc(offers.id))
    .limit(limit);
}

/** The offers of the parties and agencies the account publishes for, newest first. */
export async function offersManagedBy(db: Db, account: Account): Promise<Offer[]> {
  const parties = reportingParties(account);
  const agencyIds = coordinatedAgencies(account);
  const conditions: SQL[] = [];
  if (parties.length) conditions.push(inArray(offers.donorPartyCode, parties));
  if (agencyIds.length) conditions.push(inArray(offers.agencyId, agencyIds));
  if (!conditions.length) return [];
  return db
    .select()
    .from(offers)
    .where(or(...conditions))
    .orderBy(desc(offers.createdAt), desc(offers.id));
}

export type AgencyName = { id: number; code: string; acronym: string | null; name: LocalizedText };

/** Agencies by id, for naming the agencies offers belong to. */
export async function agencyNames(db: Db, ids: number[]): Promise<Map<number, AgencyName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, acronym: agencies.acronym, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The agencies the account coordinates, for the owner choices of the form. */
export const coordinatedAgencyNames = (db: Db, account: Account) =>
  agencyNames(db, coordinatedAgencies(account));

/**
 * A training edition open for nominations, read as an offer: training of personnel, in the
 * edition's languages, for its capacity, until its nomination deadline. It is not copied into the
 * offers table: the edition stays the one record.
 */
export type EditionOffer = {
  editionId: number;
  programmeId: number;
  programmeName: LocalizedText;
  year: number;
  ipAreas: string[];
  kindsOfHelp: KindOfHelp[];
  languages: string[];
  capacity: number | null;
  deadline: string | null;
  startDate: string | null;
  organizers: string[];
};

export async function editionsOpenForNominations(db: Db): Promise<EditionOffer[]> {
  const rows = await db
    .select({
      edition: trainingEditions,
      programmeName: trainingProgrammes.name,
      interestAreas: trainingProgrammes.interestAreas,
      activityAreas: activities.ipAreas,
    })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingEditions.programmeId, trainingProgrammes.id))
    .leftJoin(activities, eq(trainingEditions.activityId, activities.id))
    .where(eq(trainingEditions.status, 'open'))
    .orderBy(asc(trainingEditions.nominationDeadline), asc(trainingEditions.id));
  if (!rows.length) return [];
  const organizerRows = await db
    .select({
      programmeId: programmeOrganizers.programmeId,
      acronym: agencies.acronym,
      code: agencies.code,
    })
    .from(programmeOrganizers)
    .innerJoin(agencies, eq(programmeOrganizers.agencyId, agencies.id))
    .where(
      inArray(
        programmeOrganizers.programmeId,
        rows.map((row) => row.edition.programmeId),
      ),
    );
  return rows.map(({ edition, programmeName, interestAreas, activityAreas }) => ({
    editionId: edition.id,
    programmeId: edition.programmeId,
    programmeName,
    year: edition.year,
    ipAreas: activityAreas?.length ? activityAreas : interestAreas,
    kindsOfHelp: ['training-personnel'],
    languages: edition.deliveryLanguages,
    capacity: edition.capacity,
    deadline: edition.nominationDeadline,
    startDate: edition.startDate,
    organizers: organizerRows
      .filter((row) => row.programmeId === edition.programmeId)
      .map((row) => row.acronym ?? row.code),
  }));
}

/** Whether an edition offer passes the list's filters (editions have no region restriction). */
export function editionMatches(edition: EditionOffer, filters: OfferFilters, name: string): boolean {
  if (filters.status === 'closed') return false;
  if (filters.area && !edition.ipAreas.includes(filters.area)) return false;
  if (filters.kind && !edition.kindsOfHelp.includes(filters.kind)) return false;
  if (filters.q?.trim() && !name.toLowerCase().includes(filters.q.trim().toLowerCase())) return false;
  return true;
}
