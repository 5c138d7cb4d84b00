import ExcelJS from 'exceljs';
import type { Actor } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import type { IncentiveValues } from '../../reports/incentives/service.ts';
import {
  incentiveTypes,
  ldcSpecificities,
  taxonomyLabel,
  technologySectors,
} from '../../reports/incentives/taxonomy.ts';
import { claimStaged, stage, staged } from '../../uploads/staging.ts';
import { type GridCell, hasContent, readGrid } from '../spreadsheet/grid.ts';
import { spreadsheetLimits } from '../spreadsheet/limits.ts';
import { spreadsheetText, templateText } from '../spreadsheet/messages.ts';
import { fieldLabelKeys, type IncentiveField, incentiveFields, readIncentive } from './input.ts';
import { incentiveText } from './messages.ts';

/**
 * The spreadsheet round trip for incentives, as for activities: a template in the reporter's
 * language (drop-downs for the lists, the LDCs of the period on a sheet of their own), an XLSX or
 * CSV upload read by the same guarded grid reader, a preview staged for its uploader for an hour,
 * then the good rows added at once.
 */

const languages: Language[] = ['en', 'fr', 'es'];
const labelOf = (field: IncentiveField, lang: Language) => incentiveText(lang)(fieldLabelKeys[field]);
const folded = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A header cell read as a field: its label in any of the three languages, or its key. */
function fieldOfHeader(text: string): IncentiveField | null {
  const key = folded(text);
  if (!key) return null;
  return (
    incentiveFields.find(
      (field) => folded(field) === key || languages.some((lang) => folded(labelOf(field, lang)) === key),
    ) ?? null
  );
}

const cellText = (cell: GridCell | undefined) => (cell && 'text' in cell ? cell.text : '');

export async function incentiveTemplateXlsx(
  lang: Language,
  ldcs: Array<{ code: string; name: string }>,
): Promise<Buffer> {
  const text = templateText(lang);
  const own = incentiveText(lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(own('incentivesTitle'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(text('sheetLists'));
  sheet.columns = incentiveFields.map((field) => ({
    header: labelOf(field, lang),
    key: field,
    width: field === 'title' || field === 'description' ? 40 : 24,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const columns: Array<[string, string[]]> = [
    [own('fieldIncentiveType'), incentiveTypes.map((code) => taxonomyLabel(lang, 'type', code))],
    [own('fieldLdcSpecificity'), ldcSpecificities.map((code) => taxonomyLabel(lang, 'specificity', code))],
    [own('fieldSectors'), technologySectors.map((code) => taxonomyLabel(lang, 'sector', code))],
    [own('fieldLdcBeneficiaries'), ldcs.map((ldc) => `${ldc.code} — ${ldc.name}`)],
  ];
  columns.forEach(([heading, values], index) => {
    const column = lists.getColumn(index + 1);
    column.width = 40;
    column.values = [heading, ...values];
  });
  lists.getRow(1).font = { bold: true };
  // Drop-downs for the one-value lists; several sectors or LDCs go in one cell separated by ";".
  const dropDown = (field: IncentiveField, listColumn: string, count: number) => {
    const letter = String.fromCharCode(65 + incentiveFields.indexOf(field));
    for (let row = 2; row <= 200; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [
          `'${text('sheetLists').replace(/'/g, "''")}'!$${listColumn}$2:$${listColumn}$${count + 1}`,
        ],
      };
    }
  };
  dropDown('incentiveType', 'A', incentiveTypes.length);
  dropDown('ldcSpecificity', 'B', ldcSpecificities.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type IncentivePreviewRow = {
  rowNumber: number;
  title: string;
  values: IncentiveValues | null;
  /** "Field: message", in the uploader's language. */
  errors: string[];
};

export type IncentivePreview = { rows: IncentivePreviewRow[]; warnings: string[] };

/**
 * Reads an uploaded file of incentives: the sheet whose first row names the most fields, each
 * later row checked like the form (beneficiaries by code, "CODE — name" as the template lists
 * them, or name). Nothing is stored here.
 */
export async function readIncentiveSpreadsheet(
  buffer: Buffer,
  fileName: string,
  lang: Language,
  ldcs: ReadonlySet<string>,
  partyCode: (typed: string) => string | null,
): Promise<{ ok: true; preview: IncentivePreview } | { ok: false; message: string }> {
  const say = spreadsheetText(lang);
  const file = (fileName.split(/[/\\]/).pop() ?? '').slice(0, 200);
  const grid = await readGrid(buffer, spreadsheetLimits);
  if ('refused' in grid) return { ok: false, message: say(grid.refused, { file, ...grid.params }) };
  let chosen: { rows: (typeof grid.sheets)[number]['rows']; fields: Map<number, IncentiveField> } | null =
    null;
  for (const sheet of grid.sheets) {
    const [header] = sheet.rows;
    if (!header) continue;
    const fields = new Map<number, IncentiveField>();
    header.cells.forEach((cell, index) => {
      const field = fieldOfHeader(cellText(cell));
      if (field && ![...fields.values()].includes(field)) fields.set(index, field);
    });
    if (fields.size > 0 && (!chosen || fields.size > chosen.fields.size))
      chosen = { rows: sheet.rows, fields };
  }
  if (!chosen || ![...chosen.fields.values()].includes('title'))
    return { ok: false, message: say('noHeader', { title: labelOf('title', lang) }) };
  const dataRows = chosen.rows.slice(1);
  if (dataRows.length > spreadsheetLimits.maxDataRows)
    return { ok: false, message: say('tooManyRows', { max: spreadsheetLimits.maxDataRows }) };
  const warnings: string[] = [];
  const rows = dataRows
    .filter((row) => row.cells.some(hasContent))
    .map((row): IncentivePreviewRow => {
      const input: Partial<Record<IncentiveField, string>> = {};
      const errors: string[] = [];
      // A refused cell (formula, error value) says so once, not again as an empty field.
      const refusedFields = new Set<string>();
      for (const [index, field] of chosen.fields) {
        const cell = row.cells[index];
        if (cell && 'refused' in cell) {
          refusedFields.add(field);
          errors.push(
            `${labelOf(field, lang)}${incentiveText(lang)('colon')} ${
              cell.refused === 'formula' ? say('formula') : say('cellError', { value: cell.value })
            }`,
          );
        } else input[field] = cellText(cell);
      }
      const result = readIncentive(input, lang, ldcs, partyCode);
      if (!result.ok)
        for (const [field, message] of Object.entries(result.errors))
          if (!refusedFields.has(field))
            errors.push(
              `${labelOf(field as IncentiveField, lang)}${incentiveText(lang)('colon')} ${message}`,
            );
      return {
        rowNumber: row.rowNumber,
        title: input.title ?? '',
        values: result.ok && errors.length === 0 ? result.values : null,
        errors,
      };
    });
  return { ok: true, preview: { rows, warnings } };
}

/** A preview waiting for its confirmation, in the settings table (any app process can take it), one hour. */
export type StagedIncentives = {
  userId: number;
  reportId: number;
  fileName: string;
  preview: IncentivePreview;
};

const stagedKind = 'incentive-upload';

export const stageIncentives = (db: Db, actor: Actor, upload: StagedIncentives): Promise<string> =>
  stage(db, actor, stagedKind, upload, {
    reportId: upload.reportId,
    fileName: upload.fileName,
    rows: upload.preview.rows.length,
  });

export const stagedIncentives = (db: Db, id: string) => staged<StagedIncentives>(db, stagedKind, id);

/** Takes a staged upload for its import: a second confirmation finds nothing and imports nothing twice. */
export const claimStagedIncentives = (db: Db, id: string) =>
  claimStaged<StagedIncentives>(db, stagedKind, id);
