import ExcelJS from 'exceljs';
import { elementCodes, elementName } from '../../elements/taxonomy.ts';
import type { Language } from '../../i18n/languages.ts';
import { languageNames, languages } from '../../i18n/languages.ts';
import { measureName, resultTypeName } from '../../results/labels.ts';
import { resultsText } from '../../results/messages.ts';
import { resultColumnHeader, resultColumns } from '../../results/spreadsheet.ts';
import { resultMeasures, resultTypes } from '../../results/taxonomy.ts';
import { type ActivityField, type ActivityFieldKey, activityFields } from '../activity-form/fields.ts';
import {
  type ActivityReference,
  languageName,
  referenceMatcher,
} from '../activity-form/reference-matching.ts';
import { spreadsheetLimits } from './limits.ts';
import { templateText } from './messages.ts';
import { needsColumnKey } from './needs-column.ts';

/** Columns whose values come from a list: the "Lists" sheet holds the labels the drop-downs offer. */
const listFields = activityFields.filter(
  (field) => 'taxonomy' in field || field.key === 'originalLanguage',
) as ActivityField[];

const wideFields = new Set<ActivityFieldKey>(['title', 'description', 'beneficiaries', 'ipAreas']);

/** Excel's own limits for a data validation's messages. */
const promptLimits = { title: 32, text: 255, error: 225 };

function listLabels(field: ActivityField, lang: Language, reference: ActivityReference): string[] {
  if (field.key === 'originalLanguage') return languages.map((code) => languageName(code, lang));
  if (!('taxonomy' in field)) return [];
  return referenceMatcher(reference).termLabels(field.taxonomy, lang);
}

/** 'Sheet name'!$A$2:$A$9, quoted as Excel wants it (a quote inside the name is doubled). */
function absoluteRange(sheetName: string, column: string, firstRow: number, lastRow: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!$${column}$${firstRow}:$${column}$${lastRow}`;
}

/**
 * The workbook reporters fill in offline: a sheet of activities whose first row holds the field
 * labels in `lang`, drop-downs for the fields that take a list value, an instructions sheet, the
 * lists themselves and every party and region with its code and names in the three languages.
 * The drop-downs only warn on other text: several IP areas ("Patents; Trademarks") and codes are
 * accepted when the file is read back.
 */
export async function activityTemplateXlsx(lang: Language, reference: ActivityReference): Promise<Buffer> {
  const text = templateText(lang);
  const names = {
    activities: text('sheetActivities'),
    lists: text('sheetLists'),
    parties: text('sheetParties'),
  };
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(names.activities, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Second, so that reporters find it beside their activities.
  const resultsSheet = workbook.addWorksheet(resultsText(lang)('results'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const instructions = workbook.addWorksheet(text('sheetInstructions'));
  const lists = workbook.addWorksheet(names.lists);
  const parties = workbook.addWorksheet(names.parties);

  // Text format keeps "2024-10" or "007" as typed instead of turning them into dates or numbers.
  sheet.columns = [
    ...activityFields.map((field) => ({
      header: field.label[lang],
      key: field.key,
      width: wideFields.has(field.key) ? 50 : 22,
      style: field.key === 'budgetAmount' ? {} : { numFmt: '@' },
    })),
    // Optional, last: the needs the activity addresses (needs-column.ts).
    { header: text('needsColumn'), key: needsColumnKey, width: 22, style: { numFmt: '@' } },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  activityFields.forEach((field, index) => {
    header.getCell(index + 1).note = text(field.hint, names);
  });
  header.getCell(activityFields.length + 1).note = text('hintNeeds');

  const lastRow = spreadsheetLimits.maxDataRows + 1;
  listFields.forEach((field, listIndex) => {
    const labels = listLabels(field, lang, reference);
    const listColumn = lists.getColumn(listIndex + 1);
    listColumn.width = 45;
    lists.getCell(1, listIndex + 1).value = field.label[lang];
    labels.forEach((label, row) => {
      lists.getCell(row + 2, listIndex + 1).value = label;
    });
    const column = sheet.getColumn(field.key).letter;
    addValidation(sheet, `${column}2:${column}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [absoluteRange(names.lists, listColumn.letter, 2, labels.length + 1)],
      showInputMessage: true,
      promptTitle: field.label[lang].slice(0, promptLimits.title),
      prompt: text(field.hint, names).slice(0, promptLimits.text),
      // A warning, not a stop: codes and several values separated by ";" are valid too.
      showErrorMessage: field.key !== 'ipAreas',
      errorStyle: 'warning',
      error: text(field.hint, names).slice(0, promptLimits.error),
    });
  });
  writeResultsSheet(resultsSheet, lists, listFields.length, lang, lastRow);
  lists.getRow(1).font = { bold: true };

  writeInstructions(instructions, lang, names);
  writeParties(parties, lang, reference);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The Results sheet: one line per measurement period of an indicator, keyed by the activity's row
 * in the Activities sheet (see results/spreadsheet.ts); drop-downs for the type and the measure.
 */
function writeResultsSheet(
  sheet: ExcelJS.Worksheet,
  lists: ExcelJS.Worksheet,
  listsUsed: number,
  lang: Language,
  lastRow: number,
): void {
  const text = resultsText(lang);
  sheet.columns = resultColumns.map((column) => ({
    header: resultColumnHeader(column, lang),
    key: column,
    width: column === 'title' || column === 'source' ? 45 : 18,
    style: { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.getCell(1).note = text('resultsSheetHint');
  const choices = {
    type: resultTypes.map((type) => resultTypeName(type, lang)),
    measure: resultMeasures.map((measure) => measureName(measure, lang)),
  };
  (['type', 'measure'] as const).forEach((column, n) => {
    const listColumn = lists.getColumn(listsUsed + n + 1);
    listColumn.width = 40;
    lists.getCell(1, listsUsed + n + 1).value = resultColumnHeader(column, lang);
    choices[column].forEach((label, row) => {
      lists.getCell(row + 2, listsUsed + n + 1).value = label;
    });
    const letter = sheet.getColumn(column).letter;
    addValidation(sheet, `${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [absoluteRange(lists.name, listColumn.letter, 2, choices[column].length + 1)],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  });
}

/** exceljs writes range validations but its type declarations do not show `dataValidations`. */
function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation);
}

function writeInstructions(
  sheet: ExcelJS.Worksheet,
  lang: Language,
  names: { activities: string; lists: string; parties: string },
): void {
  const text = templateText(lang);
  sheet.columns = [{ width: 30 }, { width: 100 }, { width: 14 }];
  sheet.addRow([text('instructionsTitle')]).font = { bold: true, size: 14 };
  const limits = {
    rows: spreadsheetLimits.maxDataRows.toLocaleString(lang),
    size: spreadsheetLimits.maxUploadBytes / 1024 / 1024,
  };
  for (const line of [
    text('instructionRows', names),
    text('instructionLimits', limits),
    text('instructionSeveral'),
    text('instructionFormulas'),
    text('instructionCsv'),
    resultsText(lang)('resultsSheetHint'),
  ]) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  sheet.addRow([text('columnHeader'), text('whatHeader'), text('requiredHeader')]).font = { bold: true };
  for (const field of activityFields) {
    const row = sheet.addRow([
      field.label[lang],
      text(field.hint, {
        ...names,
        elements: elementCodes.map((code) => `${elementName(code, lang)} (${code})`).join('; '),
      }),
      'required' in field ? text('yes') : '',
    ]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  const needsRow = sheet.addRow([text('needsColumn'), text('hintNeeds'), '']);
  needsRow.getCell(2).alignment = { wrapText: true, vertical: 'top' };
}

function writeParties(sheet: ExcelJS.Worksheet, lang: Language, reference: ActivityReference): void {
  const text = templateText(lang);
  sheet.columns = [{ width: 14 }, { width: 40 }, { width: 40 }, { width: 40 }, { width: 18 }];
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow([text('codeHeader'), ...languages.map((l) => languageNames[l]), text('kindHeader')]).font = {
    bold: true,
  };
  const collator = new Intl.Collator(lang);
  const byName = <T extends { names: Record<Language, string> }>(a: T, b: T) =>
    collator.compare(a.names[lang], b.names[lang]);
  for (const party of [...reference.parties].sort(byName)) {
    sheet.addRow([party.code, party.names.en, party.names.fr, party.names.es, text('kindParty')]);
  }
  for (const region of [...reference.regions].sort(byName)) {
    sheet.addRow([region.code, region.names.en, region.names.fr, region.names.es, text('kindRegion')]);
  }
  // Region codes such as "002" must stay text, or the spreadsheet shows 2.
  sheet.getColumn(1).numFmt = '@';
  sheet.autoFilter = { from: 'A1', to: 'E1' };
}
