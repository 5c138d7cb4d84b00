import { type ColumnKey, headerRow, neutraliseFormula, type RowContext, spreadsheetRow } from './columns.ts';
import type { ExportActivity } from './load.ts';

// The byte order mark makes Excel read the file as UTF-8 ("Bolivie, État plurinational de").
const byteOrderMark = '\uFEFF';
const lineEnd = '\r\n';

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: string[]): string {
  return values.map(csvField).join(',') + lineEnd;
}

/**
 * A CSV download: UTF-8 with BOM, CRLF line ends, a header row in the language asked for, and
 * no cell that a spreadsheet could run as a formula.
 */
export function activitiesCsv(
  activities: ExportActivity[],
  columns: ColumnKey[],
  context: RowContext,
): string {
  return csvHead(columns, context) + csvRows(activities, columns, context);
}

/** The same CSV, written a batch of activities at a time (see stream.ts). */
export async function* activitiesCsvChunks(
  batches: AsyncIterable<ExportActivity[]>,
  columns: ColumnKey[],
  context: RowContext,
): AsyncGenerator<string> {
  yield csvHead(columns, context);
  for await (const batch of batches) yield csvRows(batch, columns, context);
}

const csvHead = (columns: ColumnKey[], context: RowContext) =>
  byteOrderMark + csvLine(headerRow(columns, context.lang).map(neutraliseFormula));

const csvRows = (activities: ExportActivity[], columns: ColumnKey[], context: RowContext) =>
  activities.map((activity) => csvLine(spreadsheetRow(activity, columns, context))).join('');
