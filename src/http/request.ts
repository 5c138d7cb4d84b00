import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

/** Reading requests the same way everywhere: one parse of the body, one trimming rule, one id rule. */

/** A parsed form: the CSRF check parses with { all: true }, so any field may come as a list. */
export type FormBody = Record<string, string | File | Array<string | File>>;

/** The form body (parsed once, by the CSRF check, and cached by Hono). */
export const readForm = (c: Context) => c.req.parseBody({ all: true }) as Promise<FormBody>;

/** The first text value of a field, trimmed; '' when absent or a file. */
export function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every non-empty text value of a repeated field (checkboxes, multi-selects), trimmed. */
export function formList(form: Record<string, unknown>, name: string): string[] {
  const value = form[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.flatMap((one) => (typeof one === 'string' && one.trim() ? [one.trim()] : []));
}

export function formFile(form: Record<string, unknown>, name: string): File | null {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first instanceof File ? first : null;
}

/** Field → message key. Schemas give message keys as their error texts, so views translate them. */
export type FieldErrors = Record<string, string>;

/** The first problem of each field of a refused zod parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A database id as typed in a path: digits within PostgreSQL's integer, else null. */
export function positiveId(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= 2_147_483_647 ? id : null;
}

/** A numeric path parameter, or 404: past PostgreSQL's integers there is no such record. */
export function idParam(c: Context, name = 'id'): number {
  const id = positiveId(c.req.param(name));
  if (!id) throw new HTTPException(404, { message: `no such ${name}` });
  return id;
}

/** After a POST, to a page (303, so a reload does not post again), with what was done (?done=…). */
export const redirectAfterPost = (c: Context, path: string, done?: string) =>
  c.redirect(done ? `${path}${path.includes('?') ? '&' : '?'}done=${done}` : path, 303);
