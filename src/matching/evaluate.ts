import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { kindsOfHelp } from '../needs/taxonomy.ts';
import { candidatesFor, indexActivities, rankForNeed } from './rank.ts';

const codes = z.array(z.string());
const kinds = z.array(z.enum(kindsOfHelp));
const evalSet = z.object({
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  offers: z.array(
    z.object({
      key: z.string(),
      donor: z.string(),
      title: z.string(),
      ipAreas: codes,
      kinds,
      eligibleParties: codes,
      eligibleRegions: codes,
      languages: codes,
      deadline: z.string().nullable(),
      open: z.boolean(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      donor: z.string(),
      title: z.string(),
      ipAreas: codes,
      kinds,
      beneficiaries: codes,
      regions: codes,
      languages: codes,
      year: z.number().int().nullable(),
    }),
  ),
  needs: z.array(
    z.object({
      id: z.string(),
      party: z.string(),
      groups: codes,
      title: z.string(),
      ipAreas: codes,
      kinds,
      language: z.string(),
      /** The suggestion a person would expect first: "offer:…", "edition:…" or "donor:…". */
      expected: z.string(),
    }),
  ),
});
export type EvalSet = z.infer<typeof evalSet>;

/** The hand-made set the ranking is measured on (src/matching/eval-set.json). */
export function readEvalSet(file = new URL('./eval-set.json', import.meta.url)): EvalSet {
  return evalSet.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export type Evaluation = {
  needs: number;
  /** Share of needs whose expected suggestion is among the first three. */
  top3: number;
  /** Mean rank of the expected suggestion (1 is first); a need whose expected one is missing counts as the list's length + 1. */
  meanRank: number;
  ranks: Array<{ need: string; title: string; expected: string; rank: number | null; top: string[] }>;
};

export function evaluateRanking(set: EvalSet = readEvalSet()): Evaluation {
  // The path the need's page takes: the activities indexed once, only those that can fit ranked.
  const indexed = indexActivities(set.activities);
  const ranks = set.needs.map((need) => {
    const list = rankForNeed(need, set.offers, candidatesFor(need, indexed), set.today);
    const index = list.findIndex((suggestion) => suggestion.key === need.expected);
    return {
      need: need.id,
      title: need.title,
      expected: need.expected,
      rank: index < 0 ? null : index + 1,
      top: list.slice(0, 3).map((suggestion) => suggestion.key),
      missing: list.length + 1,
    };
  });
  const found = ranks.filter((row) => row.rank !== null && row.rank <= 3).length;
  const total = ranks.reduce((sum, row) => sum + (row.rank ?? row.missing), 0);
  return {
    needs: ranks.length,
    top3: ranks.length ? found / ranks.length : 0,
    meanRank: ranks.length ? total / ranks.length : 0,
    ranks: ranks.map(({ missing: _missing, ...row }) => row),
  };
}
