import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './languages.ts';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.5', 'fr'],
    ['de-DE,es;q=0.8,fr;q=0.7', 'es'],
    ['en;q=0.2, es;q=0.9', 'es'],
    ['es;q=0, fr', 'fr'],
    ['zh-CN', 'en'],
    ['garbage;;;q=abc', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
