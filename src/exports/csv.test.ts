import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import { activitiesCsv, csvField } from './csv.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { activityIdsOfReport, insertActivity } from './test-fixtures.ts';

/** A strict RFC 4180 reader, so the test does not trust the writer's own idea of quoting. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('last line has no CRLF');
  return rows;
}

describe('activitiesCsv', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let hostile: ExportActivity[];
  let demo: ExportActivity[];
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { reportId } = await seedDemo(database.db);
    labels = await loadReferenceLabels(database.db);
    const ids = [
      await insertActivity(database.db, { title: { en: '=HYPERLINK("http://x")' } }),
      await insertActivity(database.db, { title: { en: '@SUM(1)' } }),
      await insertActivity(database.db, { title: { en: '-2+3' } }),
      await insertActivity(database.db, {
        title: { en: 'Commas, "quotes"\r\nand lines' },
        description: { en: '\tTabbed' },
      }),
    ];
    hostile = await loadExportActivities(database.db, ids);
    demo = await loadExportActivities(database.db, await activityIdsOfReport(database.db, reportId));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes UTF-8 with a BOM, CRLF and a localized header', () => {
    const csv = activitiesCsv(demo, ['id', 'title', 'beneficiary_names'], {
      lang: 'fr',
      labels,
      baseUrl: 'https://x.example',
    });
    expect(csv.startsWith('\uFEFFID,Titre,Bénéficiaires\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(11);
    expect(rows[7]?.[2]?.split('; ')).toContain('Bolivie, État plurinational de');
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const csv = activitiesCsv(hostile, ['title', 'description'], {
      lang: 'en',
      labels,
      baseUrl: 'https://x.example',
    });
    const rows = readCsv(csv.slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://x")',
      "'@SUM(1)",
      "'-2+3",
      'Commas, "quotes"\r\nand lines',
    ]);
    expect(rows[4]?.[1]).toBe("'\tTabbed");
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
  });

  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
