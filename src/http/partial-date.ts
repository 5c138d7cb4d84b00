/** How precisely a date is known (the activities table stores it beside the date). */
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * A date known to the year, the month or the day. `date` is the first day of what is known
 * ("2024" → 2024-01-01), which is how the activities table stores it next to the precision.
 */
export type PartialDate = { date: string; precision: DatePrecision };

export const yearRange = { min: 1900, max: 2100 } as const;

export type DateProblem = 'format' | 'not-a-date' | 'out-of-range';

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with "/" or "." and one-digit months or days). */
export function parsePartialDate(text: string): PartialDate | DateProblem {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text.trim());
  if (!match) return 'format';
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  if (year < yearRange.min || year > yearRange.max) return 'out-of-range';
  if (monthText === undefined) return { date: `${year}-01-01`, precision: 'year' };
  const month = Number(monthText);
  if (month < 1 || month > 12) return 'not-a-date';
  if (dayText === undefined) return { date: `${year}-${pad(month)}-01`, precision: 'month' };
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) return 'not-a-date';
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day a partial date covers: "2024" runs to 2024-12-31, "2024-02" to 2024-02-29. */
export function lastDayCovered(value: PartialDate): string {
  const [year, month] = value.date.split('-').map(Number) as [number, number];
  if (value.precision === 'year') return `${year}-12-31`;
  if (value.precision === 'month') return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  return value.date;
}

/**
 * An end is before a start only when nothing the end covers can follow the start:
 * a start in June 2020 and an end "2020" are compatible.
 */
export const endsBeforeStart = (start: PartialDate, end: PartialDate): boolean =>
  lastDayCovered(end) < start.date;

/** "2024", "2024-10" or "2024-10-07": the date written as precisely as it is known. */
export function formatPartialDate(value: PartialDate): string {
  if (value.precision === 'year') return value.date.slice(0, 4);
  if (value.precision === 'month') return value.date.slice(0, 7);
  return value.date;
}
