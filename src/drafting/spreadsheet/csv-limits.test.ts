import { describe, expect, it } from 'vitest';
import { readGrid } from './grid.ts';
import { spreadsheetLimits } from './limits.ts';
import { spreadsheetText } from './messages.ts';

describe('CSV rows too long to be an activity', () => {
  it('says a cell holds too much text, at the row where it starts, not "check the quotation marks"', async () => {
    const csv = `title,description\nShort,Fine\nLong,"${'y'.repeat(1_900_000)}"\n`;
    const grid = await readGrid(Buffer.from(csv), spreadsheetLimits);
    expect(grid).toEqual({ refused: 'csvRowTooLong', params: { line: 3, max: '1\u202f000\u202f000' } });
    const message = spreadsheetText('fr')('csvRowTooLong', {
      file: 'a.csv',
      ...('params' in grid ? grid.params : {}),
    });
    expect(message).toContain('ligne 3');
    expect(message).toContain('1\u202f000\u202f000 caractères');
  });

  it('names the same limit for a quotation mark never closed', async () => {
    const csv = `title,description\nOpen,"${'line\n'.repeat(300_000)}`;
    expect(await readGrid(Buffer.from(csv), spreadsheetLimits)).toMatchObject({
      refused: 'csvRowTooLong',
      params: { line: 2 },
    });
  });
});
