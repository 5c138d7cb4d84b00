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

export type Reason = { code: string; values?: string[]; count?: number };

export type Suggestion = { key: string; score: number; reasons: Reason[] };

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/** Ranked suggestions for a need: offers and donors (as "donor:CODE"), best first. */
export function rankForNeed(
  need: NeedProfile,
  offers: OfferProfile[],
  activities: ActivityProfile[],
  _today: string,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const offer of offers) {
    if (!offer.open) continue;
    const areas = shared(need.ipAreas, offer.ipAreas);
    if (areas.length) suggestions.push({ key: offer.key, score: areas.length, reasons: [] });
  }
  const donors = new Map<string, number>();
  for (const activity of activities) {
    const areas = shared(need.ipAreas, activity.ipAreas);
    if (areas.length) donors.set(activity.donor, (donors.get(activity.donor) ?? 0) + areas.length);
  }
  for (const [donor, score] of donors) suggestions.push({ key: `donor:${donor}`, score, reasons: [] });
  return suggestions.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}
