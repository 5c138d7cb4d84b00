/**
 * Bulk migration helpers: the files of a folder (recursively), a mapping file giving each file its
 * symbol and circulation date, and the migration log (CSV and JSON).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { neutraliseFormula } from '../exports/columns.ts';
import { csvLine } from '../exports/csv.ts';
import { parseDocumentSymbol } from '../reports/document-symbol.ts';
import { isoDate, periodText } from '../reports/period.ts';
import type { FileImportResult } from './import-file.ts';

/** Extensions of saved pages taken from a folder; a file named explicitly is always taken. */
const pageExtensions = /\.(?:txt|text)$/i;

export class BulkInputError extends Error {}

/** The files to import: each file as given, each folder's page files recursively, sorted, once each. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && pageExtensions.test(entry.name)) files.push(path);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await walk(input);
    else files.push(input);
  }
  return [...new Set(files)];
}

export type MappingEntry = { symbol?: string; circulationDate?: string; reporter?: string; period?: string };

/**
 * A CSV with a header row: `file` (a path relative to the mapping file, or a file name), and any of
 * `symbol`, `circulation_date` (YYYY-MM-DD), `reporter`, `period`. Errors name the row.
 */
export async function readMapping(path: string): Promise<(file: string) => MappingEntry | undefined> {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(await readFile(path, 'utf8'), {
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new BulkInputError(`mapping file ${path}: ${(error as Error).message}`);
  }
  const folder = dirname(resolve(path));
  const byPath = new Map<string, MappingEntry>();
  const byName = new Map<string, MappingEntry>();
  rows.forEach((row, index) => {
    const where = `mapping file ${path}, row ${index + 2}`;
    const file = row.file ?? '';
    if (!file) throw new BulkInputError(`${where}: the "file" column is empty or missing`);
    const entry: MappingEntry = {};
    if (row.symbol) {
      const symbol = parseDocumentSymbol(row.symbol);
      if (!symbol) throw new BulkInputError(`${where}: "${row.symbol}" is not a WTO document symbol`);
      entry.symbol = symbol.symbol;
    }
    if (row.circulation_date) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(row.circulation_date);
      const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
      if (!date) throw new BulkInputError(`${where}: "${row.circulation_date}" is not a date (YYYY-MM-DD)`);
      entry.circulationDate = date;
    }
    if (row.reporter) entry.reporter = row.reporter.toUpperCase();
    if (row.period) entry.period = row.period;
    byPath.set(resolve(folder, file), entry);
    byName.set(basename(file), entry);
  });
  return (file) => byPath.get(resolve(file)) ?? byName.get(basename(file));
}

const logColumns = [
  'file',
  'outcome',
  'reporter',
  'period',
  'precision',
  'symbol',
  'circulation_date',
  'programmes',
  'report_id',
  'problems',
];

/** One CSV row per file: outcome, what was read, and each problem with its line. */
export function migrationLogCsv(results: FileImportResult[], base = process.cwd()): string {
  const rows = results.map((r) => {
    const page = r.page;
    return [
      relative(base, r.file) || r.file,
      r.outcome,
      page?.reporter?.code ?? '',
      page?.period ? periodText(page.period) : '',
      page?.period?.precision ?? '',
      page?.symbol ?? '',
      page?.circulationDate ?? '',
      page ? String(page.programmes.length) : '',
      r.stored ? String(r.stored.reportId) : '',
      r.problems.map((p) => `line ${p.line}: ${p.severity}: ${p.message}`).join('\n'),
    ].map(neutraliseFormula);
  });
  return `\uFEFF${[logColumns, ...rows].map(csvLine).join('')}`;
}

/** The JSON log's path beside the CSV one: "log.csv" gives "log.json". */
export const jsonLogPath = (csvPath: string) => `${csvPath.replace(/\.csv$/i, '')}.json`;
