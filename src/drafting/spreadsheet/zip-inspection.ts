/*
 * An XLSX file is a ZIP archive. exceljs (through JSZip) inflates every part into memory and
 * expands ranges it finds, so a small upload could claim gigabytes (a "zip bomb"). Before exceljs
 * sees a file, this reads the archive's central directory (the table of contents at its end),
 * refuses what is encrypted, odd or too large once uncompressed, and then inflates each part with
 * a hard output cap, so that sizes the archive lies about are caught too.
 */
import { checkZipArchive, type ZipEntry } from '../../uploads/zip-archive.ts';
import { type SpreadsheetLimits, spreadsheetLimits } from './limits.ts';

export { isZip, readCentralDirectory, type ZipEntry } from '../../uploads/zip-archive.ts';

export type ZipProblem = 'damaged' | 'encrypted' | 'too-expanded' | 'not-xlsx' | 'too-many-rows';

export type ZipInspection =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: ZipProblem; count?: number };

function countOccurrences(haystack: Buffer, needles: string[]): number {
  let total = 0;
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
      total++;
  }
  return total;
}

const worksheetPart = /^xl\/worksheets\/[^/]+\.xml$/;

/** Whether `buffer` is an XLSX that is safe to hand to exceljs, and if not, why. */
export function inspectXlsxArchive(
  buffer: Buffer,
  limits: SpreadsheetLimits = spreadsheetLimits,
): ZipInspection {
  let sawTypes = false;
  let sawWorkbook = false;
  const checked = checkZipArchive<'too-expanded' | 'too-many-rows'>(buffer, limits, (entry, inflated) => {
    if (entry.name === '[Content_Types].xml') sawTypes = true;
    if (entry.name === 'xl/workbook.xml') sawWorkbook = true;
    // Strings, rows and cells are what exceljs turns into objects: count them before it does.
    if (
      entry.name === 'xl/sharedStrings.xml' &&
      countOccurrences(inflated, ['<si>', '<si ']) > limits.maxSheetCells
    ) {
      return 'too-expanded';
    }
    if (!worksheetPart.test(entry.name)) return undefined;
    const rows = countOccurrences(inflated, ['<row ', '<row>']);
    if (rows > limits.maxSheetRows) return 'too-many-rows';
    if (countOccurrences(inflated, ['<c ', '<c>']) > limits.maxSheetCells) return 'too-expanded';
    return undefined;
  });
  if (!checked.ok) return checked;
  if (!sawTypes || !sawWorkbook) return { ok: false, problem: 'not-xlsx' };
  return checked;
}
