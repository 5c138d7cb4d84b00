import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../exports/columns.ts';
import { csvLine } from '../exports/csv.ts';
import type { Language } from '../i18n/languages.ts';
import { translator } from '../i18n/translate.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { taxonomyLabel } from '../reports/incentives/taxonomy.ts';
import { resultLine } from '../results/labels.ts';
import { resultsText } from '../results/messages.ts';
import { incentivesText } from './messages.ts';
import type { PublicIncentive } from './service.ts';

/**
 * Public incentives as a table with labels in `lang` (CSV and XLSX): one row per incentive, codes
 * turned into words, every cell safe to open in a spreadsheet (no formula runs).
 */
export function incentivesTable(
  rows: PublicIncentive[],
  lang: Language,
  labels: ReferenceLabels,
  baseUrl: string,
): string[][] {
  const text = incentivesText(lang);
  const header = [
    'id',
    text('reportingParty'),
    translator(lang)('fieldSymbol'),
    text('period'),
    text('reportFormat'),
    text('fieldTitle'),
    text('fieldDescription'),
    text('fieldIncentiveType'),
    text('fieldGovernmentBody'),
    text('fieldEligibleEntities'),
    text('fieldLdcBeneficiaries'),
    text('fieldSectors'),
    text('fieldTechnologyTransferred'),
    text('fieldModeAndTerms'),
    text('fieldLdcSpecificity'),
    text('fieldAmount'),
    text('fieldCurrency'),
    text('fieldEnterprises'),
    text('fieldPeopleTrained'),
    resultsText(lang)('results'),
    'url',
    text('sampleTag'),
  ];
  const body = rows.map((row) => [
    String(row.id),
    labels.partyName(row.report.partyCode, lang),
    row.report.symbol ?? '',
    `${row.report.periodStart}/${row.report.periodEnd}`,
    row.report.format ? taxonomyLabel(lang, 'format', row.report.format) : '',
    row.title,
    row.description,
    taxonomyLabel(lang, 'type', row.incentiveType),
    row.governmentBody,
    row.eligibleEntities,
    row.beneficiaryCodes.map((code) => labels.partyName(code, lang)).join('; '),
    row.sectors.map((code) => taxonomyLabel(lang, 'sector', code)).join('; '),
    row.technologyTransferred,
    row.modeAndTerms,
    taxonomyLabel(lang, 'specificity', row.ldcSpecificity),
    row.amount ?? '',
    row.currency ?? '',
    row.enterprises === null ? '' : String(row.enterprises),
    row.peopleTrained === null ? '' : String(row.peopleTrained),
    row.results.map((indicator) => resultLine(indicator, lang)).join('; '),
    `${baseUrl}/${lang}/incentives/${row.id}`,
    row.report.isSample ? '1' : '0',
  ]);
  return [header, ...body].map((row) => row.map(neutraliseFormula));
}

/** UTF-8 with a byte order mark (so Excel reads the accents), CRLF line ends. */
export const incentivesCsv = (table: string[][]) => `\uFEFF${table.map(csvLine).join('')}`;

export async function incentivesXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 5 || index === 6 ? 60 : 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The API's JSON for one incentive: codes, not labels. */
export const incentiveJson = (row: PublicIncentive) => ({
  id: row.id,
  party: row.report.partyCode,
  report: {
    id: row.report.id,
    symbol: row.report.symbol,
    periodStart: row.report.periodStart,
    periodEnd: row.report.periodEnd,
    format: row.report.format,
    circulationDate: row.report.circulationDate,
  },
  position: row.position,
  title: row.title,
  description: row.description,
  incentiveType: row.incentiveType,
  governmentBody: row.governmentBody,
  eligibleEntities: row.eligibleEntities,
  beneficiaryLdcs: row.beneficiaryCodes,
  sectors: row.sectors,
  technologyTransferred: row.technologyTransferred,
  modeAndTerms: row.modeAndTerms,
  ldcSpecificity: row.ldcSpecificity,
  amount: row.amount,
  currency: row.currency,
  enterprises: row.enterprises,
  peopleTrained: row.peopleTrained,
  results: row.results,
  isSample: row.report.isSample,
});
