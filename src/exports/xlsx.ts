/*
 * exceljs (MIT, widely used, no native code) writes real XLSX with styles and frozen panes, and
 * streams rows instead of building the whole workbook in memory; it is also what the tests use to
 * read the file back.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inEveryLanguage } from '../i18n/catalogue.ts';
import { type ColumnKey, headerRow, neutraliseFormula, type RowContext, spreadsheetRow } from './columns.ts';
import type { ExportActivity } from './load.ts';
import { exportText } from './messages.ts';

/** The two sheets' names, e.g. to find them in a workbook read back. */
export const xlsxSheetNames = {
  activities: inEveryLanguage(exportText, 'sheetActivities'),
  about: inEveryLanguage(exportText, 'sheetAbout'),
};

// Long free text gets a wide column; the rest fits a name or a code.
const wideColumns = new Set<ColumnKey>(['title', 'description', 'beneficiary_names', 'reports']);

export type XlsxOptions = RowContext & { generatedAt?: Date };

/**
 * An XLSX download: the same columns, headers and cell safety as the CSV. Every cell is a string
 * (dates too, as ISO text), so nothing is ever a formula or reinterpreted by the spreadsheet.
 */
export async function activitiesXlsx(
  activities: ExportActivity[],
  columns: ColumnKey[],
  options: XlsxOptions,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await writeActivitiesXlsx(oneBatch(activities), columns, options, output);
  await finished;
  return Buffer.concat(chunks);
}

async function* oneBatch(activities: ExportActivity[]) {
  yield activities;
}

/**
 * The workbook written into `output` a batch of activities at a time (see stream.ts); exceljs's
 * streaming writer keeps only the shared strings in memory. Stops early when `output` is closed
 * (the client left).
 */
export async function writeActivitiesXlsx(
  batches: AsyncIterable<ExportActivity[]>,
  columns: ColumnKey[],
  options: XlsxOptions,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.created = options.generatedAt ?? new Date();
  const { lang } = options;
  const text = exportText(lang);
  const sheet = workbook.addWorksheet(text('sheetActivities'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({ key: column, width: wideColumns.has(column) ? 60 : 20 }));
  const header = sheet.addRow(headerRow(columns, lang).map(neutraliseFormula));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const batch of batches) {
    if (output.destroyed) return;
    for (const activity of batch) sheet.addRow(spreadsheetRow(activity, columns, options)).commit();
    count += batch.length;
  }
  sheet.commit();

  const about = workbook.addWorksheet(text('sheetAbout'));
  about.columns = [{ width: 20 }, { width: 60 }];
  for (const [label, value] of [
    [text('aboutGeneratedAt'), workbook.created.toISOString()],
    [text('aboutCount'), String(count)],
    [text('aboutSource'), options.baseUrl],
  ] as const) {
    about.addRow([label, neutraliseFormula(value)]).commit();
  }
  about.commit();
  await workbook.commit();
}
