import { elementName } from '../../elements/taxonomy.ts';
import { formatPartialDate } from '../../http/partial-date.ts';
import type { Language } from '../../i18n/languages.ts';
import { resultsText } from '../../results/messages.ts';
import {
  type ResultColumn,
  type ResultLine,
  type ResultLineProblem,
  resultColumnForHeader,
  resultsByParentRow,
} from '../../results/spreadsheet.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import {
  type ActivityFieldKey,
  activityFields,
  fieldForHeader,
  fieldLabel,
} from '../activity-form/fields.ts';
import { type ActivityFieldValues, type ActivityInput, checkActivityFields } from '../activity-form/input.ts';
import {
  type ActivityReference,
  languageName,
  looseKey,
  referenceMatcher,
} from '../activity-form/reference-matching.ts';
import { type GridCell, type GridRow, type GridSheet, hasContent, readGrid } from './grid.ts';
import { type SpreadsheetLimits, spreadsheetLimits } from './limits.ts';
import { type SpreadsheetMessageKey, spreadsheetText, templateText } from './messages.ts';
import { isNeedsHeader, needsColumnKey, parseNeedsCell } from './needs-column.ts';

export { type SpreadsheetLimits, spreadsheetLimits } from './limits.ts';

/** A column of the activities sheet: a field of the activity, or the needs it addresses. */
export type SheetField = ActivityFieldKey | typeof needsColumnKey;

/** The column's name in `lang`, as the template heads it. */
export const sheetFieldLabel = (field: SheetField, lang: Language): string =>
  field === needsColumnKey ? templateText(lang)('needsColumn') : fieldLabel(field, lang);

/** A problem in one cell: `column` is the letter ("C"), null when the sheet has no column for the field. */
export type CellProblem = { column: string | null; field: SheetField; message: string };

export type PreviewRow = {
  /** The row number the spreadsheet shows (the header is row 1 in the template). */
  rowNumber: number;
  /** What each filled field will be stored as, in words: labels and official names in `lang`. */
  values: Partial<Record<SheetField, string>>;
  /** The needs its "Needs addressed" cell names, linked to the activity on import (checked by service.ts). */
  needIds?: number[];
  /** The validated activity, ready for activityValuesFromInput; null while the row has errors. */
  input: ActivityInput | null;
  errors: CellProblem[];
  warnings: CellProblem[];
  /** Result indicators of the Results sheet for this row, checked (none when it has problems). */
  results?: ResultIndicator[];
  /** Problems of the Results sheet's lines for this row: the row is not imported while there are any. */
  resultProblems?: ResultLineProblem[];
};

export type ColumnMapping = { column: string; header: string; field: SheetField | null };

export type SpreadsheetPreview = {
  ok: true;
  format: 'xlsx' | 'csv';
  /** The sheet read, for an XLSX workbook. */
  sheetName: string | null;
  columns: ColumnMapping[];
  rows: PreviewRow[];
  /** About the file as a whole, e.g. columns that are ignored. */
  warnings: string[];
};

export type SpreadsheetRefusal = { ok: false; reason: SpreadsheetMessageKey; message: string };

/** A=0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const cellText = (cell: GridCell | undefined): string => (cell && 'text' in cell ? cell.text.trim() : '');

/** Columns up to the last one with something in it. */
function contentWidth(row: GridRow): number {
  for (let index = row.cells.length - 1; index >= 0; index--)
    if (hasContent(row.cells[index])) return index + 1;
  return 0;
}

type CellValue = { text: string; number?: number; link?: string };

/** The text validation gets for a cell: what the cell shows, but for numbers in dates and budgets and links. */
function fieldText(field: ActivityFieldKey, cell: CellValue): string {
  if (field === 'startDate' || field === 'endDate') return dateText(cell);
  if (field === 'budgetAmount') return amountText(cell);
  // A link shown as "WIPO Academy" stands for its address.
  if (field === 'website' && cell.link) return cell.link;
  return cell.text;
}

/**
 * A number cell in the budget column, in cents: a computed 1100.0000000000002 is 1100.00, and the
 * text is never read as "1.005" could be in French (one thousand and five).
 */
const amountText = (cell: CellValue): string =>
  cell.number === undefined || Number.isInteger(cell.number) ? cell.text : cell.number.toFixed(2);

/**
 * A number in a date column is a year (2024) or a date that lost its date format: a spreadsheet
 * keeps dates as day counts from 1899-12-30 (45631 is 2024-12-05). Workbooks on the 1904 date
 * system are not told apart.
 */
function dateText(cell: CellValue): string {
  const n = cell.number;
  if (n === undefined || (Number.isInteger(n) && n >= 1000 && n <= 9999) || n < 61 || n >= 2_958_466) {
    return cell.text;
  }
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Browsers may send "C:\fakepath\file.xlsx"; messages name the file only. */
const displayName = (fileName: string) => (fileName.split(/[/\\]/).pop() ?? '').slice(0, 120) || '?';

type Header = { row: GridRow; fields: Map<ActivityFieldKey, number[]>; needs: number[] };

/** The header is the sheet's first non-empty row; it must at least name the title column. */
function findHeader(sheet: GridSheet): Header | null {
  const row = sheet.rows[0];
  if (!row) return null;
  const fields = new Map<ActivityFieldKey, number[]>();
  const needs: number[] = [];
  row.cells.forEach((cell, index) => {
    if (isNeedsHeader(cellText(cell))) {
      needs.push(index);
      return;
    }
    const field = fieldForHeader(cellText(cell));
    if (field) fields.set(field, [...(fields.get(field) ?? []), index]);
  });
  return fields.has('title') ? { row, fields, needs } : null;
}

/**
 * Reads an uploaded spreadsheet of activities (XLSX or CSV, told apart by content) into a preview:
 * each non-empty row with the values it will store and its errors by column, in `lang`. Nothing
 * is stored here. A file that cannot be read safely is refused as a whole with a message saying why.
 */
export async function readActivitySpreadsheet(
  buffer: Buffer | Uint8Array,
  fileName: string,
  lang: Language,
  reference: ActivityReference,
  limits: SpreadsheetLimits = spreadsheetLimits,
): Promise<SpreadsheetPreview | SpreadsheetRefusal> {
  const say = spreadsheetText(lang);
  const file = displayName(fileName);
  const refuse = (reason: SpreadsheetMessageKey, params: Record<string, string | number> = {}) =>
    ({ ok: false, reason, message: say(reason, { file, ...params }) }) as const;

  const bytes = Buffer.isBuffer(buffer)
    ? buffer
    : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.length);
  const grid = await readGrid(bytes, limits);
  if ('refused' in grid) return refuse(grid.refused, grid.params);

  // In a workbook, the sheet of activities is the one whose first row names the most fields.
  let chosen: { sheet: GridSheet; header: Header } | null = null;
  for (const sheet of grid.sheets) {
    const header = findHeader(sheet);
    if (header && (!chosen || header.fields.size > chosen.header.fields.size)) chosen = { sheet, header };
  }
  if (!chosen) return refuse('noHeader', { title: fieldLabel('title', lang) });
  const { sheet, header } = chosen;

  // Trailing empty cells (";;;;" at the end of CSV lines) do not make a sheet wider.
  const width = sheet.rows.reduce((widest, row) => Math.max(widest, contentWidth(row)), 0);
  if (width > limits.maxColumns) return refuse('tooManyColumns', { count: width, max: limits.maxColumns });
  const dataRows = sheet.rows.slice(1);
  if (dataRows.length > limits.maxDataRows) {
    return refuse('tooManyRows', { max: limits.maxDataRows });
  }
  for (const [field, indexes] of header.fields) {
    const [first, second] = indexes;
    if (first !== undefined && second !== undefined) {
      return refuse('duplicateColumn', {
        first: columnLetter(first),
        second: columnLetter(second),
        field: fieldLabel(field, lang),
      });
    }
  }

  const [firstNeeds, secondNeeds] = header.needs;
  if (firstNeeds !== undefined && secondNeeds !== undefined) {
    return refuse('duplicateColumn', {
      first: columnLetter(firstNeeds),
      second: columnLetter(secondNeeds),
      field: sheetFieldLabel(needsColumnKey, lang),
    });
  }

  const fieldColumns = new Map<ActivityFieldKey, number>(
    [...header.fields].map(([field, [index]]) => [field, index ?? 0]),
  );
  const columns: ColumnMapping[] = [];
  for (let index = 0; index < width; index++) {
    const headerText = cellText(header.row.cells[index]);
    columns.push({
      column: columnLetter(index),
      header: headerText,
      field: index === firstNeeds ? needsColumnKey : fieldForHeader(headerText),
    });
  }
  const warnings = columns
    .filter((c, index) => c.field === null && dataRows.some((row) => hasContent(row.cells[index])))
    .map((c) =>
      c.header.trim()
        ? say('unknownColumn', { column: c.column, header: c.header })
        : say('unknownColumnUnnamed', { column: c.column }),
    );

  const rows = previewRows(dataRows, fieldColumns, firstNeeds ?? null, lang, reference);
  const resultsSheet = grid.sheets.find((other) => other !== sheet && resultHeader(other));
  if (resultsSheet) warnings.push(...attachResults(resultsSheet, rows, lang));
  return { ok: true, format: grid.format, sheetName: sheet.name, columns, rows, warnings };
}

/** The columns of a Results sheet, if its first row names at least the activity row and what is measured. */
function resultHeader(sheet: GridSheet): Map<ResultColumn, number> | null {
  const row = sheet.rows[0];
  if (!row) return null;
  const columns = new Map<ResultColumn, number>();
  row.cells.forEach((cell, index) => {
    const column = resultColumnForHeader(cellText(cell));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns.has('row') && columns.has('title') ? columns : null;
}

/**
 * Reads the Results sheet into the rows it names: each row gets its indicators, or the problems of
 * its lines (and is then not imported, so no indicator is silently lost). Returns the file-level
 * warnings: lines naming a row that holds no activity.
 */
function attachResults(sheet: GridSheet, rows: PreviewRow[], lang: Language): string[] {
  const columns = resultHeader(sheet);
  if (!columns) return [];
  const say = spreadsheetText(lang);
  const text = resultsText(lang);
  // Formulas and error values are never read: their line's activity is refused, saying where.
  const refused: Array<{ row: number; problem: ResultLineProblem }> = [];
  const lines: ResultLine[] = sheet.rows.slice(1).map((row) => {
    const cells: ResultLine['cells'] = {};
    const letters: ResultLine['letters'] = {};
    for (const [column, index] of columns) {
      const cell = row.cells[index];
      letters[column] = columnLetter(index);
      if (cell && 'refused' in cell) {
        const message = cell.refused === 'formula' ? say('formula') : say('cellError', { value: cell.value });
        const line = row.rowNumber;
        refused.push({
          row: Number(cellText(row.cells[columns.get('row') ?? -1])),
          problem: {
            line,
            column: columnLetter(index),
            message: text('resultLineProblem', { line, column: columnLetter(index), message }),
          },
        });
      } else if (cell) cells[column] = column === 'start' || column === 'end' ? dateText(cell) : cell.text;
    }
    return { rowNumber: row.rowNumber, cells, letters };
  });
  const parents = new Map(
    rows.map((row) => [row.rowNumber, row.input?.originalLanguage ?? lang] as [number, Language]),
  );
  const { byRow, orphans } = resultsByParentRow(lines, parents, lang);
  for (const row of rows) {
    const found = byRow.get(row.rowNumber);
    if (!found) continue;
    row.results = found.indicators;
    row.resultProblems = found.problems;
    if (found.problems.length > 0) row.input = null;
  }
  for (const { row: rowNumber, problem } of refused) {
    const row = rows.find((candidate) => candidate.rowNumber === rowNumber);
    if (!row) continue;
    row.results = [];
    row.resultProblems = [...(row.resultProblems ?? []), problem];
    row.input = null;
  }
  return orphans.map((orphan) => text('unknownActivityRow', { line: orphan.line, row: orphan.row || '—' }));
}

function previewRows(
  dataRows: GridRow[],
  fieldColumns: Map<ActivityFieldKey, number>,
  needsIndex: number | null,
  lang: Language,
  reference: ActivityReference,
): PreviewRow[] {
  const say = spreadsheetText(lang);
  const letterOf = (field: ActivityFieldKey) => {
    const index = fieldColumns.get(field);
    return index === undefined ? null : columnLetter(index);
  };
  const firstRowWithTitle = new Map<string, number>();
  return dataRows.map((row) => {
    const raw: Partial<Record<ActivityFieldKey, string>> = {};
    const errors: CellProblem[] = [];
    for (const [field, index] of fieldColumns) {
      const cell = row.cells[index];
      if (cell && 'refused' in cell) {
        const message = cell.refused === 'formula' ? say('formula') : say('cellError', { value: cell.value });
        errors.push({ column: columnLetter(index), field, message });
      } else if (cell) {
        raw[field] = fieldText(field, cell);
      }
    }
    const refusedFields = new Set(errors.map((e) => e.field));
    const checked = checkActivityFields(raw, lang, reference);
    for (const { key } of activityFields) {
      const message = checked.errors[key];
      if (message && !refusedFields.has(key)) errors.push({ column: letterOf(key), field: key, message });
    }
    const needs =
      needsIndex === null ? null : readNeedsCell(row.cells[needsIndex], columnLetter(needsIndex), lang);
    if (needs) errors.push(...needs.errors);
    const input = errors.length === 0 ? checked.input : null;

    const warnings: CellProblem[] = [];
    const title = checked.values.title;
    if (title) {
      const key = looseKey(title);
      const earlier = firstRowWithTitle.get(key);
      if (earlier === undefined) firstRowWithTitle.set(key, row.rowNumber);
      else
        warnings.push({
          column: letterOf('title'),
          field: 'title',
          message: say('duplicateTitle', { row: earlier }),
        });
    }
    const values: PreviewRow['values'] = displayValues(raw, checked.values, checked.errors, lang, reference);
    if (needs?.text) values.needs = needs.text;
    return {
      rowNumber: row.rowNumber,
      values,
      input,
      errors,
      warnings,
      ...(needs && needs.ids.length > 0 ? { needIds: needs.ids } : {}),
    };
  });
}

/** The "Needs addressed" cell: the need numbers it names, or an error for each part that names none. */
function readNeedsCell(cell: GridCell | undefined, column: string, lang: Language) {
  const say = spreadsheetText(lang);
  if (cell && 'refused' in cell) {
    const message = cell.refused === 'formula' ? say('formula') : say('cellError', { value: cell.value });
    return { text: '', ids: [], errors: [{ column, field: needsColumnKey, message }] };
  }
  // A lone number may come back as a number cell: its text is what it shows.
  const text = cellText(cell);
  const { ids, invalid } = parseNeedsCell(text);
  const errors: CellProblem[] = invalid.map((value) => ({
    column,
    field: needsColumnKey,
    message: say('needNotNumber', { value }),
  }));
  return { text, ids, errors };
}

/** Good fields as they will be stored, in words; fields in error as they were typed. */
function displayValues(
  raw: Partial<Record<ActivityFieldKey, string>>,
  values: Partial<ActivityFieldValues>,
  errors: Partial<Record<ActivityFieldKey, string>>,
  lang: Language,
  reference: ActivityReference,
): Partial<Record<ActivityFieldKey, string>> {
  const matcher = referenceMatcher(reference);
  const shown: Partial<Record<ActivityFieldKey, string>> = {};
  for (const field of activityFields) {
    const key = field.key;
    if (errors[key] !== undefined || values[key] === undefined) {
      if (raw[key]) shown[key] = raw[key];
      continue;
    }
    let text: string | null;
    switch (key) {
      case 'startDate':
      case 'endDate': {
        const date = values[key];
        text = date ? formatPartialDate(date) : null;
        break;
      }
      case 'originalLanguage':
        text = values.originalLanguage ? languageName(values.originalLanguage, lang) : null;
        break;
      case 'beneficiaries':
        text = (values.beneficiaries ?? []).map((b) => matcher.beneficiaryName(b, lang)).join('; ');
        break;
      case 'deliveryLanguages':
        text = (values.deliveryLanguages ?? []).map((code) => languageName(code, lang)).join('; ');
        break;
      case 'elements':
        text = (values.elements ?? []).map((code) => elementName(code, lang)).join('; ');
        break;
      case 'implementingAgencies':
      case 'partners':
        text = (values[key] ?? []).join('; ');
        break;
      default: {
        const value = values[key];
        if ('taxonomy' in field) {
          const keys = Array.isArray(value) ? value : value ? [value] : [];
          text = keys.map((k) => matcher.termLabel(field.taxonomy, k, lang)).join('; ');
        } else {
          text = typeof value === 'string' ? value : null;
        }
      }
    }
    if (text) shown[key] = text;
  }
  return shown;
}
