import type { ReferenceLabels } from '../reference/labels.ts';

/**
 * The regions and groupings a party belongs to, as offers name them: its M49 region and
 * subregion, and LDC or DEVELOPING by its status today.
 */
export function partyGroups(labels: ReferenceLabels, partyCode: string): string[] {
  const party = labels.parties.get(partyCode);
  if (!party) return [];
  const groups = [party.regionCode, party.subregionCode].filter((code): code is string => !!code);
  const today = new Date().toISOString().slice(0, 10);
  const current = party.status.find((period) => period.from <= today && (!period.to || period.to >= today));
  if (current?.status === 'ldc') groups.push('LDC', 'DEVELOPING');
  else if (current?.status === 'developing') groups.push('DEVELOPING');
  return groups;
}

/** Whether an offer is open to a Member: no restriction, the Member named, or one of its groups named. */
export function openTo(
  offer: { eligibleParties: string[]; eligibleRegions: string[] },
  partyCode: string,
  groups: string[],
): boolean {
  if (offer.eligibleParties.length === 0 && offer.eligibleRegions.length === 0) return true;
  return offer.eligibleParties.includes(partyCode) || groups.some((g) => offer.eligibleRegions.includes(g));
}

/** The regions and groupings an offer may name: M49 regions and subregions, and the groupings. */
export const offerRegionChoices = (labels: ReferenceLabels) =>
  [...labels.regions.values()].filter(
    (region) => ['m49-region', 'm49-subregion', 'grouping'].includes(region.kind) && region.code !== '001',
  );
