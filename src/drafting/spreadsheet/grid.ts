/*
 * Turns an uploaded file into plain rows of cell texts, whatever it was: an XLSX workbook (read by
 * exceljs once the archive has been checked) or CSV text. The format is decided from the bytes,
 * never from the file name, which the uploader controls.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SpreadsheetLimits } from './limits.ts';
import type { SpreadsheetMessageKey } from './messages.ts';
import { inspectXlsxArchive, isZip } from './zip-inspection.ts';

/**
 * A cell's text (with its number or link target when it had one, which the date and website
 * columns need), or why the cell holds no value we may take.
 */
export type GridCell =
  | { text: string; number?: number; link?: string }
  | { refused: 'formula' }
  | { refused: 'error'; value: string };

/** A row that has at least one non-empty cell; `cells[0]` is column A. */
export type GridRow = { rowNumber: number; cells: Array<GridCell | undefined> };

export type GridSheet = { name: string | null; rows: GridRow[] };

export type Grid = { format: 'xlsx' | 'csv'; sheets: GridSheet[] };

export type GridRefusal = { refused: SpreadsheetMessageKey; params?: Record<string, string | number> };

const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readGrid(buffer: Buffer, limits: SpreadsheetLimits): Promise<Grid | GridRefusal> {
  if (buffer.length === 0) return { refused: 'fileEmpty' };
  if (buffer.length > limits.maxUploadBytes) {
    return { refused: 'fileTooLarge', params: { max: limits.maxUploadBytes / 1024 / 1024 } };
  }
  // Old .xls files and password-protected .xlsx files are both OLE compound documents.
  if (compoundFileMagic.every((byte, i) => buffer[i] === byte)) return { refused: 'legacyOrProtected' };
  if (isZip(buffer)) return readXlsx(buffer, limits);
  return readCsv(buffer, limits);
}

async function readXlsx(buffer: Buffer, limits: SpreadsheetLimits): Promise<Grid | GridRefusal> {
  const inspection = inspectXlsxArchive(buffer, limits);
  if (!inspection.ok) {
    switch (inspection.problem) {
      case 'encrypted':
        return { refused: 'encrypted' };
      case 'not-xlsx':
        return { refused: 'notXlsx' };
      case 'too-expanded':
        return { refused: 'tooExpanded', params: { max: limits.maxUncompressedBytes / 1024 / 1024 } };
      case 'too-many-rows':
        return { refused: 'tooManyRows', params: { max: limits.maxDataRows } };
      default:
        return { refused: 'damaged' };
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs expands merged ranges and validation ranges cell by cell ("A1:XFD1048576" would
    // never end); none of them carries a value, so they are not read at all.
    await workbook.xlsx.load(
      buffer as unknown as ArrayBuffer,
      {
        ignoreNodes: [
          'mergeCells',
          'dataValidations',
          'conditionalFormatting',
          'drawing',
          'picture',
          'extLst',
        ],
        maxRows: limits.maxSheetRows,
        maxCols: 16_384,
      } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch {
    return { refused: 'damaged' };
  }
  return {
    format: 'xlsx',
    sheets: workbook.worksheets.map((sheet) => {
      const rows: GridRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Array<GridCell | undefined> = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = gridCell(cell.value);
        });
        if (cells.some(hasContent)) rows.push({ rowNumber, cells });
      });
      return { name: sheet.name, rows };
    }),
  };
}

export const hasContent = (cell: GridCell | undefined): boolean =>
  cell !== undefined && (!('text' in cell) || cell.text.trim() !== '');

/** Dates become `YYYY-MM-DD`: exceljs gives date cells as UTC midnight. */
function gridCell(value: ExcelJS.CellValue): GridCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { refused: 'error', value: '#VALUE!' } : { text: isoDay(value) };
  }
  if ('error' in value) return { refused: 'error', value: value.error };
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula is taken at the value the spreadsheet last computed, never recomputed here.
    const result = value.result;
    if (result === undefined || result === null) return { refused: 'formula' };
    return gridCell(result);
  }
  if ('hyperlink' in value) {
    const shown = value.text as unknown;
    const text =
      typeof shown === 'string'
        ? shown
        : shown && typeof shown === 'object' && 'richText' in shown
          ? (shown as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('')
          : '';
    return { text: text || value.hyperlink, link: value.hyperlink };
  }
  return undefined;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * CSV text: UTF-8 (with or without a BOM) as "CSV UTF-8" saves it; Windows-1252, which Excel in
 * French or Spanish still writes for plain "CSV", when the bytes are not UTF-8 but are text.
 */
function decodeText(buffer: Buffer): string | GridRefusal {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return { refused: 'utf16' };
  }
  // Bytes below 0x20 other than tab and line breaks are binary data, not text.
  if (buffer.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) {
    return { refused: 'notSpreadsheet' };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** The separator that splits the first line most: semicolon in French and Spanish Excel, else comma. */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const candidates = [',', ';', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

class TooManyRows extends Error {}

/** One CSV row, all its cells together. */
const maxCsvRecordCharacters = 1_000_000;

function readCsv(buffer: Buffer, limits: SpreadsheetLimits): Grid | GridRefusal {
  const text = decodeText(buffer);
  if (typeof text !== 'string') return text;
  const rows: GridRow[] = [];
  try {
    parseCsv(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxCsvRecordCharacters,
      // Rows are kept as they come and the parse stops past the limit: 2 MB of short lines
      // must not become a million arrays.
      on_record: (record: string[], context) => {
        const cells = record.map((value): GridCell | undefined =>
          value === '' ? undefined : { text: value },
        );
        if (!cells.some(hasContent)) return null;
        // The row a spreadsheet shows: records so far plus the empty lines it skipped.
        rows.push({ rowNumber: context.records + context.empty_lines, cells });
        if (rows.length > limits.maxDataRows + 1) throw new TooManyRows();
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) return { refused: 'tooManyRows', params: { max: limits.maxDataRows } };
    const line = (error as { lines?: unknown }).lines;
    if ((error as { code?: unknown }).code === 'CSV_MAX_RECORD_SIZE') {
      const started = (error as { records?: unknown }).records;
      return {
        refused: 'csvRowTooLong',
        params: {
          line: typeof started === 'number' ? started + 1 : typeof line === 'number' ? line : 1,
          max: maxCsvRecordCharacters.toLocaleString('en').replace(/,/g, '\u202f'),
        },
      };
    }
    return { refused: 'csvInvalid', params: { line: typeof line === 'number' ? line : 1 } };
  }
  return { format: 'csv', sheets: [{ name: null, rows }] };
}
