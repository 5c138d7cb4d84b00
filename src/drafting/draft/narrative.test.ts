import { describe, expect, it } from 'vitest';
import { nextPeriod, periodsOverlap } from '../../reports/period.ts';
import { carryDecision, sentencesNamingPeriod } from './carry-forward.ts';
import { narrativeFromText, narrativeToText } from './narrative.ts';

describe('carry forward', () => {
  const start = '2021-01-01';
  it('carries what ends in or after the new period, asks about what has no end, leaves the rest', () => {
    expect(carryDecision({ endDate: null, endPrecision: null, status: null }, start)).toBe('ask');
    expect(carryDecision({ endDate: null, endPrecision: null, status: 'ongoing' }, start)).toBe('ask');
    expect(carryDecision({ endDate: '2021-01-01', endPrecision: 'day', status: 'ongoing' }, start)).toBe(
      'carry',
    );
    expect(carryDecision({ endDate: '2020-12-31', endPrecision: 'day', status: null }, start)).toBe('leave');
    expect(carryDecision({ endDate: null, endPrecision: null, status: 'completed' }, start)).toBe('leave');
    expect(carryDecision({ endDate: '2025-01-01', endPrecision: 'day', status: 'cancelled' }, start)).toBe(
      'leave',
    );
  });

  it('reads an end known to the month or year as its last day', () => {
    expect(carryDecision({ endDate: '2020-01-01', endPrecision: 'year', status: null }, '2020-07-01')).toBe(
      'carry',
    );
    expect(carryDecision({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-06-30')).toBe(
      'carry',
    );
    expect(carryDecision({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-07-01')).toBe(
      'leave',
    );
  });

  it('flags the sentences that still name the earlier period, not other years', () => {
    const narrative = [
      'Canada reports on its cooperation in 2020–2021. The programme has run since 1997.',
      'In FY2021-22 CIPO trained nine officials',
      'Nothing dated here.',
    ];
    const old = { start: '2020-01-01', end: '2021-12-31' };
    expect(sentencesNamingPeriod(narrative, old, { start: '2022-01-01', end: '2023-12-31' })).toEqual([
      { paragraph: 1, sentence: 'Canada reports on its cooperation in 2020–2021.' },
      { paragraph: 2, sentence: 'In FY2021-22 CIPO trained nine officials' },
    ]);
    // A year shared with the new period is not stale.
    expect(
      sentencesNamingPeriod(['Work in 2021 went on.'], old, { start: '2021-01-01', end: '2022-12-31' }),
    ).toEqual([]);
  });
});

describe('periods and narratives', () => {
  it('proposes the period of the same length from the day after the last one ends', () => {
    expect(nextPeriod({ start: '2020-01-01', end: '2021-12-31', precision: 'year' })).toEqual({
      start: '2022-01-01',
      end: '2023-12-31',
      precision: 'year',
    });
    expect(nextPeriod({ start: '2020-04-01', end: '2021-03-31', precision: 'fiscal-year' })).toEqual({
      start: '2021-04-01',
      end: '2022-03-31',
      precision: 'fiscal-year',
    });
    expect(nextPeriod({ start: '2012-03-01', end: '2013-03-31', precision: 'month' })).toEqual({
      start: '2013-04-01',
      end: '2014-04-30',
      precision: 'month',
    });
    expect(nextPeriod({ start: '2015-04-15', end: '2015-04-24', precision: 'day' })).toEqual({
      start: '2015-04-25',
      end: '2015-05-04',
      precision: 'day',
    });
    expect(
      periodsOverlap({ start: '2021-01-01', end: '2022-12-31' }, { start: '2020-01-01', end: '2021-12-31' }),
    ).toBe(true);
    expect(
      periodsOverlap({ start: '2022-01-01', end: '2023-12-31' }, { start: '2020-01-01', end: '2021-12-31' }),
    ).toBe(false);
  });

  it('splits paragraphs on blank lines only, whatever the line endings', () => {
    const text = 'First line\r\nstill first.\r\n\r\n  \r\nSecond.\n\n\nThird.  ';
    expect(narrativeFromText(text)).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
    expect(narrativeFromText(narrativeToText(['a', 'b']))).toEqual(['a', 'b']);
    expect(narrativeFromText('  \n\n ')).toEqual([]);
  });
});
