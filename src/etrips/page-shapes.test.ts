import { describe, expect, it } from 'vitest';
import { referenceResolver } from '../reference/reference-lookup.ts';
import { parseEtripsPage } from './parse-page.ts';
import { cutOffPage, noPeriodPage, shapeCases } from './test-pages.ts';

const { resolver, partyName } = referenceResolver();
const parse = (text: string, extra: { reporterCode?: string; period?: string } = {}) =>
  parseEtripsPage(text, { resolver, partyName, ...extra });

describe('pages in every shape Members write', () => {
  it.each(shapeCases.map((c) => [c.name, c] as const))('%s', (_name, shape) => {
    const page = parse(shape.text);
    const { expect: want } = shape;
    expect(page.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(page.reporter?.code).toBe(want.reporter);
    expect(page.reporterFrom).toBe('page');
    expect(page.period).toEqual(want.period);
    if (want.symbol !== undefined) expect(page.symbol).toBe(want.symbol);
    if (want.circulationDate !== undefined) expect(page.circulationDate).toBe(want.circulationDate);
    expect(page.paragraphs).toHaveLength(want.paragraphs);
    expect(page.outline.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(want.headings ?? []);
    expect(page.preamble !== null).toBe(want.preamble ?? false);
    expect(page.programmes).toHaveLength(want.programmes);
    if (want.numbers) {
      expect(page.outline.filter((b) => b.kind !== 'preamble').map((b) => b.number)).toEqual(want.numbers);
    }
    // No paragraph swallows the reporter line, a heading, or the next paragraph's number.
    for (const paragraph of page.paragraphs)
      expect(paragraph).not.toMatch(/(?:^|[.]\s)\d+(?:\.\d+)*\.?\s+\p{Lu}/u);
  });

  it('takes the reporter from --reporter without a warning when the page does not name it', () => {
    const text = shapeCases[0]?.text.replace('\nJapan\n', '\n') ?? '';
    const page = parse(text, { reporterCode: 'JPN' });
    expect(page.reporter).toEqual({ code: 'JPN', name: 'Japan' });
    expect(page.reporterFrom).toBe('option');
    expect(page.problems).toEqual([]);
  });

  it('says what it looked for when the page gives no period, and suggests one from the circulation date', () => {
    const page = parse(noPeriodPage);
    expect(page.period).toBeNull();
    const [error] = page.problems.filter((p) => p.severity === 'error');
    expect(error?.message).toContain('looked for a year range');
    expect(error?.message).toContain('--period 2011-2012');
    expect(parse(noPeriodPage, { period: '2011-04-01/2012-03-31' }).period).toEqual({
      start: '2011-04-01',
      end: '2012-03-31',
      precision: 'day',
    });
  });

  it('says a page is cut off before the list', () => {
    const page = parse(cutOffPage);
    expect(page.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('cut off before the list'),
      }),
    );
  });
});
