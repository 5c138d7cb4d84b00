import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceData } from '../../reference/reference-data.ts';
import { readGrid } from './grid.ts';
import { spreadsheetLimits } from './limits.ts';
import { activityTemplateXlsx } from './template.ts';

/** Whatever comes in, the reader answers with rows or with a refusal: it never throws. */
const isAnswer = (result: unknown) =>
  typeof result === 'object' && result !== null && ('refused' in result || 'sheets' in result);

const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('"', '""', '";"', '\r', '\n', ';', ',', '\t', '=1+1', '\u0000', '\ufeff', 'é', '名前'),
);

describe('the spreadsheet reader under random and mutated input', () => {
  let template: Buffer;
  beforeAll(async () => {
    template = Buffer.from(await activityTemplateXlsx('en', referenceData()));
  }, 60_000);

  it('answers 10,000 random byte strings and CSV texts without an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          fc
            .array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 })
            .chain((rows) =>
              fc.constantFrom(',', ';', '\t').map((d) => Buffer.from(rows.map((r) => r.join(d)).join('\n'))),
            ),
        ),
        async (bytes) => {
          expect(isAnswer(await readGrid(bytes, spreadsheetLimits))).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 600_000);

  it('answers XLSX files with bytes flipped, cut or spliced, without an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
        fc.option(fc.nat()),
        async (flips, cut) => {
          const bytes = Buffer.from(template);
          for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          expect(isAnswer(await readGrid(input, spreadsheetLimits))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  }, 600_000);
});
