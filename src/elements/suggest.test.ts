import { describe, expect, it } from 'vitest';
import { evaluateRules, readEvalSet } from './evaluate.ts';
import { normalizeText, suggestElements, termPattern } from './suggest.ts';

describe('suggestElements', () => {
  it('meets 0.8 micro-averaged precision and recall on the hand-labelled set', () => {
    const items = readEvalSet();
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const language of ['en', 'fr', 'es'] as const) {
      expect(items.filter((item) => item.language === language).length).toBeGreaterThanOrEqual(20);
    }
    const result = evaluateRules(items);
    expect(result.micro.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.micro.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('ignores accents and case, and finds words by their beginning', () => {
    expect(normalizeText('Réglement d’Application')).toBe(' reglement d application ');
    expect(termPattern('legislat').test(normalizeText('LÉGISLATIVE'))).toBe(true);
    expect(termPattern('loi$').test(normalizeText('les loisirs'))).toBe(false);
    expect(termPattern('loi$').test(normalizeText('la loi, enfin'))).toBe(true);
  });

  it('suggests several elements, and "other" when none of the four is found', () => {
    expect(suggestElements('Formation des examinateurs et informatisation de l’office', '', 'fr')).toEqual([
      'offices-agencies',
      'training-personnel',
    ]);
    expect(suggestElements('Initiative for Digital Rights in Latin America (INDELA)')).toEqual(['other']);
  });

  it('uses every language when none is given', () => {
    expect(suggestElements('Reforma de la ley de marcas')).toEqual(['laws-regulations']);
  });
});
