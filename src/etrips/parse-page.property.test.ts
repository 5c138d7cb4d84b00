import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceResolver } from '../reference/reference-lookup.ts';
import { LayoutError, parseEtripsPage } from './parse-page.ts';
import { pageText } from './test-page-arbitrary.ts';

const { resolver, partyName } = referenceResolver();
function checkParsed(text: string) {
  let page: ReturnType<typeof parseEtripsPage>;
  try {
    page = parseEtripsPage(text, { resolver, partyName });
  } catch (error) {
    // The only thing the parser may throw: a layout error that says what and where.
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as LayoutError).message.length).toBeGreaterThan(10);
    expect((error as LayoutError).line).toBeGreaterThanOrEqual(1);
    return;
  }
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const problem of page.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(0);
    expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.message).not.toBe('');
  }
  if (page.period) expect(page.period.start <= page.period.end).toBe(true);
  expect(new Set(page.programmes.map((p) => p.n)).size).toBe(page.programmes.length);
  expect(page.paragraphs).toEqual(page.outline.filter((b) => b.kind === 'paragraph').map((b) => b.text));
  // A page that cannot be stored says why.
  if (!page.reporter || !page.period) expect(page.problems.some((p) => p.severity === 'error')).toBe(true);
}

describe('the page reader on random and mutated pages', () => {
  it('never throws anything but a clear layout error (10,000 pages)', { timeout: 600_000 }, () => {
    fc.assert(fc.property(pageText, checkParsed), { numRuns: 10_000 });
  });
});
