import { type Language, locales } from './languages.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(language: Language, precision: 'day' | 'month' | 'year') {
  const key = `${language}:${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision !== 'year' ? { month: 'long' } : {}),
      ...(precision === 'day' ? { day: 'numeric' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date shown only as precisely as it is known: "7 September 2020", "September 2020", "2020". */
export function formatDate(
  language: Language,
  isoDate: string | null | undefined,
  precision: 'day' | 'month' | 'year' | null = 'day',
): string | null {
  if (!isoDate) return null;
  const formatter = dateFormatter(language, precision ?? 'day');
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  // French writes the first day of a month as an ordinal: "1er janvier 1995", never "1 janvier".
  if (language === 'fr' && (precision ?? 'day') === 'day' && date.getUTCDate() === 1)
    return formatter
      .formatToParts(date)
      .map((part) => (part.type === 'day' ? '1er' : part.value))
      .join('');
  return formatter.format(date);
}

const rangeFormatters = new Map<Language, Intl.DateTimeFormat>();

/** "7–11 October 2024", "7-11 octobre 2024": one range, the shared month and year written once. */
export function formatDateRange(lang: Language, start: string | null, end: string | null): string | null {
  if (!start || !end || start === end) return formatDate(lang, start ?? end);
  let formatter = rangeFormatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[lang], {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    rangeFormatters.set(lang, formatter);
  }
  return formatter.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

// Building an Intl.NumberFormat costs far more than using one, and a search page formats hundreds
// of facet counts: one formatter per language and set of options, kept for the process.
const numberFormatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? `${language}:${JSON.stringify(options)}` : language;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locales[language], options);
    numberFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

export function formatPercent(language: Language, share: number): string {
  return formatNumber(language, share, { style: 'percent', maximumFractionDigits: 0 });
}

/** "2020–2021", or one year when the period is a single year. */
export function formatPeriod(start: string, end: string): string {
  const [from, to] = [start.slice(0, 4), end.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
}

const dateTimeFormatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * A moment in the page's language: "7 September 2020, 14:05", "7 septembre 2020 à 14:05".
 * A Date is shown in UTC, with "UTC" after it; a wall-clock "YYYY-MM-DDTHH:MM" (an agenda's local
 * time) is shown as written, without a zone.
 */
export function formatDateTime(language: Language, value: Date | string): string {
  let formatter = dateTimeFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], {
      timeZone: 'UTC',
      dateStyle: 'long',
      timeStyle: 'short',
    });
    dateTimeFormatters.set(language, formatter);
  }
  if (typeof value === 'string') return formatter.format(new Date(`${value.slice(0, 16)}:00Z`));
  return `${formatter.format(value)} UTC`;
}
