import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('a moment in the page’s language', () => {
  it('writes the month in words, in UTC, never an ISO string', () => {
    const moment = new Date('2026-11-30T14:05:00Z');
    expect(formatDateTime('en', moment)).toContain('30 November 2026');
    expect(formatDateTime('fr', moment)).toContain('30 novembre 2026');
    expect(formatDateTime('es', moment)).toContain('30 de noviembre de 2026');
    expect(formatDateTime('fr', moment)).toContain('14:05');
    expect(formatDateTime('en', moment)).toMatch(/UTC$/);
    expect(formatDateTime('es', '2029-11-05T09:00')).not.toContain('UTC');
  });
});

describe('a date in the page’s language', () => {
  it('writes the first of a month as French does, "1er janvier", and other days as numbers', () => {
    expect(formatDate('fr', '1995-01-01')).toBe('1er janvier 1995');
    expect(formatDate('fr', '1995-01-02')).toBe('2 janvier 1995');
    expect(formatDate('fr', '1995-01-01', 'month')).toBe('janvier 1995');
    expect(formatDate('en', '1995-01-01')).toBe('1 January 1995');
    expect(formatDate('es', '1995-01-01')).toBe('1 de enero de 1995');
  });
});
