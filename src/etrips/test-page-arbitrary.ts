/** Random text, and pages of every shape with random changes, for the property tests. */
import fc from 'fast-check';
import { cutOffPage, noPeriodPage, shapeCases } from './test-pages.ts';

const seeds = [...shapeCases.map((c) => c.text), noPeriodPage, cutOffPage];

// Pieces that make pages interesting: numbers, dates, names, symbols, list lines.
const fragments = [
  '1.',
  '1.1',
  '2. ',
  ' 1 INTRODUCTION ',
  '_____',
  'IP/C/W/584/Add.3',
  'IP/C/R/TC/CAN',
  '2020-2021',
  '2021-2019',
  'FY2019',
  'from 1 July 2013 to 30 June 2014',
  'du 1er juillet 2019 au 30 juin 2020',
  '31/02/2021',
  'Canada',
  'World Health Organization (WHO)',
  '(',
  ')',
  ';',
  ';;',
  '# Title of programme or activity Start date Beneficiary Members or observers',
  'There are currently no items in the database.',
  'List of programmes/projects',
  '\u0000',
  '\uFEFF',
  '\r',
  '𝔘',
  'é',
];

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string(), fc.constantFrom(...fragments)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('repeatLine' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  switch (change.kind) {
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'delete': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'cut':
      return text.slice(0, change.at % (text.length + 1));
    case 'dropLine':
      lines.splice(change.at % lines.length, 1);
      return lines.join('\n');
    case 'swapLines': {
      const [a, b] = [change.a % lines.length, change.b % lines.length];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'repeatLine': {
      const at = change.at % lines.length;
      lines.splice(at, 0, lines[at] ?? '');
      return lines.join('\n');
    }
  }
}

/** Random text, and pages of every shape with random changes. */
export const pageText = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(' ')),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }))
      .map(([seed, changes]) => changes.reduce(mutate, seed)),
  },
);
