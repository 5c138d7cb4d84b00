import { describe, expect, it } from 'vitest';
import { parseDocumentSymbol } from './document-symbol.ts';
import {
  fiscalYearPeriod,
  fiscalYearsPeriod,
  formatReportingPeriod,
  monthsPeriod,
  parsePeriodText,
  periodText,
  storedPeriod,
  suggestedPeriodText,
  yearsPeriod,
} from './period.ts';

describe('reporting period', () => {
  it('reads what --period accepts, with its precision', () => {
    expect(parsePeriodText('2020')).toEqual({
      period: { start: '2020-01-01', end: '2020-12-31', precision: 'year' },
    });
    expect(parsePeriodText('2020-2021')).toEqual({
      period: { start: '2020-01-01', end: '2021-12-31', precision: 'year' },
    });
    expect(parsePeriodText('2020–21')).toEqual({
      period: { start: '2020-01-01', end: '2021-12-31', precision: 'year' },
    });
    expect(parsePeriodText('1999-00')).toEqual({
      period: { start: '1999-01-01', end: '2000-12-31', precision: 'year' },
    });
    expect(parsePeriodText('2015-04/2016-03')).toEqual({
      period: { start: '2015-04-01', end: '2016-03-31', precision: 'month' },
    });
    expect(parsePeriodText('2015-04-01/2016-03-31')).toEqual({
      period: { start: '2015-04-01', end: '2016-03-31', precision: 'day' },
    });
    expect(parsePeriodText('FY2019', 'JPN')).toEqual({
      period: { start: '2019-04-01', end: '2020-03-31', precision: 'fiscal-year' },
    });
  });

  it('refuses, saying why, what is not a period', () => {
    for (const bad of [
      '',
      '20',
      '2021-2020',
      '2015-02-30/2016-01-01',
      '2016-03-31/2015-04-01',
      'last year',
      '2015-13/2016-01',
    ]) {
      const result = parsePeriodText(bad);
      expect(result, bad).toHaveProperty('error');
      expect('error' in result && result.error).toMatch(/period|date/);
    }
    expect(parsePeriodText('FY2019', 'CHE')).toEqual({
      error: expect.stringContaining('fiscal calendar of CHE is not known'),
    });
  });

  it('knows which year names a fiscal year', () => {
    expect(fiscalYearPeriod('JPN', 2019)).toMatchObject({ start: '2019-04-01', end: '2020-03-31' });
    expect(fiscalYearPeriod('USA', 2019)).toMatchObject({ start: '2018-10-01', end: '2019-09-30' });
    expect(fiscalYearPeriod('AUS', 2019)).toMatchObject({ start: '2018-07-01', end: '2019-06-30' });
    expect(fiscalYearPeriod('NZL', 2020)).toMatchObject({ start: '2019-07-01', end: '2020-06-30' });
    expect(fiscalYearsPeriod('CAN', 2020, 2021)).toMatchObject({ start: '2020-04-01', end: '2021-03-31' });
    expect(fiscalYearPeriod('CHE', 2019)).toBeNull();
  });

  it('writes a period back in the form --period reads, and in words as precisely as it is known', () => {
    const fiscal = fiscalYearsPeriod('CAN', 2020, 2021);
    const months = monthsPeriod(2012, 3, 2013, 3);
    const years = yearsPeriod(2020, 2021);
    if (!fiscal || !months || !years) throw new Error('periods expected');
    expect(periodText(years)).toBe('2020-2021');
    expect(periodText(months)).toBe('2012-03/2013-03');
    expect(periodText(fiscal)).toBe('2020-04-01/2021-03-31');
    for (const period of [years, months, fiscal]) {
      expect(parsePeriodText(periodText(period))).toEqual({
        period: { ...period, precision: period.precision === 'fiscal-year' ? 'day' : period.precision },
      });
    }
    expect(formatReportingPeriod(years, 'en')).toBe('2020–2021');
    expect(formatReportingPeriod(months, 'en')).toBe('March 2012 – March 2013');
    expect(formatReportingPeriod(months, 'es')).toBe('marzo de 2012 – marzo de 2013');
    expect(formatReportingPeriod({ ...fiscal, precision: 'day' }, 'fr')).toBe(
      '1er avril 2020 – 31 mars 2021',
    );
  });

  it('reads a stored period without a precision from what its dates allow', () => {
    expect(storedPeriod('2020-01-01', '2021-12-31').precision).toBe('year');
    expect(storedPeriod('2020-04-01', '2021-03-31').precision).toBe('month');
    expect(storedPeriod('2020-04-15', '2021-03-31').precision).toBe('day');
    expect(storedPeriod('2020-04-01', '2021-03-31', 'fiscal-year').precision).toBe('fiscal-year');
  });

  it('suggests the year before the circulation date and its own', () => {
    expect(suggestedPeriodText('2012-10-15')).toBe('2011-2012');
  });
});

describe('document symbol', () => {
  it('reads both series, with addenda and corrigenda, in any spacing or case', () => {
    expect(parseDocumentSymbol('IP/C/W/584/Add.3')).toEqual({
      symbol: 'IP/C/W/584/Add.3',
      series: 'IP/C/W',
      addendum: 3,
      corrigendum: null,
      revision: null,
    });
    expect(parseDocumentSymbol('ip/c/r/tc/can/add.1/corr.1')).toMatchObject({
      symbol: 'IP/C/R/TC/CAN/Add.1/Corr.1',
      series: 'IP/C/R/TC',
      addendum: 1,
      corrigendum: 1,
    });
    expect(parseDocumentSymbol('IP/C/R/TC/EU')).toMatchObject({ symbol: 'IP/C/R/TC/EU', addendum: null });
    expect(parseDocumentSymbol('IP/C/M/90')).toBeNull();
    expect(parseDocumentSymbol('see IP/C/W/584')).toBeNull();
  });
});
