import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import type { ColumnKey } from './columns.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { activityIdsOfReport, insertActivity, insertRichActivity } from './test-fixtures.ts';
import { activitiesXlsx } from './xlsx.ts';

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('activitiesXlsx', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let activities: ExportActivity[];
  const columns: ColumnKey[] = ['id', 'title', 'start_date', 'beneficiary_names', 'budget', 'status_label'];
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { reportId } = await seedDemo(database.db);
    labels = await loadReferenceLabels(database.db);
    const ids = await activityIdsOfReport(database.db, reportId);
    ids.push((await insertRichActivity(database.db)).id);
    ids.push(await insertActivity(database.db, { title: { en: '=HYPERLINK("http://x")' } }));
    ids.push(await insertActivity(database.db, { title: { en: '@SUM(1)\u0007' } }));
    ids.push(await insertActivity(database.db, { title: { en: '-2+3' } }));
    activities = await loadExportActivities(database.db, ids);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has a bold, frozen, localized header and localized sheet names', async () => {
    const buffer = await activitiesXlsx(activities, columns, {
      lang: 'fr',
      labels,
      baseUrl: 'https://x.example',
      generatedAt: new Date('2025-03-04T05:06:07Z'),
    });
    const workbook = await readBack(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Activités', 'À propos']);
    const sheet = workbook.getWorksheet('Activités');
    const header = sheet?.getRow(1);
    expect(header?.values).toEqual([
      undefined,
      'ID',
      'Titre',
      'Date de début',
      'Bénéficiaires',
      'Budget',
      'Statut',
    ]);
    expect(header?.getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.rowCount).toBe(1 + activities.length);
    expect(workbook.getWorksheet('À propos')?.getRow(1).getCell(2).value).toBe('2025-03-04T05:06:07.000Z');
  });

  it('writes every cell as a string, dates as ISO text, formulas neutralised', async () => {
    const buffer = await activitiesXlsx(activities, columns, {
      lang: 'es',
      labels,
      baseUrl: 'https://x.example',
    });
    const sheet = (await readBack(buffer)).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell);
      });
    });
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
    }
    const titles = sheet.getColumn(2).values.slice(2) as string[];
    expect(titles.slice(-3)).toEqual(['\'=HYPERLINK("http://x")', "'@SUM(1)", "'-2+3"]);
    const rich = sheet.getRow(12);
    expect(rich.getCell(2).value).toBe('Taller sobre patentes y señales — año 2023 & "comillas"');
    expect(rich.getCell(3).value).toBe('2023-03');
    expect(rich.getCell(4).value).toBe(
      'Nepal; Centroamérica; Bolivia, Estado Plurinacional de; Países menos adelantados; OAPI; Îles du Pacifique & <autres>',
    );
    expect(rich.getCell(5).value).toBe('125000.50');
    expect(sheet.getRow(3).getCell(3).value).toBe('2020-09-07');
  });
});
