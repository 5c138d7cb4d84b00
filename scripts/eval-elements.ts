/**
 * Measures the rules that suggest elements of Article 67 on the hand-labelled evaluation set
 * (src/elements/eval-set.json): per-element and micro-averaged precision and recall.
 * Exits with 1 when either micro average is below 0.8.   npm run eval:elements [-- --misses]
 */
import { evaluateRules, readEvalSet } from '../src/elements/evaluate.ts';
import { elementCodes } from '../src/elements/taxonomy.ts';

const result = evaluateRules();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
console.log(`Elements of Article 67: ${result.items} labelled activities\n`);
console.log(`${'element'.padEnd(22)}precision  recall   tp  fp  fn`);
for (const code of elementCodes) {
  const s = result.perElement[code];
  console.log(
    `${code.padEnd(22)}${percent(s.precision)}  ${percent(s.recall)}  ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}`,
  );
}
const m = result.micro;
console.log(
  `${'micro-average'.padEnd(22)}${percent(m.precision)}  ${percent(m.recall)}  ${String(m.truePositives).padStart(3)} ${String(m.falsePositives).padStart(3)} ${String(m.falseNegatives).padStart(3)}`,
);
if (process.argv.includes('--misses')) {
  console.log(`\n${result.misses.length} activities not labelled exactly:`);
  for (const miss of result.misses) {
    console.log(
      `- ${miss.title}\n    expected ${miss.expected.join(', ')}; suggested ${miss.suggested.join(', ')}`,
    );
  }
}
// Written after the rules were tuned and never used to tune them: how they do on unseen text.
const holdout = evaluateRules(readEvalSet(new URL('../src/elements/eval-holdout.json', import.meta.url)));
console.log(
  `\nHeld-out set (${holdout.items} activities, not used for tuning): micro precision ${percent(holdout.micro.precision).trim()}, recall ${percent(holdout.micro.recall).trim()}`,
);
if (m.precision < 0.8 || m.recall < 0.8) {
  console.error('\nBelow 0.8: the rules have regressed.');
  process.exitCode = 1;
}
