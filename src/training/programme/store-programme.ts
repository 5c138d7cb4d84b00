import { and, eq } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../../activities/schema.ts';
import { refreshActivitySearch } from '../../activities/search-index.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { NameResolver } from '../../reference/name-resolver.ts';
import { editionBeneficiaries } from '../edition-activity.ts';
import {
  editionSessions,
  programmeAgreements,
  programmeOrganizers,
  trainingEditions,
  trainingProgrammes,
} from '../schema.ts';
import type { ProgrammeArticleFacts } from './programme-article.ts';

export type ProgrammeIdentity = {
  code: string;
  name: string;
  organizerAgency: { code: string; id: number; partyCode: string };
  partnerAgency: { code: string; id: number };
  description: string;
  targetAudience: string;
  source: string;
};

/**
 * Stores a programme and the edition an announcement describes, and the Art. 67 activity the
 * edition is reported as (organizer's party as donor, participants' regions as beneficiaries).
 * Idempotent: the programme is keyed by code, the edition by year.
 */
export async function storeProgrammeEdition(
  db: Db,
  identity: ProgrammeIdentity,
  facts: ProgrammeArticleFacts,
  resolver: NameResolver,
): Promise<{ programmeId: number; editionId: number; activityId: number }> {
  const regionCodes = facts.edition.regions.map((name) => {
    const resolved = resolver.resolve(name);
    if (!resolved) throw new Error(`unknown region "${name}" in the programme announcement`);
    return { name, ...resolved };
  });
  const venueParty = resolver.resolve(facts.edition.country);
  const year = Number(facts.edition.startDate.slice(0, 4));

  return inTransaction(db, async (tx) => {
    const programmeValues = {
      code: identity.code,
      name: { en: identity.name },
      description: { en: identity.description },
      targetAudience: { en: identity.targetAudience },
      foundingYear: facts.foundingYear,
      historicParticipants: facts.historicParticipants,
      historicCountries: facts.historicCountries,
      historicNote: facts.historicNote,
      source: identity.source,
    };
    const [programme] = await tx
      .insert(trainingProgrammes)
      .values(programmeValues)
      .onConflictDoUpdate({
        target: trainingProgrammes.code,
        set: { ...programmeValues, ...touch(trainingProgrammes) },
      })
      .returning({ id: trainingProgrammes.id });
    if (!programme) throw new Error('programme upsert returned nothing');
    const programmeId = programme.id;

    await tx.delete(programmeOrganizers).where(eq(programmeOrganizers.programmeId, programmeId));
    await tx.insert(programmeOrganizers).values([
      { programmeId, agencyId: identity.organizerAgency.id, role: 'organizer' },
      { programmeId, agencyId: identity.partnerAgency.id, role: 'partner' },
    ]);
    await tx.delete(programmeAgreements).where(eq(programmeAgreements.programmeId, programmeId));
    await tx.insert(programmeAgreements).values({
      programmeId,
      title: `Memorandum of understanding between ${facts.signatories.map((s) => s.organization).join(' and ')} on executive training`,
      signedOn: facts.agreementSignedOn,
      signatories: facts.signatories,
    });

    const [existingEdition] = await tx
      .select({ id: trainingEditions.id, activityId: trainingEditions.activityId })
      .from(trainingEditions)
      .where(and(eq(trainingEditions.programmeId, programmeId), eq(trainingEditions.year, year)));

    const activityValues = {
      donorPartyCode: identity.organizerAgency.partyCode,
      title: { en: `${identity.name} ${year}` },
      description: {
        en: `${identity.name}, ${year} edition: ${facts.edition.participants} participants from IP offices in ${facts.edition.regions.join(', ')}. Topics: ${facts.topics.join('; ')}.`,
      },
      originalLanguage: 'en' as const,
      startDate: facts.edition.startDate,
      startPrecision: 'day' as const,
      endDate: facts.edition.endDate,
      endPrecision: 'day' as const,
      level: 'multilateral',
      activityType: 'training',
      ipAreas: ['office-administration'],
      deliveryMode: 'in-person' as const,
      deliveryLanguages: ['en'],
      status: 'completed' as const,
      source: 'training-edition',
    };
    let activityId = existingEdition?.activityId ?? null;
    if (activityId) {
      await tx
        .update(activities)
        .set({ ...activityValues, ...touch(activities) })
        .where(eq(activities.id, activityId));
      await tx.delete(activityBeneficiaries).where(eq(activityBeneficiaries.activityId, activityId));
      await tx.delete(activityAgencies).where(eq(activityAgencies.activityId, activityId));
    } else {
      const [inserted] = await tx.insert(activities).values(activityValues).returning({ id: activities.id });
      if (!inserted) throw new Error('activity insert returned nothing');
      activityId = inserted.id;
    }
    const id = activityId;
    // Once participants are recorded, their parties are the beneficiaries, as the edition sync
    // has them; the regions the announcement names stand in only until then.
    const recorded = existingEdition ? await editionBeneficiaries(tx, existingEdition.id, []) : [];
    const beneficiaries =
      recorded.length > 0
        ? recorded
        : regionCodes.map((region) => ({
            kind: region.kind,
            partyCode: region.kind === 'party' ? region.code : null,
            regionCode: region.kind === 'region' ? region.code : null,
            nameAsWritten: region.name,
          }));
    await tx
      .insert(activityBeneficiaries)
      .values(beneficiaries.map((b, index) => ({ activityId: id, position: index + 1, ...b })));
    await tx.insert(activityAgencies).values([
      { activityId: id, agencyId: identity.organizerAgency.id, role: 'implementing' },
      { activityId: id, agencyId: identity.partnerAgency.id, role: 'partner' },
    ]);

    const editionValues = {
      programmeId,
      year,
      startDate: facts.edition.startDate,
      endDate: facts.edition.endDate,
      venue: facts.edition.venue,
      venueCity: facts.edition.city,
      venuePartyCode: venueParty?.kind === 'party' ? venueParty.code : null,
      mode: 'in-person' as const,
      deliveryLanguages: ['en'],
      status: 'completed' as const,
      topics: facts.topics,
      reportedParticipants: facts.edition.participants,
      reportedParticipantRegions: regionCodes.map((r) => r.code),
      activityId: id,
      source: identity.source,
    };
    let editionId: number;
    if (existingEdition) {
      editionId = existingEdition.id;
      await tx
        .update(trainingEditions)
        .set({ ...editionValues, ...touch(trainingEditions) })
        .where(eq(trainingEditions.id, editionId));
      await tx.delete(editionSessions).where(eq(editionSessions.editionId, editionId));
    } else {
      const [inserted] = await tx
        .insert(trainingEditions)
        .values(editionValues)
        .returning({ id: trainingEditions.id });
      if (!inserted) throw new Error('edition insert returned nothing');
      editionId = inserted.id;
    }
    await tx
      .insert(editionSessions)
      .values(facts.sessions.map((session, index) => ({ editionId, position: index + 1, ...session })));
    await refreshActivitySearch(tx, [id]);
    return { programmeId, editionId, activityId: id };
  });
}
