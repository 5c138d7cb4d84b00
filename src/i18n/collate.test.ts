import { describe, expect, it } from 'vitest';
import { byName, sortByName } from './collate.ts';

describe('names sorted in the page’s language', () => {
  const centralAmerica = [
    'Costa Rica',
    'República Dominicana',
    'Guatemala',
    'Honduras',
    'El Salvador',
    'Panamá',
  ];

  it('puts El Salvador among the E in Spanish, not last', () => {
    expect(sortByName(centralAmerica, 'es', (name) => name)).toEqual([
      'Costa Rica',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'Panamá',
      'República Dominicana',
    ]);
  });

  it('files accented capitals with their letter in French', () => {
    expect(['Érythrée', 'Zambie', 'Égypte', 'Espagne', 'Australie'].sort(byName('fr'))).toEqual([
      'Australie',
      'Égypte',
      'Érythrée',
      'Espagne',
      'Zambie',
    ]);
  });
});
