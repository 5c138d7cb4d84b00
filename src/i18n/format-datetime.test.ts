import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format.ts';

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
