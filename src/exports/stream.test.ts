import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels } from '../reference/labels.ts';
import { iatiSchemaErrors } from '../testing/xml.ts';
import type { ColumnKey, RowContext } from './columns.ts';
import { activitiesCsv } from './csv.ts';
import { activitiesIatiXml } from './iati.ts';
import { activitiesJsonDocument } from './json.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { type DownloadFormat, downloadStream, exportBatches } from './stream.ts';
import { activityIdsOfReport, hostileTitle, insertActivity, insertRichActivity } from './test-fixtures.ts';

const columns: ColumnKey[] = ['id', 'title', 'start_date', 'beneficiary_names', 'budget', 'status_label'];

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe('downloads written a batch at a time', () => {
  let database: Database;
  let ids: number[];
  let whole: ExportActivity[];
  let context: RowContext;
  const errors: unknown[] = [];

  /** The download as the route writes it, with batches of three so every format spans several. */
  const streamed = (format: DownloadFormat) =>
    downloadStream(
      () => exportBatches(database.db, ids, {}, 3),
      ids.length,
      { format, columns, context, query: { q: ['training'] } },
      (error) => errors.push(error),
    );

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { reportId } = await seedDemo(database.db);
    ids = await activityIdsOfReport(database.db, reportId);
    ids.push((await insertRichActivity(database.db)).id);
    ids.push(await insertActivity(database.db, { title: hostileTitle }));
    ids.push(await insertActivity(database.db, { title: { en: '=HYPERLINK("http://x")' } }));
    whole = await loadExportActivities(database.db, ids);
    context = { lang: 'fr', labels: await loadReferenceLabels(database.db), baseUrl: 'https://x.example' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes the same CSV as the whole-file writer', async () => {
    expect(ids.length).toBeGreaterThan(6);
    const text = (await bytesOf(streamed('csv'))).toString('utf8');
    expect(text).toBe(activitiesCsv(whole, columns, context));
  });

  it('writes the same JSON document, items in order, total given up front', async () => {
    const document = JSON.parse((await bytesOf(streamed('json'))).toString('utf8'));
    const expected = activitiesJsonDocument(whole, {
      ...context,
      query: { q: ['training'] },
      total: ids.length,
    });
    expect(Object.keys(document)).toEqual(Object.keys(expected));
    expect({ ...document, generatedAt: null }).toEqual({ ...expected, generatedAt: null });
  });

  it('writes an IATI file valid against the 2.03 schema with every activity', async () => {
    const xml = (await bytesOf(streamed('iati'))).toString('utf8');
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    const whole_ = activitiesIatiXml(whole, context);
    const count = (text: string) => text.match(/<iati-activity /g)?.length;
    expect(count(xml)).toBe(ids.length);
    expect(count(xml)).toBe(count(whole_));
  });

  it('writes a workbook with every row and the count on the About sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(streamed('xlsx'))) as unknown as ArrayBuffer);
    const [sheet, about] = workbook.worksheets;
    expect(sheet?.rowCount).toBe(ids.length + 1);
    expect(sheet?.getRow(2).getCell(1).value).toBe(String(ids[0]));
    expect(about?.getRow(2).getCell(2).value).toBe(String(ids.length));
  });

  it('frees its turn when the client leaves, so later downloads are still written', async () => {
    // Clients of endless downloads leave after the first chunk, the writer waiting for them to
    // read (back-pressure); the turns they held (two at a time) must come back.
    async function* endless() {
      for (;;) {
        yield whole;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const reader = downloadStream(endless, 0, { format, columns, context, query: {} }, (error) =>
        errors.push(error),
      ).getReader();
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await reader.cancel();
    }
    const text = (await bytesOf(streamed('csv'))).toString('utf8');
    expect(text).toBe(activitiesCsv(whole, columns, context));
    expect(errors).toEqual([]);
  });
});
