import { type GridCell, hasContent, readGrid } from '../../drafting/spreadsheet/grid.ts';
import { spreadsheetLimits } from '../../drafting/spreadsheet/limits.ts';
import { spreadsheetText } from '../../drafting/spreadsheet/messages.ts';
import { fieldErrors } from '../../http/request.ts';
import { type Language, languages } from '../../i18n/languages.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type NeedInput, type NeedValues, needForm } from '../forms.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { kindsOfHelp, needPriorities } from '../taxonomy.ts';
import { needsSheetText } from './messages.ts';

/** The columns of a needs spreadsheet, in the template's order, with their header in the interface. */
export const needColumns = [
  ['title', 'needTitle'],
  ['description', 'description'],
  ['ipAreas', 'ipAreas'],
  ['kindsOfHelp', 'kindsOfHelp'],
  ['institution', 'institution'],
  ['priority', 'priority'],
  ['wishedStart', 'wishedStart'],
  ['wishedEnd', 'wishedEnd'],
] as const satisfies ReadonlyArray<readonly [keyof NeedValues, NeedsKey]>;

export type NeedField = (typeof needColumns)[number][0];

/** One row of the upload: what it said, the need it makes, or why not (field → message). */
export type NeedPreviewRow = {
  rowNumber: number;
  values: NeedValues;
  input: NeedInput | null;
  errors: Array<{ field: NeedField; message: string }>;
};

export type NeedsPreview = { ok: true; rows: NeedPreviewRow[] } | { ok: false; message: string };

/** Case, accents and spacing do not matter when a header or a list value is matched. */
const folded = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A header names its field by its key or by its label in any of the three languages, "(optional)" or not. */
function fieldOfHeader(header: string): NeedField | null {
  const key = folded(header).replace(/\s*\([^)]*\)$/, '');
  for (const [field, label] of needColumns) {
    if (folded(field) === key) return field;
    for (const lang of languages)
      if (folded(needsText(lang)(label)).replace(/\s*\([^)]*\)$/, '') === key) return field;
  }
  return null;
}

const cellText = (cell: GridCell | undefined) => (cell && 'text' in cell ? cell.text.trim() : '');

/** Several values in one cell: separated by semicolons, commas or line breaks. */
const listOf = (text: string) =>
  text
    .split(/[;,\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A value given by its code or its label in any language, as the code; unknown values are kept as
 * typed, so the check below names them.
 */
function codeOf(value: string, choices: Array<{ key: string; labels: string[] }>): string {
  const key = folded(value);
  return (
    choices.find((choice) => folded(choice.key) === key || choice.labels.some((l) => folded(l) === key))
      ?.key ?? value
  );
}

/**
 * Reads an XLSX or CSV of needs (the same guarded reader as the reports' uploads): the first
 * sheet, a header row naming the columns, one need per row. Every row is checked as the form
 * checks a need; problems are said at the cell, in `lang`.
 */
export async function readNeedsSpreadsheet(
  bytes: Buffer,
  lang: Language,
  labels: ReferenceLabels,
): Promise<NeedsPreview> {
  const grid = await readGrid(bytes, spreadsheetLimits);
  const sheetText = spreadsheetText(lang);
  const text = needsText(lang);
  if ('refused' in grid) return { ok: false, message: sheetText(grid.refused, grid.params) };
  const [header, ...rows] = grid.sheets[0]?.rows ?? [];
  if (!header) return { ok: false, message: sheetText('fileEmpty') };
  const fields = header.cells.map((cell) => fieldOfHeader(cellText(cell)));
  if (!fields.includes('title')) return { ok: false, message: needsSheetText(lang)('uploadNoTitleColumn') };
  const kinds = kindsOfHelp.map((key) => ({
    key,
    labels: languages.map((l) => needsText(l)(`kind-${key}` as NeedsKey)),
  }));
  const priorities = needPriorities.map((key) => ({
    key,
    labels: languages.map((l) => needsText(l)(`priority-${key}` as NeedsKey)),
  }));
  const areas = labels
    .termsOf('ip-area')
    .map((term) => ({ key: term.key, labels: Object.values(term.names) }));
  const known = new Set(areas.map((area) => area.key));
  if (!rows.some((row) => row.cells.some(hasContent)))
    return { ok: false, message: needsSheetText(lang)('uploadNoNeeds') };
  return {
    ok: true,
    rows: rows
      .filter((row) => row.cells.some(hasContent))
      .map((row) => {
        const raw = (field: NeedField) => {
          const column = fields.indexOf(field);
          return column < 0 ? '' : cellText(row.cells[column]);
        };
        const values: NeedValues = {
          title: raw('title'),
          description: raw('description'),
          ipAreas: listOf(raw('ipAreas')).map((value) => codeOf(value, areas)),
          kindsOfHelp: listOf(raw('kindsOfHelp')).map((value) => codeOf(value, kinds)),
          institution: raw('institution'),
          priority: raw('priority') ? codeOf(raw('priority'), priorities) : 'medium',
          wishedStart: raw('wishedStart'),
          wishedEnd: raw('wishedEnd'),
        };
        const errors: NeedPreviewRow['errors'] = [];
        const refusedCell = row.cells.findIndex((cell) => cell !== undefined && 'refused' in cell);
        if (refusedCell >= 0 && fields[refusedCell]) {
          errors.push({ field: fields[refusedCell] as NeedField, message: sheetText('formula') });
        }
        const unknownAreas = values.ipAreas.filter((area) => !known.has(area));
        if (unknownAreas.length > 0) {
          errors.push({ field: 'ipAreas', message: `${text('choose')} (${unknownAreas.join(', ')})` });
        }
        const parsed = needForm.safeParse(values);
        if (!parsed.success) {
          for (const [field, key] of Object.entries(fieldErrors(parsed.error))) {
            errors.push({ field: field as NeedField, message: text(key as NeedsKey) });
          }
        }
        return {
          rowNumber: row.rowNumber,
          values,
          input: errors.length === 0 && parsed.success ? parsed.data : null,
          errors,
        };
      }),
  };
}
