import type { KindOfHelp } from '../needs/taxonomy.ts';

/** A need as the matching reads it: its Member, the Member's regions and groups, what it asks for. */
export type NeedProfile = {
  id: string;
  party: string;
  /** The Member's M49 region and subregion, and LDC / DEVELOPING (see offers/eligibility.ts). */
  groups: string[];
  ipAreas: string[];
  kinds: KindOfHelp[];
  language: string;
};

/** An offer, or a training edition open for nominations, as the matching reads it. */
export type OfferProfile = {
  key: string;
  donor: string;
  ipAreas: string[];
  kinds: KindOfHelp[];
  eligibleParties: string[];
  eligibleRegions: string[];
  languages: string[];
  deadline: string | null;
  open: boolean;
};

/** A published activity: who delivered what to whom, in which languages, when. */
export type ActivityProfile = {
  id: string;
  donor: string;
  ipAreas: string[];
  kinds: KindOfHelp[];
  beneficiaries: string[];
  regions: string[];
  languages: string[];
  year: number | null;
};

/**
 * Why a suggestion ranks where it does, as codes the views turn into words: shared IP areas and
 * kinds of help, the Member or its region named by the offer, a shared language, past activities
 * for this Member or its region, how recent they are.
 */
export type Reason =
  | { code: 'same-areas'; values: string[] }
  | { code: 'same-kinds'; values: string[] }
  | { code: 'named-member' }
  | { code: 'named-region'; values: string[] }
  | { code: 'open-to-all' }
  | { code: 'shared-language'; values: string[] }
  | { code: 'no-shared-language' }
  | { code: 'delivered-to-member'; count: number }
  | { code: 'delivered-to-region'; count: number }
  | { code: 'similar-activities'; count: number; latest: number | null };

export type Suggestion = { key: string; score: number; reasons: Reason[] };

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/** Weights of the ranking, measured on the test set (npm run eval:matching). */
const weight = {
  area: 3,
  kind: 3,
  namedMember: 2,
  namedRegion: 1,
  language: 1,
  noLanguage: -2,
  /** An open offer is a standing commitment: it goes before a donor's past record of equal fit. */
  offer: 1,
  activityKind: 2,
  deliveredToMember: 3,
  deliveredToRegion: 1,
  recent: 1,
  /** Each further similar activity, up to two. */
  repeat: 0.5,
  /** Activities within this many years of today count as recent. */
  recentYears: 5,
};

/** Whether an offer is open to the need's Member: no restriction, the Member named, or one of its groups. */
function eligibility(offer: OfferProfile, need: NeedProfile): Reason | null {
  if (offer.eligibleParties.length === 0 && offer.eligibleRegions.length === 0)
    return { code: 'open-to-all' };
  if (offer.eligibleParties.includes(need.party)) return { code: 'named-member' };
  const regions = shared(offer.eligibleRegions, need.groups);
  return regions.length ? { code: 'named-region', values: regions } : null;
}

function scoreOffer(need: NeedProfile, offer: OfferProfile, today: string): Suggestion | null {
  if (!offer.open || (offer.deadline !== null && offer.deadline < today)) return null;
  const open = eligibility(offer, need);
  if (!open) return null;
  const areas = shared(need.ipAreas, offer.ipAreas);
  const kinds = shared(need.kinds, offer.kinds);
  if (!areas.length && !kinds.length) return null;
  const reasons: Reason[] = [];
  let score = weight.offer;
  if (areas.length) {
    score += weight.area;
    reasons.push({ code: 'same-areas', values: areas });
  }
  if (kinds.length) {
    score += weight.kind;
    reasons.push({ code: 'same-kinds', values: kinds });
  }
  reasons.push(open);
  if (open.code === 'named-member') score += weight.namedMember;
  if (open.code === 'named-region') score += weight.namedRegion;
  const languages = offer.languages.includes(need.language) ? [need.language] : [];
  if (languages.length) {
    score += weight.language;
    reasons.push({ code: 'shared-language', values: languages });
  } else {
    score += weight.noLanguage;
    reasons.push({ code: 'no-shared-language' });
  }
  return { key: offer.key, score, reasons };
}

/**
 * How close one past activity is to the need; null when it shares no IP area. An activity whose
 * IP areas were never recorded (many imported reports) counts when it shares a kind of help, for
 * less than a shared area would give.
 */
function activityFit(need: NeedProfile, activity: ActivityProfile, today: string) {
  const areas = shared(need.ipAreas, activity.ipAreas);
  const kinds = shared(need.kinds, activity.kinds);
  if (!areas.length && !(activity.ipAreas.length === 0 && kinds.length)) return null;
  const toMember = activity.beneficiaries.includes(need.party);
  const regions = shared(
    activity.regions,
    need.groups.filter((group) => group !== 'LDC' && group !== 'DEVELOPING'),
  );
  const language = activity.languages.includes(need.language);
  const recent = activity.year !== null && activity.year >= Number(today.slice(0, 4)) - weight.recentYears;
  const score =
    (areas.length ? weight.area : 0) +
    (kinds.length ? weight.activityKind : 0) +
    (toMember ? weight.deliveredToMember : regions.length ? weight.deliveredToRegion : 0) +
    (language ? weight.language : 0) +
    (recent ? weight.recent : 0);
  return { activity, areas, kinds, toMember, inRegion: regions.length > 0, language, score };
}

/** A donor's record of similar published activities, ranked by its closest one. */
function scoreDonor(
  need: NeedProfile,
  donor: string,
  fits: Array<NonNullable<ReturnType<typeof activityFit>>>,
) {
  const best = fits.reduce((a, b) => (b.score > a.score ? b : a));
  const score = best.score + weight.repeat * Math.min(fits.length - 1, 2);
  const union = (pick: (fit: (typeof fits)[number]) => string[]) => [...new Set(fits.flatMap(pick))];
  const reasons: Reason[] = [];
  const areas = union((fit) => fit.areas);
  if (areas.length) reasons.push({ code: 'same-areas', values: areas });
  const kinds = union((fit) => fit.kinds);
  if (kinds.length) reasons.push({ code: 'same-kinds', values: kinds });
  const toMember = fits.filter((fit) => fit.toMember).length;
  const inRegion = fits.filter((fit) => !fit.toMember && fit.inRegion).length;
  if (toMember) reasons.push({ code: 'delivered-to-member', count: toMember });
  if (inRegion) reasons.push({ code: 'delivered-to-region', count: inRegion });
  const languages = fits.some((fit) => fit.language) ? [need.language] : [];
  if (languages.length) reasons.push({ code: 'shared-language', values: languages });
  const years = fits.flatMap((fit) => (fit.activity.year === null ? [] : [fit.activity.year]));
  reasons.push({
    code: 'similar-activities',
    count: fits.length,
    latest: years.length ? Math.max(...years) : null,
  });
  return { key: `donor:${donor}`, score, reasons };
}

/**
 * Published activities arranged for the ranking: every one in a stable order, and where to look
 * for those that can fit a need — by IP area, and, for activities whose IP areas were never
 * recorded, by kind of help (activityFit takes no other). Built once per state of the registry.
 */
export type ActivityIndex = {
  all: ActivityProfile[];
  byArea: Map<string, number[]>;
  unrecordedByKind: Map<KindOfHelp, number[]>;
  byDonor: Map<string, ActivityProfile[]>;
};

export function indexActivities(activities: ActivityProfile[]): ActivityIndex {
  const index: ActivityIndex = {
    all: activities,
    byArea: new Map(),
    unrecordedByKind: new Map(),
    byDonor: new Map(),
  };
  const add = <K>(map: Map<K, number[]>, key: K, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  activities.forEach((activity, position) => {
    for (const area of activity.ipAreas) add(index.byArea, area, position);
    if (activity.ipAreas.length === 0)
      for (const kind of activity.kinds) add(index.unrecordedByKind, kind, position);
    const own = index.byDonor.get(activity.donor);
    if (own) own.push(activity);
    else index.byDonor.set(activity.donor, [activity]);
  });
  return index;
}

/**
 * The activities that can fit a need, in the index's order: exactly those for which activityFit
 * is not null, so ranking them gives what ranking all of them gives.
 */
export function candidatesFor(need: NeedProfile, index: ActivityIndex): ActivityProfile[] {
  const positions = new Set<number>();
  for (const area of need.ipAreas)
    for (const position of index.byArea.get(area) ?? []) positions.add(position);
  for (const kind of need.kinds) {
    for (const position of index.unrecordedByKind.get(kind) ?? []) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b).map((position) => index.all[position] as ActivityProfile);
}

/**
 * Ranked suggestions for a need, best first: open offers it may take up (open to its Member,
 * deadline not passed, sharing an IP area or a kind of help) and donors (as "donor:CODE") who
 * delivered published activities in the same IP areas, each with its reasons.
 */
export function rankForNeed(
  need: NeedProfile,
  offers: OfferProfile[],
  activities: ActivityProfile[],
  today: string,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const offer of offers) {
    const suggestion = scoreOffer(need, offer, today);
    if (suggestion) suggestions.push(suggestion);
  }
  const byDonor = new Map<string, Array<NonNullable<ReturnType<typeof activityFit>>>>();
  for (const activity of activities) {
    const fit = activityFit(need, activity, today);
    if (fit) byDonor.set(activity.donor, [...(byDonor.get(activity.donor) ?? []), fit]);
  }
  for (const [donor, fits] of byDonor) suggestions.push(scoreDonor(need, donor, fits));
  return suggestions.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** The needs an offer could serve, best first, each with its reasons (the same scoring, turned round). */
export function needsForOffer<N extends NeedProfile>(
  offer: OfferProfile,
  needs: N[],
  today: string,
): Array<{ need: N; score: number; reasons: Reason[] }> {
  return needs
    .flatMap((need) => {
      const suggestion = scoreOffer(need, offer, today);
      return suggestion ? [{ need, score: suggestion.score, reasons: suggestion.reasons }] : [];
    })
    .sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id));
}

/** The needs a donor's past activities suggest it could serve, best first. */
export function needsForDonor<N extends NeedProfile>(
  donor: string,
  activities: ActivityProfile[],
  needs: N[],
  today: string,
): Array<{ need: N; score: number; reasons: Reason[] }> {
  const own = activities.filter((activity) => activity.donor === donor);
  return needs
    .flatMap((need) => {
      const fits = own.flatMap((activity) => activityFit(need, activity, today) ?? []);
      if (!fits.length) return [];
      const suggestion = scoreDonor(need, donor, fits);
      return [{ need, score: suggestion.score, reasons: suggestion.reasons }];
    })
    .sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id));
}
