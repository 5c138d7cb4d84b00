import { and, eq, inArray } from 'drizzle-orm';
import { activities, activitySearch } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { cachedWhileUnchanged } from '../http/kept-answers.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import { needs, needsAssessments } from '../needs/schema.ts';
import type { KindOfHelp } from '../needs/taxonomy.ts';
import { partyGroups } from '../offers/eligibility.ts';
import { offers } from '../offers/schema.ts';
import { agencyNames, editionsOpenForNominations, type Offer } from '../offers/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { registryVersion } from '../reports/registry-version.ts';
import {
  type ActivityIndex,
  type ActivityProfile,
  candidatesFor,
  indexActivities,
  type NeedProfile,
  needsForDonor,
  needsForOffer,
  type OfferProfile,
  type Reason,
  rankForNeed,
} from './rank.ts';

/** Elements of Article 67 of a past activity, read as the kinds of help a need asks for. */
const kindOfElement: Record<string, KindOfHelp> = {
  'training-personnel': 'training-personnel',
  'laws-regulations': 'legislative-advice',
  'prevention-of-abuse': 'legislative-advice',
  'offices-agencies': 'equipment-automation',
  other: 'awareness',
};

const today = () => new Date().toISOString().slice(0, 10);

/** Published activities as the matching reads them (the search index holds only public ones). */
async function activityProfiles(db: Db): Promise<ActivityProfile[]> {
  const rows = await db
    .select({
      id: activitySearch.activityId,
      donor: activitySearch.donor,
      ipAreas: activitySearch.ipAreas,
      elements: activitySearch.elements,
      beneficiaries: activitySearch.beneficiaryCodes,
      regions: activitySearch.regionCodes,
      startDate: activitySearch.startDate,
      languages: activities.deliveryLanguages,
      originalLanguage: activities.originalLanguage,
    })
    .from(activitySearch)
    .innerJoin(activities, eq(activities.id, activitySearch.activityId))
    .where(eq(activities.isPublic, true))
    .orderBy(activitySearch.activityId);
  // Thousands of activities share a few hundred lists of areas, kinds, places and languages:
  // each list is kept once, so the profiles held between publications stay small.
  const lists = new Map<string, string[]>();
  const intern = <T extends string>(list: T[]): T[] => {
    const key = list.join('\u0000');
    const known = lists.get(key);
    if (known) return known as T[];
    lists.set(key, list);
    return list;
  };
  return rows.map((row) => ({
    id: `activity:${row.id}`,
    donor: row.donor,
    ipAreas: intern(row.ipAreas),
    kinds: intern([...new Set(row.elements.flatMap((element) => kindOfElement[element] ?? []))]),
    beneficiaries: intern(row.beneficiaries),
    regions: intern(row.regions),
    languages: intern(row.languages.length ? row.languages : [row.originalLanguage]),
    year: row.startDate ? Number(row.startDate.slice(0, 4)) : null,
  }));
}

/**
 * The published activities, indexed for the ranking, read once per state of the registry: a
 * publication, a change or a hiding of an activity (in any process) moves registryVersion, and
 * the next request reads them again. One cache per database.
 */
const activityIndexes = new WeakMap<Db, () => Promise<ActivityIndex>>();
export function publishedActivityIndex(db: Db): Promise<ActivityIndex> {
  let load = activityIndexes.get(db);
  if (!load) {
    load = cachedWhileUnchanged(
      () => registryVersion(db),
      async () => indexActivities(await activityProfiles(db)),
    );
    activityIndexes.set(db, load);
  }
  return load();
}

const offerProfile = (offer: Offer, donor: string): OfferProfile => ({
  key: `offer:${offer.id}`,
  donor,
  ipAreas: offer.ipAreas,
  kinds: offer.kindsOfHelp,
  eligibleParties: offer.eligibleParties,
  eligibleRegions: offer.eligibleRegions,
  languages: offer.languages,
  deadline: offer.deadline,
  open: offer.status === 'open',
});

type NeedRow = { need: typeof needs.$inferSelect; assessment: typeof needsAssessments.$inferSelect };

const needProfile = (labels: ReferenceLabels, { need, assessment }: NeedRow): NeedProfile => ({
  id: String(need.id),
  party: assessment.partyCode,
  groups: partyGroups(labels, assessment.partyCode),
  ipAreas: need.ipAreas,
  kinds: need.kindsOfHelp,
  language: assessment.language,
});

/** One suggestion, ready to show: what it is, its name and address, its reasons. */
export type ShownSuggestion = {
  kind: 'offer' | 'edition' | 'donor';
  title: string;
  titleLanguage?: string | undefined;
  href: string;
  reasons: Reason[];
};

/** The first suggestions for a published need: open offers, training editions, donors. */
export async function suggestionsForNeed(
  db: Db,
  labels: ReferenceLabels,
  row: NeedRow,
  lang: Language,
  limit = 5,
): Promise<ShownSuggestion[]> {
  const openOffers = await db.select().from(offers).where(eq(offers.status, 'open'));
  const agencies = await agencyNames(
    db,
    openOffers.flatMap((offer) => (offer.agencyId ? [offer.agencyId] : [])),
  );
  const editions = await editionsOpenForNominations(db);
  const profiles: OfferProfile[] = [
    ...openOffers.map((offer) =>
      offerProfile(offer, offer.donorPartyCode ?? agencies.get(offer.agencyId ?? 0)?.code ?? ''),
    ),
    ...editions.map((edition) => ({
      key: `edition:${edition.editionId}`,
      donor: edition.organizers.join(', '),
      ipAreas: edition.ipAreas,
      kinds: edition.kindsOfHelp,
      eligibleParties: [],
      eligibleRegions: [],
      languages: edition.languages,
      deadline: edition.deadline,
      open: true,
    })),
  ];
  const need = needProfile(labels, row);
  const ranked = rankForNeed(need, profiles, candidatesFor(need, await publishedActivityIndex(db)), today());
  return ranked.slice(0, limit).map((suggestion): ShownSuggestion => {
    const [kind, id] = suggestion.key.split(':') as ['offer' | 'edition' | 'donor', string];
    if (kind === 'offer') {
      const offer = openOffers.find((one) => String(one.id) === id);
      return {
        kind,
        title: offer?.title ?? '',
        titleLanguage: offer?.language,
        href: `/${lang}/offers/${id}`,
        reasons: suggestion.reasons,
      };
    }
    if (kind === 'edition') {
      const edition = editions.find((one) => String(one.editionId) === id);
      return {
        kind,
        title: edition ? `${textIn(edition.programmeName, lang)} (${edition.year})` : '',
        href: `/${lang}/programmes/${edition?.programmeId ?? ''}`,
        reasons: suggestion.reasons,
      };
    }
    return {
      kind,
      title: labels.partyName(id, lang),
      href: `/${lang}/parties/${id}`,
      reasons: suggestion.reasons,
    };
  });
}

/** Published needs still looking for help (open or offered), with their assessments. */
async function needsLookingForHelp(db: Db): Promise<NeedRow[]> {
  return db
    .select({ need: needs, assessment: needsAssessments })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(and(eq(needsAssessments.status, 'published'), inArray(needs.status, ['open', 'offered'])));
}

export type ShownNeed = { row: NeedRow; reasons: Reason[] };

/** The needs an offer could serve, best first. */
export async function needsForOfferPage(
  db: Db,
  labels: ReferenceLabels,
  offer: Offer,
  limit = 10,
): Promise<ShownNeed[]> {
  if (offer.status !== 'open') return [];
  const rows = await needsLookingForHelp(db);
  const profiles = rows.map((row) => ({ ...needProfile(labels, row), row }));
  return needsForOffer(offerProfile(offer, ''), profiles, today())
    .slice(0, limit)
    .map(({ need, reasons }) => ({ row: need.row, reasons }));
}

/** The needs a donor Member's published activities suggest it could serve, best first. */
export async function needsForDonorPage(
  db: Db,
  labels: ReferenceLabels,
  donor: string,
  limit = 10,
): Promise<ShownNeed[]> {
  const rows = await needsLookingForHelp(db);
  const profiles = rows.map((row) => ({ ...needProfile(labels, row), row }));
  const index = await publishedActivityIndex(db);
  return needsForDonor(donor, index.byDonor.get(donor) ?? [], profiles, today())
    .slice(0, limit)
    .map(({ need, reasons }) => ({ row: need.row, reasons }));
}
