import { describe, expect, it } from 'vitest';
import { choosePeriod, circulationDateIn, dateLine, periodCandidates } from './period-phrases.ts';

const periodOf = (text: string, reporter: string | null = null) => {
  const choice = choosePeriod(periodCandidates(text, reporter));
  return choice ? { ...choice.chosen.period, guessed: choice.guessed } : null;
};

const years = (start: number, end: number) => ({
  start: `${start}-01-01`,
  end: `${end}-12-31`,
  precision: 'year',
  guessed: false,
});

describe('periods in the words of a narrative', () => {
  it.each([
    ['This report covers the 2020-2021 period.', years(2020, 2021)],
    ['It covers activities undertaken from 2014 to 2015.', years(2014, 2015)],
    ['The report relates to activities between 2016 and 2017.', years(2016, 2017)],
    ['Le présent rapport porte sur la période 2019-2020.', years(2019, 2020)],
    ['Le rapport couvre les activités menées de 2017 à 2018.', years(2017, 2018)],
    ['Información correspondiente al período 2018-2019.', years(2018, 2019)],
    ['El informe abarca las actividades realizadas entre 2012 y 2013.', years(2012, 2013)],
    ['Activities of the 2010/11 reporting period.', years(2010, 2011)],
    ['This is the report of 2012, as in previous years.', years(2012, 2012)],
  ])('%s', (text, expected) => {
    expect(periodOf(text)).toEqual(expected);
  });

  it.each([
    ['In the period March 2012 to March 2013, the Office trained examiners.', '2012-03-01', '2013-03-31'],
    ['Between April 2020 and March 2021 the Agency ran six courses.', '2020-04-01', '2021-03-31'],
    ['The report covers May 2015 to May 2016.', '2015-05-01', '2016-05-31'],
    [
      'Pendant la période d’octobre 2014 à septembre 2015, l’Office a formé des juges.',
      '2014-10-01',
      '2015-09-30',
    ],
    [
      'Durante el período de octubre de 2014 a septiembre de 2015 se formaron jueces.',
      '2014-10-01',
      '2015-09-30',
    ],
    ['It covers the period from January to December 2019.', '2019-01-01', '2019-12-31'],
    ['Activities undertaken from November 2016 through October 2017.', '2016-11-01', '2017-10-31'],
  ])('month range: %s', (text, start, end) => {
    expect(periodOf(text)).toMatchObject({ start, end, precision: 'month' });
  });

  it.each([
    ['This report covers the period from 1 July 2013 to 30 June 2014.', '2013-07-01', '2014-06-30'],
    ['for the period from 1 April 2015 to 31 March 2016', '2015-04-01', '2016-03-31'],
    ['Le rapport couvre la période du 1er juillet 2019 au 30 juin 2020.', '2019-07-01', '2020-06-30'],
    [
      'Informe correspondiente al período del 1 de abril de 2019 al 31 de marzo de 2020.',
      '2019-04-01',
      '2020-03-31',
    ],
    ['The period covered is July 1, 2017 through June 30, 2018.', '2017-07-01', '2018-06-30'],
    ['Reporting period: 01/10/2018 - 30/09/2019.', '2018-10-01', '2019-09-30'],
    ['The report covers the period 1 April to 31 December 2015.', '2015-04-01', '2015-12-31'],
  ])('day range: %s', (text, start, end) => {
    expect(periodOf(text)).toMatchObject({ start, end, precision: 'day' });
  });

  it('reads a named fiscal year with the reporter’s calendar, and says when the calendar is unknown', () => {
    expect(periodOf('This report covers activities in FY2019.', 'JPN')).toMatchObject({
      start: '2019-04-01',
      end: '2020-03-31',
      precision: 'fiscal-year',
    });
    expect(periodOf('Activities in fiscal year 2019.', 'USA')).toMatchObject({
      start: '2018-10-01',
      end: '2019-09-30',
    });
    expect(periodOf('It covers the 2020–21 fiscal year.', 'CAN')).toMatchObject({
      start: '2020-04-01',
      end: '2021-03-31',
    });
    expect(periodOf('Le rapport couvre l’exercice 2018-2019.', 'CAN')).toMatchObject({ start: '2018-04-01' });
    expect(periodOf('Activities during the 2019-20 financial year.', 'AUS')).toMatchObject({
      start: '2019-07-01',
      end: '2020-06-30',
    });
    const unknown = choosePeriod(periodCandidates('It covers fiscal year 2019.', 'CHE'));
    expect(unknown?.chosen).toMatchObject({
      calendarUnknown: true,
      period: { start: '2019-01-01', end: '2019-12-31' },
    });
  });

  it('prefers the period the text calls its own, and a more precise statement of the same years', () => {
    expect(
      periodOf('Since 1998-1999 Canada has helped. This report covers the 2014-2015 period.'),
    ).toMatchObject({
      start: '2014-01-01',
    });
    expect(
      periodOf(
        'This report covers the 2015-2016 period, namely the period from 1 April 2015 to 31 March 2016.',
      ),
    ).toMatchObject({ start: '2015-04-01', end: '2016-03-31', precision: 'day' });
  });

  it('guesses the first range when nothing says which is the period, and never a lone year', () => {
    expect(periodOf('Canada trained 40 examiners in 2014-2015.')).toMatchObject({
      start: '2014-01-01',
      guessed: true,
    });
    expect(periodOf('Canada joined the Madrid Protocol in 2019.')).toBeNull();
    expect(periodOf('Document IP/C/W/2012/Add.3, adopted on 2014-05-01.')).toBeNull();
  });

  it('reads the circulation date of the covering formula', () => {
    expect(
      circulationDateIn(
        'The following communication, dated 15 October 2012, is being circulated at the request of the delegation of Japan.',
      ),
    ).toBe('2012-10-15');
    expect(circulationDateIn('La communication ci-après, datée du 3 novembre 2016, est distribuée…')).toBe(
      '2016-11-03',
    );
    expect(
      circulationDateIn('La siguiente comunicación, de fecha 1º de octubre de 2019, se distribuye…'),
    ).toBe('2019-10-01');
    expect(dateLine('15 October 2012')).toBe('2012-10-15');
    expect(dateLine('Canada')).toBeNull();
  });
});
