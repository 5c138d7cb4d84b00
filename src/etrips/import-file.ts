import { basename } from 'node:path';
import type { Db } from '../db/database.ts';
import { referenceResolver } from '../reference/reference-lookup.ts';
import { type ImportSummary, storeEtripsReport } from './import-report.ts';
import { LayoutError, type ParsedPage, type Problem, parseEtripsPage } from './parse-page.ts';
import { PageFileError, readPageFile } from './read-page-file.ts';

export type ImportOptions = {
  reporterCode?: string;
  period?: string;
  dryRun?: boolean;
  /** Store beneficiaries nobody could resolve, flagged, instead of refusing the file. */
  keepUnknown?: boolean;
};

export type FileImportResult = {
  file: string;
  page: ParsedPage | null;
  problems: Problem[];
  stored: ImportSummary | null;
  ok: boolean;
};

const isBlocking = (problem: Problem, options: ImportOptions) =>
  problem.severity === 'error' && !(options.keepUnknown && problem.message.includes('unknown beneficiary'));

/**
 * Reads, checks and (unless dry-run) stores one e-TRIPS page. A file with any blocking problem
 * stores nothing: the database stays exactly as it was.
 */
export async function importEtripsFile(
  db: Db | null,
  path: string,
  options: ImportOptions,
): Promise<FileImportResult> {
  const file = path;
  let page: ParsedPage;
  try {
    const text = await readPageFile(path);
    const { resolver, partyName } = referenceResolver();
    page = parseEtripsPage(text, {
      resolver,
      partyName,
      ...(options.reporterCode ? { reporterCode: options.reporterCode.toUpperCase() } : {}),
      ...(options.period ? { period: options.period } : {}),
    });
  } catch (error) {
    if (error instanceof PageFileError) {
      return {
        file,
        page: null,
        problems: [{ line: 0, message: error.message, severity: 'error' }],
        stored: null,
        ok: false,
      };
    }
    if (error instanceof LayoutError) {
      return {
        file,
        page: null,
        problems: [{ line: error.line, message: error.message, severity: 'error' }],
        stored: null,
        ok: false,
      };
    }
    throw error;
  }
  const ok = !page.problems.some((problem) => isBlocking(problem, options));
  if (!ok || options.dryRun || !db) return { file, page, problems: page.problems, stored: null, ok };
  const stored = await storeEtripsReport(
    db,
    page,
    `e-TRIPS page (${page.uiLanguage} interface): ${basename(path)}`,
  );
  return { file, page, problems: page.problems, stored, ok: true };
}
