import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { languages } from '../i18n/languages.ts';
import { suggestElements } from './suggest.ts';
import { type ElementCode, elementCodes } from './taxonomy.ts';

const evalItem = z.object({
  language: z.enum(languages),
  title: z.string(),
  description: z.string(),
  elements: z.array(z.enum(elementCodes)).min(1),
  source: z.string().optional(),
});
export type EvalItem = z.infer<typeof evalItem>;

/** The hand-labelled set the rules are measured on. */
export function readEvalSet(file = new URL('./eval-set.json', import.meta.url)): EvalItem[] {
  const parsed = z.object({ items: z.array(evalItem) }).parse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.items;
}

export type Scores = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
};

const scores = (tp: number, fp: number, fn: number): Scores => ({
  truePositives: tp,
  falsePositives: fp,
  falseNegatives: fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

export type Evaluation = {
  items: number;
  perElement: Record<ElementCode, Scores>;
  micro: Scores;
  misses: Array<{ title: string; expected: ElementCode[]; suggested: ElementCode[] }>;
};

/** Per-element and micro-averaged precision and recall of suggestElements() on the set. */
export function evaluateRules(items: EvalItem[] = readEvalSet()): Evaluation {
  const counts = new Map(elementCodes.map((code) => [code, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Evaluation['misses'] = [];
  for (const item of items) {
    const suggested = suggestElements(item.title, item.description, item.language);
    const expected = new Set(item.elements);
    for (const code of elementCodes) {
      const count = counts.get(code);
      if (!count) continue;
      const said = suggested.includes(code);
      if (said && expected.has(code)) count.tp++;
      else if (said) count.fp++;
      else if (expected.has(code)) count.fn++;
    }
    if (suggested.length !== expected.size || suggested.some((code) => !expected.has(code))) {
      misses.push({ title: item.title, expected: [...item.elements], suggested });
    }
  }
  const perElement = Object.fromEntries(
    [...counts].map(([code, c]) => [code, scores(c.tp, c.fp, c.fn)]),
  ) as Record<ElementCode, Scores>;
  const total = [...counts.values()].reduce(
    (sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return { items: items.length, perElement, micro: scores(total.tp, total.fp, total.fn), misses };
}
