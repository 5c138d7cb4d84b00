/**
 * Measures the matching of needs to offers and donors on the hand-made set
 * (src/matching/eval-set.json): the share of needs whose expected suggestion is in the top 3, and
 * its mean rank. Exits with 1 when the share is below 0.8.   npm run eval:matching [-- --misses]
 */
import { evaluateRanking } from '../src/matching/evaluate.ts';

const result = evaluateRanking();
console.log(`Matching: ${result.needs} needs`);
console.log(`found in the top 3: ${result.top3.toFixed(2)}`);
console.log(`mean rank of the expected suggestion: ${result.meanRank.toFixed(2)}`);
if (process.argv.includes('--misses')) {
  for (const row of result.ranks.filter((r) => r.rank === null || r.rank > 1)) {
    console.log(
      `- ${row.title}: expected ${row.expected} at ${row.rank ?? 'none'}; top ${row.top.join(', ')}`,
    );
  }
}
if (result.top3 < 0.8) process.exitCode = 1;
