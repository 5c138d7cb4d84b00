import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameKey } from './name-resolver.ts';
import { referenceData } from './reference-data.ts';
import { referenceDataSql } from './reference-sql.ts';

const data = referenceData();

describe('reference data files', () => {
  it('holds the 166 WTO Members, observer governments and TRIPS Council IGO observers', () => {
    expect(data.parties.filter((p) => p.kind === 'member')).toHaveLength(166);
    expect(data.parties.filter((p) => p.kind === 'observer').length).toBeGreaterThan(15);
    const igos = data.parties.filter((p) => p.kind === 'igo').map((p) => p.code);
    expect(igos).toEqual(expect.arrayContaining(['WIPO', 'WHO', 'UPOV', 'WTO-OMC']));
  });

  it('has unique codes and a contiguous status history for every government', () => {
    const codes = data.parties.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const party of data.parties.filter((p) => p.kind !== 'igo')) {
      expect(party.status.length, party.code).toBeGreaterThan(0);
      party.status.forEach((entry, index) => {
        const next = party.status[index + 1];
        expect(entry.to, `${party.code} #${index}`).toBe(next ? next.from : null);
      });
    }
  });

  it('keeps LDC graduations as history', () => {
    const vanuatu = data.parties.find((p) => p.code === 'VUT');
    expect(vanuatu?.status.map((s) => s.status)).toEqual(['ldc', 'developing']);
    expect(vanuatu?.status[0]?.to).toBe('2020-12-04');
  });

  it('uses regions that exist', () => {
    const regionCodes = new Set(data.regions.map((r) => r.code));
    for (const party of data.parties) {
      if (party.region) expect(regionCodes.has(party.region), party.code).toBe(true);
      if (party.subregion) expect(regionCodes.has(party.subregion), party.code).toBe(true);
    }
  });

  it('never gives one spelling to two parties', () => {
    const owner = new Map<string, string>();
    for (const party of data.parties) {
      for (const name of [party.names.en, party.names.fr, party.names.es, ...party.aliases]) {
        const key = nameKey(name);
        const previous = owner.get(key);
        expect(
          previous === undefined || previous === party.code,
          `${name}: ${previous} and ${party.code}`,
        ).toBe(true);
        owner.set(key, party.code);
      }
    }
  });

  it('labels every taxonomy term in English, French and Spanish', () => {
    expect(data.taxonomies['ip-area']).toHaveLength(16);
    expect(data.taxonomies['activity-type']).toHaveLength(10);
    expect(data.taxonomies.level.map((t) => t.key)).toEqual(['multilateral', 'plurilateral', 'bilateral']);
  });

  it('is what the committed reference migration loads', () => {
    const committed = readFileSync(new URL('../../drizzle/0002_reference_data.sql', import.meta.url), 'utf8');
    expect(committed).toBe(referenceDataSql(data));
  });
});
