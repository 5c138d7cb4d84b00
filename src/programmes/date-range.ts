import { formatDate } from '../i18n/format.ts';
import { type Language, locales } from '../i18n/languages.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** "7–11 October 2024", "7-11 octobre 2024": one range, the shared month and year written once. */
export function formatDateRange(lang: Language, start: string | null, end: string | null): string | null {
  if (!start || !end || start === end) return formatDate(lang, start ?? end);
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[lang], {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formatters.set(lang, formatter);
  }
  return formatter.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}
