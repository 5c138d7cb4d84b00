/*
 * An XLSX file is a ZIP archive. exceljs (through JSZip) inflates every part into memory and
 * expands ranges it finds, so a small upload could claim gigabytes (a "zip bomb"). Before exceljs
 * sees a file, this reads the archive's central directory (the table of contents at its end),
 * refuses what is encrypted, odd or too large once uncompressed, and then inflates each part with
 * a hard output cap, so that sizes the archive lies about are caught too.
 */
import { inflateRawSync } from 'node:zlib';
import { type SpreadsheetLimits, spreadsheetLimits } from './limits.ts';

export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipProblem = 'damaged' | 'encrypted' | 'too-expanded' | 'not-xlsx' | 'too-many-rows';

export type ZipInspection =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; problem: ZipProblem; count?: number };

const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };
const methods = { stored: 0, deflated: 8, aes: 99 };
const flagEncrypted = 0x0001;
const flagStrongEncryption = 0x0040;

export const isZip = (buffer: Uint8Array): boolean =>
  buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;

/** The entries of the central directory, or null when the archive is not one we can trust. */
export function readCentralDirectory(buffer: Buffer): ZipEntry[] | null {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return null;
  const diskNumber = buffer.readUInt16LE(end + 4);
  const directoryDisk = buffer.readUInt16LE(end + 6);
  const count = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  // Split archives and ZIP64 (0xFFFF… markers) have no place in a 2 MB spreadsheet.
  if (diskNumber !== 0 || directoryDisk !== 0 || count === 0xffff || offset === 0xffffffff) return null;
  if (offset + size > end) return null;
  const entries: ZipEntry[] = [];
  let position = offset;
  for (let i = 0; i < count; i++) {
    if (position + 46 > end || buffer.readUInt32LE(position) !== signatures.central) return null;
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    entries.push({
      flags: buffer.readUInt16LE(position + 8),
      method: buffer.readUInt16LE(position + 10),
      compressedSize: buffer.readUInt32LE(position + 20),
      uncompressedSize: buffer.readUInt32LE(position + 24),
      localHeaderOffset: buffer.readUInt32LE(position + 42),
      name: buffer.toString('utf8', position + 46, position + 46 + nameLength),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end record is the last 22 bytes, unless an archive comment (at most 65,535 bytes) follows it. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let position = buffer.length - 22; position >= lowest; position--) {
    if (buffer.readUInt32LE(position) === signatures.end) return position;
  }
  return -1;
}

function countOccurrences(haystack: Buffer, needles: string[]): number {
  let total = 0;
  for (const needle of needles) {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length))
      total++;
  }
  return total;
}

/** The part's bytes, inflated with its declared size as a hard cap; null when it does not match. */
function inflateEntry(buffer: Buffer, entry: ZipEntry): Buffer | 'too-large' | null {
  const local = entry.localHeaderOffset;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== signatures.local) return null;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  if (entry.method === methods.stored) return entry.compressedSize === entry.uncompressedSize ? data : null;
  try {
    // One byte over the declared size is enough to prove the declaration false.
    const inflated = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    return inflated.length === entry.uncompressedSize ? inflated : null;
  } catch (error) {
    return error instanceof RangeError ? 'too-large' : null;
  }
}

const worksheetPart = /^xl\/worksheets\/[^/]+\.xml$/;

/** Whether `buffer` is an XLSX that is safe to hand to exceljs, and if not, why. */
export function inspectXlsxArchive(
  buffer: Buffer,
  limits: SpreadsheetLimits = spreadsheetLimits,
): ZipInspection {
  const entries = readCentralDirectory(buffer);
  if (!entries || entries.length > limits.maxZipEntries) return { ok: false, problem: 'damaged' };
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & (flagEncrypted | flagStrongEncryption) || entry.method === methods.aes) {
      return { ok: false, problem: 'encrypted' };
    }
    if (entry.method !== methods.stored && entry.method !== methods.deflated)
      return { ok: false, problem: 'damaged' };
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (
      declared > limits.maxUncompressedBytes ||
      (entry.uncompressedSize >= limits.ratioCheckedFromBytes && ratio > limits.maxCompressionRatio)
    ) {
      return { ok: false, problem: 'too-expanded' };
    }
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    return { ok: false, problem: 'not-xlsx' };

  for (const entry of entries) {
    const inflated = inflateEntry(buffer, entry);
    if (inflated === 'too-large') return { ok: false, problem: 'too-expanded' };
    if (inflated === null) return { ok: false, problem: 'damaged' };
    // Strings, rows and cells are what exceljs turns into objects: count them before it does.
    if (
      entry.name === 'xl/sharedStrings.xml' &&
      countOccurrences(inflated, ['<si>', '<si ']) > limits.maxSheetCells
    ) {
      return { ok: false, problem: 'too-expanded' };
    }
    if (!worksheetPart.test(entry.name)) continue;
    const rows = countOccurrences(inflated, ['<row ', '<row>']);
    if (rows > limits.maxSheetRows) return { ok: false, problem: 'too-many-rows' };
    if (countOccurrences(inflated, ['<c ', '<c>']) > limits.maxSheetCells) {
      return { ok: false, problem: 'too-expanded' };
    }
  }
  return { ok: true, entries };
}
