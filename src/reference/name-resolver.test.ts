import { describe, expect, it } from 'vitest';
import { createNameResolver, nameKey } from './name-resolver.ts';
import { referenceData } from './reference-data.ts';

const resolver = createNameResolver(referenceData());
const code = (name: string) => resolver.resolve(name)?.code ?? null;

describe('nameKey', () => {
  it('ignores case, accents, punctuation and word order', () => {
    expect(nameKey('Bolivia, Plurinational State of')).toBe(nameKey('plurinational state of BOLIVIA'));
    expect(nameKey('Türkiye')).toBe(nameKey('turkiye'));
    expect(nameKey("Côte d'Ivoire")).toBe(nameKey('Cote d’Ivoire'));
  });
});

describe('name resolver', () => {
  it.each([
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['Bolivia', 'BOL'],
    ['Bolivia, Plurinational State of', 'BOL'],
    ['Bolivie, État plurinational de', 'BOL'],
    ['Bolivia, Estado Plurinacional de', 'BOL'],
    ['Venezuela', 'VEN'],
    ['Venezuela, Bolivarian Republic of', 'VEN'],
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['Lao PDR', 'LAO'],
    ["Lao People's Democratic Republic", 'LAO'],
    ['costa rica', 'CRI'],
    ['République dominicaine', 'DOM'],
    ['Panamá', 'PAN'],
    ['Korea, Republic of', 'KOR'],
    ['Chinese Taipei', 'TWN'],
    ['European Union', 'EU'],
    ['CAN', 'CAN'],
  ])('%s → %s', (name, expected) => {
    expect(code(name)).toBe(expected);
  });

  it('tells Niger from Nigeria and Guinea from Papua New Guinea', () => {
    expect(code('Niger')).toBe('NER');
    expect(code('Nigeria')).toBe('NGA');
    expect(code('Guinea')).toBe('GIN');
    expect(code('Papua New Guinea')).toBe('PNG');
    expect(code('Equatorial Guinea')).toBe('GNQ');
  });

  it('resolves named regions', () => {
    expect(resolver.resolve('Central America')).toEqual({ kind: 'region', code: '013' });
    expect(resolver.resolve('Global South')?.kind).toBe('region');
  });

  it('returns null for an unknown name rather than guessing', () => {
    expect(resolver.resolve('Atlantis')).toBeNull();
    expect(resolver.resolve('can')).toBeNull(); // codes only count in capitals
  });
});
