import { describe, expect, it } from 'vitest';
import { periodFromYears } from '../service.ts';
import { isStillOngoing } from './carry-forward.ts';
import { narrativeFromText, narrativeToText } from './narrative.ts';

describe('carry forward', () => {
  const start = '2021-01-01';
  it('keeps what has no end, or ends in or after the new period, unless completed or cancelled', () => {
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: null }, start)).toBe(true);
    expect(isStillOngoing({ endDate: '2021-01-01', endPrecision: 'day', status: 'ongoing' }, start)).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-12-31', endPrecision: 'day', status: null }, start)).toBe(false);
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: 'completed' }, start)).toBe(false);
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: 'cancelled' }, start)).toBe(false);
  });

  it('reads an end known to the month or year as its last day', () => {
    expect(isStillOngoing({ endDate: '2020-01-01', endPrecision: 'year', status: null }, '2020-07-01')).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-06-30')).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-07-01')).toBe(
      false,
    );
  });
});

describe('periods and narratives', () => {
  it('stores periods as whole calendar years, like the demo report', () => {
    expect(periodFromYears(2021, 2022)).toEqual({ periodStart: '2021-01-01', periodEnd: '2022-12-31' });
  });

  it('splits paragraphs on blank lines only, whatever the line endings', () => {
    const text = 'First line\r\nstill first.\r\n\r\n  \r\nSecond.\n\n\nThird.  ';
    expect(narrativeFromText(text)).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
    expect(narrativeFromText(narrativeToText(['a', 'b']))).toEqual(['a', 'b']);
    expect(narrativeFromText('  \n\n ')).toEqual([]);
  });
});
