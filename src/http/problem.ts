import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Errors as RFC 9457 problem documents, with the offending fields when there are some. */
export function problemJson(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  errors?: Array<{ field: string; message: string }>,
) {
  return c.json({ status, detail, ...(errors ? { errors } : {}) }, status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}
