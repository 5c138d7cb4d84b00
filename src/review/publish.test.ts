import { describe, expect, it } from 'vitest';
import { checkCirculationDate } from './publish.ts';

describe('circulation date', () => {
  it('takes real days from 1995 to a year ahead', () => {
    expect(checkCirculationDate(' 2023-03-01 ', '2024-06-01')).toEqual({ date: '2023-03-01' });
    expect(checkCirculationDate('2025-06-01', '2024-06-01')).toEqual({ date: '2025-06-01' });
    for (const typed of ['2023-02-30', '2023-13-01', '1/3/2023', '', '2023-3-1']) {
      expect(checkCirculationDate(typed, '2024-06-01'), typed).toEqual({ problem: 'dateInvalid' });
    }
    expect(checkCirculationDate('1994-12-31', '2024-06-01')).toMatchObject({ problem: 'dateOutOfRange' });
    expect(checkCirculationDate('2025-06-03', '2024-06-01')).toEqual({
      problem: 'dateOutOfRange',
      min: '1995-01-01',
      max: '2025-06-02',
    });
  });
});
