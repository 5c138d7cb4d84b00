import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { referenceResolver } from '../reference/reference-lookup.ts';
import {
  ImportConflictError,
  ImportRefusedError,
  type ImportSummary,
  storeEtripsReport,
} from './import-report.ts';
import { LayoutError, type ParsedPage, type Problem } from './page-types.ts';
import { parseEtripsPage } from './parse-page.ts';
import { PageFileError, readPageFile } from './read-page-file.ts';
import { etripsImports } from './schema.ts';

export type ImportOptions = {
  reporterCode?: string;
  period?: string;
  /** Symbol and circulation date from a mapping file (bulk mode). */
  symbol?: string;
  circulationDate?: string;
  dryRun?: boolean;
  /** Store beneficiaries nobody could resolve, flagged, instead of refusing the file. */
  keepUnknown?: boolean;
  /** Import again a file already imported unchanged, and overwrite a report edited in the hub since. */
  force?: boolean;
};

/**
 * imported: stored; checked: read without error (dry run); unchanged: this very file was imported
 * before, skipped; conflict: the report was edited in the hub since, nothing overwritten;
 * failed: the file has blocking problems, nothing stored.
 */
export type ImportOutcome = 'imported' | 'checked' | 'unchanged' | 'conflict' | 'failed';

export type FileImportResult = {
  file: string;
  page: ParsedPage | null;
  problems: Problem[];
  stored: ImportSummary | null;
  ok: boolean;
  outcome: ImportOutcome;
  contentHash: string | null;
  /** The report this file became: the one just stored, or, when unchanged, the one stored before. */
  reportId: number | null;
};

const isBlocking = (problem: Problem, options: ImportOptions) =>
  problem.severity === 'error' && !(options.keepUnknown && problem.message.includes('unknown beneficiary'));

/** The hash of a file's text and of every option that changes what is read from it. */
export function importHash(text: string, options: ImportOptions): string {
  const shaping = [
    options.reporterCode?.toUpperCase() ?? '',
    options.period ?? '',
    options.symbol ?? '',
    options.circulationDate ?? '',
    options.keepUnknown ? 'keep-unknown' : '',
  ];
  return createHash('sha256').update(text).update('\u0000').update(shaping.join('\u0000')).digest('hex');
}

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
  const refused = (problem: Problem, outcome: ImportOutcome = 'failed', page: ParsedPage | null = null) => ({
    file,
    page,
    problems: [...(page?.problems ?? []), problem],
    stored: null,
    ok: false,
    outcome,
    contentHash: null,
    reportId: null,
  });
  let page: ParsedPage;
  let contentHash: string;
  try {
    const text = await readPageFile(path);
    contentHash = importHash(text, options);
    if (db && !options.dryRun && !options.force) {
      const [seen] = await db
        .select({ reportId: etripsImports.reportId })
        .from(etripsImports)
        .where(eq(etripsImports.contentHash, contentHash))
        .limit(1);
      if (seen) {
        const outcome = 'unchanged';
        return {
          file,
          page: null,
          problems: [],
          stored: null,
          ok: true,
          outcome,
          contentHash,
          reportId: seen.reportId,
        };
      }
    }
    const { resolver, partyName } = referenceResolver();
    page = parseEtripsPage(text, {
      resolver,
      partyName,
      ...(options.reporterCode ? { reporterCode: options.reporterCode.toUpperCase() } : {}),
      ...(options.period ? { period: options.period } : {}),
      ...(options.symbol ? { symbol: options.symbol } : {}),
      ...(options.circulationDate ? { circulationDate: options.circulationDate } : {}),
    });
  } catch (error) {
    if (error instanceof PageFileError)
      return refused({ line: 0, message: error.message, severity: 'error' });
    if (error instanceof LayoutError)
      return refused({ line: error.line, message: error.message, severity: 'error' });
    throw error;
  }
  const ok = !page.problems.some((problem) => isBlocking(problem, options));
  if (!ok)
    return {
      file,
      page,
      problems: page.problems,
      stored: null,
      ok,
      outcome: 'failed',
      contentHash,
      reportId: null,
    };
  if (options.dryRun || !db) {
    return {
      file,
      page,
      problems: page.problems,
      stored: null,
      ok,
      outcome: 'checked',
      contentHash,
      reportId: null,
    };
  }
  try {
    const stored = await storeEtripsReport(
      db,
      page,
      `e-TRIPS page (${page.uiLanguage} interface): ${basename(path)}`,
      { contentHash, file: path, ...(options.force ? { force: true } : {}) },
    );
    const reportId = stored.reportId;
    return {
      file,
      page,
      problems: page.problems,
      stored,
      ok: true,
      outcome: 'imported',
      contentHash,
      reportId,
    };
  } catch (error) {
    if (error instanceof ImportConflictError) {
      return refused({ line: 1, message: error.message, severity: 'error' }, 'conflict', page);
    }
    if (error instanceof ImportRefusedError) {
      return refused({ line: 1, message: error.message, severity: 'error' }, 'failed', page);
    }
    throw error;
  }
}
