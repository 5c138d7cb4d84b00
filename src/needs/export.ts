import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../exports/columns.ts';
import { csvLine } from '../exports/csv.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { deliveryText } from './delivery/messages.ts';
import type { NeedDelivery } from './delivery/open-data.ts';
import { type NeedsKey, needsText } from './messages.ts';
import type { Assessment, Need } from './service.ts';

type Row = { need: Need; assessment: Assessment };

/**
 * Needs as a table with labels in `lang`, as CSV and XLSX give it: one row per need, codes turned
 * into words, what addresses it as links to the activities and editions, every cell safe to open
 * in a spreadsheet (no formula runs).
 */
export function needsTable(
  rows: Row[],
  lang: Language,
  labels: ReferenceLabels,
  baseUrl: string,
  deliveries: ReadonlyMap<number, NeedDelivery> = new Map(),
): string[][] {
  const text = needsText(lang);
  const delivery = deliveryText(lang);
  const word = (key: string) => text(key as NeedsKey);
  const header = [
    'id',
    text('member'),
    text('needTitle'),
    text('description'),
    text('kindsOfHelp'),
    text('ipAreas'),
    text('priority'),
    text('receivedBy'),
    text('wishedStart'),
    text('wishedEnd'),
    text('status'),
    text('source'),
    text('symbol'),
    text('documentDate'),
    'url',
    delivery('deliveringHeading'),
    delivery('answeringHeading'),
    text('sampleNotice'),
  ];
  const body = rows.map(({ need, assessment }) => [
    String(need.id),
    labels.partyName(assessment.partyCode, lang),
    textIn(need.title, lang, assessment.language),
    textIn(need.description, lang, assessment.language),
    need.kindsOfHelp.map((kind) => word(`kind-${kind}`)).join('; '),
    need.ipAreas.map((area) => labels.term('ip-area', area, lang)).join('; '),
    word(`priority-${need.priority}`),
    need.institution ?? '',
    need.wishedStart ?? '',
    need.wishedEnd ?? '',
    word(`status-${need.status}`),
    word(`source-${assessment.source}`),
    assessment.symbol ?? '',
    assessment.documentDate ?? '',
    `${baseUrl}/${lang}/needs/${need.id}`,
    (deliveries.get(need.id)?.activities ?? [])
      .map((activity) => `${baseUrl}/${lang}/activities/${activity.id}`)
      .join('; '),
    (deliveries.get(need.id)?.trainingEditions ?? [])
      .map((edition) => `${baseUrl}/${lang}/programmes/${edition.programmeId}#edition-${edition.id}`)
      .join('; '),
    assessment.isSample ? '1' : '0',
  ]);
  return [header, ...body].map((row) => row.map(neutraliseFormula));
}

/** UTF-8 with a byte order mark (so Excel reads the accents), CRLF line ends. */
export const needsCsv = (table: string[][]) => `\uFEFF${table.map(csvLine).join('')}`;

export async function needsXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 2 || index === 3 ? 60 : 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
