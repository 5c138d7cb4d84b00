import type { Context } from 'hono';
import type { z } from 'zod';

/** A parsed form: the CSRF check parses with { all: true }, so any field may come as a list. */
export type FormBody = Record<string, string | File | Array<string | File>>;

export const readForm = (c: Context) => c.req.parseBody({ all: true }) as Promise<FormBody>;

/** The first text value of a field, trimmed; '' when absent. */
export function formText(form: FormBody, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every text value of a repeated field (checkboxes). */
export function formList(form: FormBody, name: string): string[] {
  const value = form[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.flatMap((one) => (typeof one === 'string' && one.trim() ? [one.trim()] : []));
}

export function formFile(form: FormBody, name: string): File | null {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first instanceof File ? first : null;
}

/** "a\nb\n\nc" → ['a', 'b', 'c']: lists typed one per line. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Field → message key. Schemas give message keys as their error texts, so views translate them. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

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

export function positiveId(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}
