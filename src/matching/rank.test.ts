import { describe, expect, it } from 'vitest';
import { evaluateRanking, readEvalSet } from './evaluate.ts';
import {
  candidatesFor,
  indexActivities,
  needsForDonor,
  needsForOffer,
  type OfferProfile,
  rankForNeed,
} from './rank.ts';

const set = readEvalSet();
const need = {
  id: 'n',
  party: 'UGA',
  groups: ['002', '202', '014', 'LDC', 'DEVELOPING'],
  ipAreas: ['trademarks'],
  kinds: ['training-personnel' as const],
  language: 'en',
};
const offer: OfferProfile = {
  key: 'offer:1',
  donor: 'CAN',
  ipAreas: ['trademarks'],
  kinds: ['training-personnel'],
  eligibleParties: [],
  eligibleRegions: ['002'],
  languages: ['en'],
  deadline: '2027-01-01',
  open: true,
};

describe('the ranking of suggestions for a need', () => {
  it('finds the expected suggestion in the top 3 for at least 80% of the test set', () => {
    const result = evaluateRanking(set);
    expect(result.needs).toBeGreaterThanOrEqual(20);
    expect(result.top3).toBeGreaterThanOrEqual(0.8);
    expect(result.meanRank).toBeLessThan(2);
  });

  it('leaves out closed offers, passed deadlines and offers not open to the Member', () => {
    const today = '2026-11-30';
    expect(rankForNeed(need, [offer], [], today).map((s) => s.key)).toEqual(['offer:1']);
    expect(rankForNeed(need, [{ ...offer, open: false }], [], today)).toEqual([]);
    expect(rankForNeed(need, [{ ...offer, deadline: '2026-11-29' }], [], today)).toEqual([]);
    expect(rankForNeed(need, [{ ...offer, eligibleRegions: ['142'] }], [], today)).toEqual([]);
    expect(
      rankForNeed(need, [{ ...offer, eligibleRegions: [], eligibleParties: ['UGA'] }], [], today),
    ).toHaveLength(1);
  });

  it('gives its reasons: shared areas and kinds, the region named, the language; past activities for the Member', () => {
    const [first] = rankForNeed(need, [offer], [], '2026-11-30');
    expect(first?.reasons).toEqual([
      { code: 'same-areas', values: ['trademarks'] },
      { code: 'same-kinds', values: ['training-personnel'] },
      { code: 'named-region', values: ['002'] },
      { code: 'shared-language', values: ['en'] },
    ]);
    const activity = {
      id: 'a',
      donor: 'CAN',
      ipAreas: ['trademarks'],
      kinds: ['training-personnel' as const],
      beneficiaries: ['UGA'],
      regions: ['002', '202', '014'],
      languages: ['en'],
      year: 2024,
    };
    const [donor] = rankForNeed(
      need,
      [],
      [activity, { ...activity, id: 'b', beneficiaries: ['KEN'], year: 2019 }],
      '2026-11-30',
    );
    expect(donor?.key).toBe('donor:CAN');
    expect(donor?.reasons).toContainEqual({ code: 'delivered-to-member', count: 1 });
    expect(donor?.reasons).toContainEqual({ code: 'delivered-to-region', count: 1 });
    expect(donor?.reasons).toContainEqual({ code: 'similar-activities', count: 2, latest: 2024 });
    // A donor ranks higher for the Member it already worked with than for a stranger.
    const stranger = { ...need, id: 'm', party: 'LAO', groups: ['142', '035', 'LDC'] };
    const turned = needsForDonor('CAN', [activity], [stranger, need], '2026-11-30');
    expect(turned.map((row) => row.need.id)).toEqual(['n', 'm']);
    expect(needsForOffer(offer, [stranger, need], '2026-11-30').map((row) => row.need.id)).toEqual(['n']);
    // An activity whose IP areas were never recorded counts by its kind of help, below a shared area.
    const unrecorded = { ...activity, id: 'c', donor: 'USA', ipAreas: [] };
    const other = { ...activity, id: 'd', donor: 'JPN', ipAreas: ['patents'] };
    const ranked = rankForNeed(need, [], [unrecorded, other], '2026-11-30');
    expect(ranked.map((s) => s.key)).toEqual(['donor:USA']);
    expect(ranked[0]?.reasons[0]).toEqual({ code: 'same-kinds', values: ['training-personnel'] });
    expect(ranked[0]?.score).toBeLessThan(rankForNeed(need, [], [activity], '2026-11-30')[0]?.score ?? 0);
  });
});

describe('the activity index', () => {
  it('ranks exactly as reading every activity does, for every need of the set and every donor', () => {
    const index = indexActivities(set.activities);
    for (const one of [...set.needs, need]) {
      const candidates = candidatesFor(one, index);
      expect(candidates.length).toBeLessThanOrEqual(set.activities.length);
      expect(rankForNeed(one, set.offers, candidates, set.today)).toEqual(
        rankForNeed(one, set.offers, set.activities, set.today),
      );
    }
    const donors = [...new Set(set.activities.map((activity) => activity.donor))];
    for (const donor of donors) {
      expect(needsForDonor(donor, index.byDonor.get(donor) ?? [], set.needs, set.today)).toEqual(
        needsForDonor(donor, set.activities, set.needs, set.today),
      );
    }
  });

  it('leaves out only activities that share nothing the ranking counts', () => {
    const index = indexActivities(set.activities);
    const candidates = candidatesFor(need, index);
    const left = set.activities.filter((activity) => !candidates.includes(activity));
    expect(left.length).toBeGreaterThan(0);
    for (const activity of left) {
      expect(rankForNeed(need, [], [activity], set.today)).toEqual([]);
    }
  });
});
