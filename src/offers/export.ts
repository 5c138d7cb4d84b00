import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../exports/columns.ts';
import { csvLine } from '../exports/csv.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { AgencyName, EditionOffer, Offer } from './service.ts';
import { editionTitle, kindLabel, ownerName, wordOf } from './views.tsx';

/**
 * Offers as a table with labels in `lang`, as CSV and XLSX give it: one row per offer (training
 * editions open for nominations included, with their own address), codes turned into words, every
 * cell safe to open in a spreadsheet.
 */
export function offersTable(
  offers: Offer[],
  editions: EditionOffer[],
  lang: Language,
  labels: ReferenceLabels,
  agencies: Map<number, AgencyName>,
  baseUrl: string,
): string[][] {
  const word = wordOf(lang);
  const areas = (codes: string[]) => codes.map((area) => labels.term('ip-area', area, lang)).join('; ');
  const languageNames = (codes: string[]) => codes.map((code) => labels.languageName(code, lang)).join('; ');
  const header = [
    'id',
    word('offerTitle'),
    word('offeredBy'),
    word('kindsOfHelp'),
    word('ipAreas'),
    word('eligibility'),
    word('languages'),
    word('capacity'),
    word('deadline'),
    word('status'),
    'url',
    word('sampleNotice'),
  ];
  const rows = offers.map((offer) => [
    String(offer.id),
    offer.title,
    ownerName(offer, lang, labels, agencies),
    offer.kindsOfHelp.map((kind) => kindLabel(lang, kind)).join('; '),
    areas(offer.ipAreas),
    [
      ...offer.eligibleRegions.map((code) => labels.regionName(code, lang)),
      ...offer.eligibleParties.map((code) => labels.partyName(code, lang)),
    ].join('; ') || word('everyMember'),
    languageNames(offer.languages),
    offer.capacity ?? '',
    offer.deadline ?? '',
    word(`status-${offer.status}`),
    `${baseUrl}/${lang}/offers/${offer.id}`,
    offer.isSample ? '1' : '0',
  ]);
  const editionRows = editions.map((edition) => [
    `edition-${edition.editionId}`,
    editionTitle(lang, edition),
    edition.organizers.join('; '),
    edition.kindsOfHelp.map((kind) => kindLabel(lang, kind)).join('; '),
    areas(edition.ipAreas),
    word('everyMember'),
    languageNames(edition.languages),
    edition.capacity === null ? '' : String(edition.capacity),
    edition.deadline ?? '',
    word('status-open'),
    `${baseUrl}/${lang}/programmes/${edition.programmeId}`,
    '0',
  ]);
  return [header, ...rows, ...editionRows].map((row) => row.map(neutraliseFormula));
}

/** UTF-8 with a byte order mark (so Excel reads the accents), CRLF line ends. */
export const offersCsv = (table: string[][]) => `\uFEFF${table.map(csvLine).join('')}`;

export async function offersXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
