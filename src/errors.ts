/**
 * Domain errors. Services throw them when a request cannot go on — the record does not exist, or
 * the account may not touch it — and know nothing of HTTP; the route layer (the app's error
 * handler) answers 404 or 403 with a page in the user's language. This module imports nothing.
 */

/** The record asked for does not exist (or is not one the caller may know exists). */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`no such ${what}`);
    this.name = 'NotFoundError';
  }
}

/** The record exists, but the account may not see or change it. */
export class ForbiddenError extends Error {
  constructor(reason = 'not allowed') {
    super(reason);
    this.name = 'ForbiddenError';
  }
}
