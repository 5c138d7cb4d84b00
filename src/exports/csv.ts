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
  const lines = [csvLine(headerRow(columns, context.lang).map(neutraliseFormula))];
  for (const activity of activities) lines.push(csvLine(spreadsheetRow(activity, columns, context)));
  return byteOrderMark + lines.join('');
}
