import { describe, expect, it } from 'vitest';
import type { ReportSnapshot, SnapshotProgramme } from '../document/snapshot.ts';
import { diffParagraphs, diffSnapshots, isUnchanged } from './diff.ts';

const programme = (
  activityId: number,
  rowNumber: number,
  title: string,
  extra: Partial<SnapshotProgramme> = {},
) =>
  ({
    rowNumber,
    activityId,
    title: { en: title },
    description: {},
    originalLanguage: 'en',
    startDate: '2021-01-01',
    startPrecision: 'day',
    endDate: null,
    endPrecision: null,
    level: 'bilateral',
    activityType: null,
    ipAreas: ['patents'],
    beneficiaries: [{ kind: 'party', code: 'CRI', nameAsWritten: 'Costa Rica' }],
    agencies: [{ code: 'CIPO', role: 'implementing', name: { en: 'CIPO' }, acronym: 'CIPO' }],
    ...extra,
  }) satisfies SnapshotProgramme;

const snapshot = (narrative: string[], programmes: SnapshotProgramme[]): ReportSnapshot => ({
  format: 1,
  reportId: 1,
  reportingPartyCode: 'CAN',
  periodStart: '2021-01-01',
  periodEnd: '2022-12-31',
  symbol: 'IP/C/R/TC/CAN/1',
  originalLanguage: 'en',
  circulationDate: '2023-03-01',
  narrative,
  grouping: 'none',
  revisionKind: 'original',
  revisionNumber: 0,
  programmes,
});

describe('differences between two versions', () => {
  it('pairs an edited paragraph and keeps added and removed ones apart', () => {
    expect(diffParagraphs(['A', 'B', 'C'], ['A', 'B2', 'C', 'D'])).toEqual([
      { kind: 'changed', beforeNumber: 2, afterNumber: 2, before: 'B', after: 'B2' },
      { kind: 'added', number: 4, after: 'D' },
    ]);
    expect(diffParagraphs(['A', 'B', 'C'], ['B', 'C'])).toEqual([
      { kind: 'removed', number: 1, before: 'A' },
    ]);
    expect(diffParagraphs(['A'], ['X', 'Y', 'A'])).toEqual([
      { kind: 'added', number: 1, after: 'X' },
      { kind: 'added', number: 2, after: 'Y' },
    ]);
    expect(diffParagraphs([], [])).toEqual([]);
  });

  it('finds programmes added, removed and changed field by field', () => {
    const before = snapshot(
      ['One.'],
      [programme(1, 1, 'Clinic'), programme(2, 2, 'Webinar'), programme(3, 3, 'Gone')],
    );
    const after = snapshot(
      ['One.'],
      [
        programme(9, 1, 'New one'),
        // Renumbered only: not a change.
        programme(1, 2, 'Clinic'),
        programme(2, 3, 'Webinars', {
          startDate: '2021-02-01',
          beneficiaries: [{ kind: 'unresolved', code: null, nameAsWritten: 'Global South' }],
          ipAreas: ['patents', 'trademarks'],
        }),
      ],
    );
    const diff = diffSnapshots(before, after);
    expect(diff.paragraphs).toEqual([]);
    expect(diff.addedProgrammes.map((p) => p.activityId)).toEqual([9]);
    expect(diff.removedProgrammes.map((p) => p.activityId)).toEqual([3]);
    expect(diff.changedProgrammes).toHaveLength(1);
    expect(diff.changedProgrammes[0]?.fields).toEqual(['title', 'startDate', 'ipAreas', 'beneficiaries']);
    expect(isUnchanged(diff)).toBe(false);
  });

  it('ignores key order and empty translations, not a new translation', () => {
    const a = programme(1, 1, 'Clinic', { title: { en: 'Clinic', fr: '' } });
    const b = programme(1, 1, 'Clinic', { title: { fr: undefined, en: 'Clinic' } });
    expect(isUnchanged(diffSnapshots(snapshot(['x'], [a]), snapshot(['x'], [b])))).toBe(true);
    const translated = programme(1, 1, 'Clinic', { title: { en: 'Clinic', fr: 'Clinique' } });
    expect(
      diffSnapshots(snapshot(['x'], [a]), snapshot(['x'], [translated])).changedProgrammes[0]?.fields,
    ).toEqual(['title']);
  });
});
