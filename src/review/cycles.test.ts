import { describe, expect, it } from 'vitest';
import type { PartyInfo, ReferenceLabels } from '../reference/labels.ts';
import { defaultPeriod, expectedParties, parsePeriod } from './cycles.ts';

const party = (code: string, kind: PartyInfo['kind'], status: PartyInfo['status']): [string, PartyInfo] => [
  code,
  {
    code,
    kind,
    names: { en: code, fr: code, es: code },
    regionCode: null,
    subregionCode: null,
    iso2: null,
    iso3: null,
    scheduledGraduation: null,
    status,
  },
];

describe('reporting cycles', () => {
  it('reads periods as two years', () => {
    expect(parsePeriod('2021-2022')).toEqual({ startYear: 2021, endYear: 2022, key: '2021-2022' });
    expect(parsePeriod('2023-2023')?.key).toBe('2023-2023');
    for (const bad of ['2022-2021', '2021', '1990-1991', '2000-2010', '2021-2022x'])
      expect(parsePeriod(bad), bad).toBeNull();
    expect(defaultPeriod(['2020-2021', '2018-2019']).key).toBe('2020-2021');
    expect(defaultPeriod([], new Date('2025-03-01T00:00:00Z')).key).toBe('2023-2024');
  });

  it('expects developed parties on the first day of the period, and every IGO', () => {
    const labels = {
      parties: new Map([
        party('CAN', 'member', [{ status: 'developed', from: '1995-01-01', to: null }]),
        party('NEW', 'member', [
          { status: 'developing', from: '1995-01-01', to: '2021-06-30' },
          { status: 'developed', from: '2021-07-01', to: null },
        ]),
        party('NPL', 'member', [{ status: 'ldc', from: '1995-01-01', to: null }]),
        party('WIPO', 'igo', []),
      ]),
    } as unknown as ReferenceLabels;
    expect(expectedParties(labels, { startYear: 2021, endYear: 2022, key: '2021-2022' })).toEqual([
      'CAN',
      'WIPO',
    ]);
    expect(expectedParties(labels, { startYear: 2022, endYear: 2023, key: '2022-2023' })).toEqual([
      'CAN',
      'NEW',
      'WIPO',
    ]);
  });
});
