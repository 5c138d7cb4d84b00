/**
 * The reporting period of an Art. 67 report as a model of its own: real start and end dates and
 * how precisely the report gave them. Pure: no database, no HTTP. The importer, the drafting
 * workflow, search and the exports read and show periods through this module.
 */
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';

/**
 * How precisely the report states its period: whole calendar years ("2020–2021"), a named
 * fiscal year of the reporter ("FY2019", "2020–21"), months ("March 2012 to March 2013") or days.
 */
export const periodPrecisions = ['year', 'fiscal-year', 'month', 'day'] as const;
export type PeriodPrecision = (typeof periodPrecisions)[number];

export type ReportingPeriod = {
  /** ISO date, first day covered. */
  start: string;
  /** ISO date, last day covered. */
  end: string;
  precision: PeriodPrecision;
};

/** A fiscal calendar: the month the fiscal year starts in, and which calendar year names it. */
export type FiscalCalendar = { startMonth: number; namedBy: 'start' | 'end' };

/**
 * The fiscal calendars of reporters whose Art. 67 reports name fiscal years. A reporter not
 * listed keeps the calendar year. Sources: each government's budget documents.
 */
export const fiscalCalendars: Readonly<Record<string, FiscalCalendar>> = {
  // Japan: April–March; "FY2019" (JFY2019) starts in April 2019.
  JPN: { startMonth: 4, namedBy: 'start' },
  // Canada: April–March, usually written "2020–21"; a single year names the year it ends in.
  CAN: { startMonth: 4, namedBy: 'end' },
  // United Kingdom: April–March; "financial year 2019" starts in April 2019.
  GBR: { startMonth: 4, namedBy: 'start' },
  // United States: October–September; "FY2019" ends on 30 September 2019.
  USA: { startMonth: 10, namedBy: 'end' },
  // Australia and New Zealand: July–June, named by the year it ends in.
  AUS: { startMonth: 7, namedBy: 'end' },
  NZL: { startMonth: 7, namedBy: 'end' },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date of a day, or null when there is no such day (31 April, 29 February 2023). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const lastDayOf = (year: number, month: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`;

/** A period, or null when it would end before it starts. */
function checked(period: ReportingPeriod): ReportingPeriod | null {
  return period.end < period.start ? null : period;
}

/** Whole calendar years, from 1 January of the first to 31 December of the last. */
export function yearsPeriod(startYear: number, endYear = startYear): ReportingPeriod | null {
  return checked({ start: `${pad(startYear, 4)}-01-01`, end: `${pad(endYear, 4)}-12-31`, precision: 'year' });
}

/** From the first day of one month to the last day of another. */
export function monthsPeriod(
  startYear: number,
  startMonth: number,
  endYear: number,
  endMonth: number,
): ReportingPeriod | null {
  if (startMonth < 1 || startMonth > 12 || endMonth < 1 || endMonth > 12) return null;
  return checked({
    start: `${pad(startYear, 4)}-${pad(startMonth)}-01`,
    end: lastDayOf(endYear, endMonth),
    precision: 'month',
  });
}

export function daysPeriod(start: string, end: string): ReportingPeriod | null {
  return checked({ start, end, precision: 'day' });
}

/**
 * A fiscal year of a reporter, named by one year ("FY2019"). Null when the reporter's fiscal
 * calendar is not known or is the calendar year.
 */
export function fiscalYearPeriod(reporterCode: string, name: number): ReportingPeriod | null {
  const calendar = fiscalCalendars[reporterCode];
  if (!calendar) return null;
  const startYear = calendar.namedBy === 'start' ? name : name - 1;
  return fiscalSpan(calendar, startYear, startYear + 1);
}

/**
 * Fiscal years written as a span ("FY2020–21", "fiscal years 2019-2021"): from the start of the
 * first to the end of the last. Null when the reporter's fiscal calendar is not known.
 */
export function fiscalYearsPeriod(
  reporterCode: string,
  firstYear: number,
  lastYear: number,
): ReportingPeriod | null {
  const calendar = fiscalCalendars[reporterCode];
  if (!calendar) return null;
  return fiscalSpan(calendar, firstYear, lastYear);
}

function fiscalSpan(calendar: FiscalCalendar, startYear: number, endYear: number): ReportingPeriod | null {
  if (endYear <= startYear) return null;
  const endMonth = calendar.startMonth === 1 ? 12 : calendar.startMonth - 1;
  return checked({
    start: `${pad(startYear, 4)}-${pad(calendar.startMonth)}-01`,
    end: lastDayOf(endYear, endMonth),
    precision: 'fiscal-year',
  });
}

/** The precision a stored start and end can carry at most (what the dates themselves allow). */
export function widestPrecision(start: string, end: string): PeriodPrecision {
  if (start.endsWith('-01-01') && end.endsWith('-12-31')) return 'year';
  const [ey, em] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
  if (start.endsWith('-01') && end === lastDayOf(ey, em)) return 'month';
  return 'day';
}

/** A stored period: precision from the database when present, else what its dates allow. */
export function storedPeriod(start: string, end: string, precision?: string | null): ReportingPeriod {
  const known = periodPrecisions.find((p) => p === precision);
  return { start, end, precision: known ?? widestPrecision(start, end) };
}

export type PeriodOptionResult = { period: ReportingPeriod } | { error: string };

/**
 * The `--period` option (or any period typed by a person): "2020", "2020-2021", "2020–21",
 * "2015-04/2016-03", "2015-04-01/2016-03-31", "FY2019" (with a reporter whose fiscal calendar is known).
 */
export function parsePeriodText(text: string, reporterCode?: string): PeriodOptionResult {
  const value = text.trim();
  const expected =
    'a period is YYYY, YYYY-YYYY, YYYY-MM/YYYY-MM or YYYY-MM-DD/YYYY-MM-DD (e.g. 2015-04-01/2016-03-31)';
  let match = /^(\d{4})$/.exec(value);
  if (match) return wrap(yearsPeriod(Number(match[1])), value, expected);
  match = /^(\d{4})\s*[-\u2010-\u2014/]\s*(\d{4}|\d{2})$/.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = expandYear(first, match[2] ?? '');
    return wrap(second === null ? null : yearsPeriod(first, second), value, expected);
  }
  match = /^(\d{4})-(\d{2})\s*\/\s*(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [y1, m1, y2, m2] = match.slice(1).map(Number) as [number, number, number, number];
    return wrap(monthsPeriod(y1, m1, y2, m2), value, expected);
  }
  match = /^(\d{4})-(\d{2})-(\d{2})\s*(?:\/|\.\.)\s*(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [y1, m1, d1, y2, m2, d2] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const start = isoDate(y1, m1, d1);
    const end = isoDate(y2, m2, d2);
    if (!start || !end) {
      return { error: `"${value}": the ${start ? 'end' : 'start'} is not a date; ${expected}` };
    }
    return wrap(daysPeriod(start, end), value, expected);
  }
  match = /^(?:FY|JFY)\s*(\d{4})(?:\s*[-\u2010-\u2014/]\s*(\d{4}|\d{2}))?$/i.exec(value);
  if (match) {
    if (!reporterCode || !fiscalCalendars[reporterCode]) {
      return {
        error: `"${value}": the fiscal calendar of ${reporterCode ?? 'this reporter'} is not known; give the dates instead (YYYY-MM-DD/YYYY-MM-DD)`,
      };
    }
    const first = Number(match[1]);
    const second = match[2] ? expandYear(first, match[2]) : null;
    const period = match[2]
      ? second === null
        ? null
        : fiscalYearsPeriod(reporterCode, first, second)
      : fiscalYearPeriod(reporterCode, first);
    return wrap(period, value, expected);
  }
  return { error: `"${value}" is not a period; ${expected}` };
}

function wrap(period: ReportingPeriod | null, value: string, expected: string): PeriodOptionResult {
  return period ? { period } : { error: `"${value}" ends before it starts or is not a date; ${expected}` };
}

/** "21" after 2020 is 2021; "2021" stays. Null when the second year is before the first. */
export function expandYear(first: number, second: string): number | null {
  let year = Number(second);
  if (second.length === 2) {
    year = Math.floor(first / 100) * 100 + year;
    if (year < first) year += 100;
  }
  return year < first ? null : year;
}

/** The period in the compact form `--period` accepts back: "2020-2021", "2015-04/2016-03", "2015-04-01/2016-03-31". */
export function periodText(period: ReportingPeriod): string {
  const [sy, ey] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  switch (period.precision) {
    case 'year':
      return sy === ey ? sy : `${sy}-${ey}`;
    case 'month':
      return `${period.start.slice(0, 7)}/${period.end.slice(0, 7)}`;
    default:
      return `${period.start}/${period.end}`;
  }
}

/** The period in the reader's language as precisely as it is known: "2020–2021", "March 2012 – March 2013", "1 April 2015 – 31 March 2016". */
export function formatReportingPeriod(period: ReportingPeriod, lang: Language): string {
  const [sy, ey] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  switch (period.precision) {
    case 'year':
      return sy === ey ? sy : `${sy}–${ey}`;
    case 'month':
    case 'fiscal-year':
      return `${formatDate(lang, period.start, 'month')} – ${formatDate(lang, period.end, 'month')}`;
    default:
      return `${formatDate(lang, period.start, 'day')} – ${formatDate(lang, period.end, 'day')}`;
  }
}

/** The short label of titles and lists: the years the period touches, "2020–2021" or "2015". */
export function periodYears(period: Pick<ReportingPeriod, 'start' | 'end'>): string {
  const [sy, ey] = [period.start.slice(0, 4), period.end.slice(0, 4)];
  return sy === ey ? sy : `${sy}–${ey}`;
}

/** The period a report circulated on `circulationDate` most likely covers: the year before and its own. */
export function suggestedPeriodText(circulationDate: string): string {
  const year = Number(circulationDate.slice(0, 4));
  return `${year - 1}-${year}`;
}

/** The ISO date `days` after (or before, if negative) an ISO date. */
export function shiftDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const monthIndex = (isoDay: string) => Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1;

/**
 * The period after `previous`, of the same length, starting the day after it ends: 2020–2021
 * gives 2022–2023, April 2020 – March 2021 gives April 2021 – March 2022. A period of whole
 * months keeps its number of months and its precision; any other keeps its number of days.
 */
export function nextPeriod(previous: ReportingPeriod): ReportingPeriod {
  const start = shiftDays(previous.end, 1);
  const [sy, sm] = [Number(previous.start.slice(0, 4)), Number(previous.start.slice(5, 7))];
  const wholeMonths =
    previous.start.endsWith('-01') &&
    previous.end === lastDayOf(Number(previous.end.slice(0, 4)), Number(previous.end.slice(5, 7)));
  if (wholeMonths && sy > 0 && sm > 0) {
    const months = monthIndex(previous.end) - monthIndex(previous.start) + 1;
    const last = monthIndex(start) + months - 1;
    const end = lastDayOf(Math.floor(last / 12), (last % 12) + 1);
    return {
      start,
      end,
      precision: previous.precision === 'day' ? widestPrecision(start, end) : previous.precision,
    };
  }
  const days = Math.round((Date.parse(previous.end) - Date.parse(previous.start)) / 86_400_000);
  return { start, end: shiftDays(start, days), precision: 'day' };
}

/** Whether two periods share at least one day. */
export const periodsOverlap = (
  a: Pick<ReportingPeriod, 'start' | 'end'>,
  b: Pick<ReportingPeriod, 'start' | 'end'>,
) => a.start <= b.end && b.start <= a.end;

/**
 * The precision of a period typed as two days: a fiscal year when the reporter's previous report
 * was one and the days still fall on whole months, otherwise what the days allow.
 */
export function typedPeriodPrecision(
  start: string,
  end: string,
  previous?: PeriodPrecision | null,
): PeriodPrecision {
  const widest = widestPrecision(start, end);
  if (previous === 'fiscal-year' && widest === 'month') return 'fiscal-year';
  return widest;
}
