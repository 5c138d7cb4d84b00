import { describe, expect, it } from 'vitest';
import { searchQuery } from './url.ts';

describe('searchQuery', () => {
  it('keeps a stable order and drops empty values', () => {
    expect(searchQuery({ ipArea: 'patents', q: 'training', donor: undefined, from: '' })).toBe(
      '?q=training&ipArea=patents',
    );
  });

  it('goes back to page 1 when a filter changes, and keeps the page when paging', () => {
    expect(searchQuery({ q: 'x', page: 3 }, { beneficiary: 'CRI' })).toBe('?q=x&beneficiary=CRI');
    expect(searchQuery({ q: 'x', page: 3 }, { page: 4 })).toBe('?q=x&page=4');
    expect(searchQuery({ q: 'x', page: 3 }, { page: 1 })).toBe('?q=x');
  });

  it('encodes what it carries', () => {
    expect(searchQuery({ q: 'propriété & <script>' })).toBe('?q=propri%C3%A9t%C3%A9+%26+%3Cscript%3E');
    expect(searchQuery({ ldc: true })).toBe('?ldc=1');
  });
});
