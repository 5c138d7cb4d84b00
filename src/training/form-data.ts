/** "a\nb\n\nc" → ['a', 'b', 'c']: lists typed one per line. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Years a date may fall in: PostgreSQL refuses year 0, and nothing here happens outside these. */
export const calendarYears = { min: 1900, max: 2100 } as const;

/** A real calendar day, not 2025-02-31, in the years 1900–2100. */
export function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < calendarYears.min || year > calendarYears.max) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
