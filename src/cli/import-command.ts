import { writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Database } from '../db/database.ts';
import {
  BulkInputError,
  expandInputs,
  jsonLogPath,
  type MappingEntry,
  migrationLogCsv,
  readMapping,
} from '../etrips/bulk.ts';
import {
  type FileImportResult,
  type ImportOptions,
  type ImportOutcome,
  importEtripsFile,
} from '../etrips/import-file.ts';
import { pluralForm } from '../i18n/plural.ts';
import { formatReportingPeriod } from '../reports/period.ts';

/** "1 file", "2 files": the command line speaks English. */
const english = (count: number, noun: string) =>
  `${count} ${pluralForm('en', count) === 'One' ? noun : `${noun}s`}`;

export type ImportCommandOptions = {
  reporter?: string;
  period?: string;
  dryRun?: boolean;
  json?: boolean;
  keepUnknown?: boolean;
  force?: boolean;
  /** CSV migration log; its JSON twin is written beside it. */
  log?: string;
  /** CSV mapping each file to its symbol and circulation date. */
  mapping?: string;
};

/** The stable --json contract (scripts rely on it: fields are added, never removed). */
export function importResultJson(result: FileImportResult) {
  const page = result.page;
  return {
    file: result.file,
    ok: result.ok,
    outcome: result.outcome,
    reporter: page?.reporter ?? null,
    reporterFrom: page?.reporterFrom ?? null,
    uiLanguage: page?.uiLanguage ?? null,
    contentLanguage: page?.contentLanguage ?? null,
    period: page?.period ?? null,
    periodFrom: page?.periodFrom ?? null,
    periodText: page?.periodText ?? null,
    symbol: page?.symbol ?? null,
    circulationDate: page?.circulationDate ?? null,
    preamble: page?.preamble ?? null,
    paragraphs: page?.paragraphs ?? [],
    outline: page?.outline ?? [],
    programmes: (page?.programmes ?? []).map((p) => ({
      n: p.n,
      title: p.title,
      start: p.start,
      beneficiaries: p.beneficiaries.map((b) => ({ name: b.name, code: b.code, kind: b.kind })),
      line: p.line,
    })),
    problems: result.problems,
    stored: result.stored,
  };
}

const outcomeWords: Record<ImportOutcome, string> = {
  imported: 'ok  ',
  checked: 'ok  ',
  unchanged: 'same',
  conflict: 'KEPT',
  failed: 'FAIL',
};

function describe(result: FileImportResult, dryRun: boolean): string {
  const lines: string[] = [];
  const page = result.page;
  const head = `${outcomeWords[result.outcome]} ${result.file}`;
  if (result.outcome === 'unchanged') {
    lines.push(`${head}: imported before, unchanged; skipped (give --force to import it again)`);
  } else if (result.ok && page) {
    const what = `${page.reporter?.name ?? '?'} ${page.period ? formatReportingPeriod(page.period, 'en') : '?'}${page.symbol ? ` (${page.symbol})` : ''}, ${english(page.programmes.length, 'programme')}, ${english(page.paragraphs.length, 'narrative paragraph')}`;
    const stored = result.stored
      ? `: report ${result.stored.reportId} ${result.stored.reportCreated ? 'created' : 'updated'}, ${result.stored.activitiesCreated} new, ${result.stored.activitiesUpdated} updated, ${result.stored.activitiesRemoved} removed activities`
      : dryRun
        ? ' (dry run: nothing stored)'
        : '';
    lines.push(`${head}: ${what}${stored}`);
  } else if (result.outcome === 'conflict') {
    lines.push(`${head}: conflict, the report in the hub is kept as it is`);
  } else {
    lines.push(`${head}: nothing stored`);
  }
  for (const problem of result.problems) {
    lines.push(`     ${result.file}:${problem.line}: ${problem.severity}: ${problem.message}`);
  }
  return lines.join('\n');
}

function unexpected(file: string, error: unknown): FileImportResult {
  return {
    file,
    page: null,
    problems: [
      {
        line: 0,
        message: `unexpected error, nothing stored: ${(error as Error).message}`,
        severity: 'error',
      },
    ],
    stored: null,
    ok: false,
    outcome: 'failed',
    contentHash: null,
    reportId: null,
  };
}

/**
 * Imports each file (folders: their .txt files, recursively) in its own transaction; a failed file
 * never stops the others. Returns the process exit code: 1 when any file failed or conflicted.
 */
export async function runImport(
  database: Database | null,
  inputs: string[],
  options: ImportCommandOptions,
): Promise<number> {
  let files: string[];
  let mapping: (file: string) => MappingEntry | undefined = () => undefined;
  try {
    files = await expandInputs(inputs);
    if (options.mapping) mapping = await readMapping(options.mapping);
  } catch (error) {
    if (!(error instanceof BulkInputError)) throw error;
    console.error(`ipcoop: ${error.message}`);
    return 1;
  }
  if (files.length === 0) {
    console.error(`ipcoop: no page files (.txt) found in ${inputs.join(', ')}`);
    return 1;
  }
  const results: FileImportResult[] = [];
  const bar =
    files.length > 1 && process.stderr.isTTY && !options.json
      ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr })
      : null;
  bar?.start(files.length, 0, { file: '' });
  for (const [index, file] of files.entries()) {
    bar?.update({ file });
    const mapped = mapping(file);
    const reporterCode = mapped?.reporter ?? options.reporter;
    const period = mapped?.period ?? options.period;
    const fileOptions: ImportOptions = {
      ...(reporterCode ? { reporterCode } : {}),
      ...(period ? { period } : {}),
      ...(mapped?.symbol ? { symbol: mapped.symbol } : {}),
      ...(mapped?.circulationDate ? { circulationDate: mapped.circulationDate } : {}),
      dryRun: Boolean(options.dryRun),
      keepUnknown: Boolean(options.keepUnknown),
      force: Boolean(options.force),
    };
    let result: FileImportResult;
    try {
      result = await importEtripsFile(database?.db ?? null, file, fileOptions);
    } catch (error) {
      result = unexpected(file, error);
    }
    results.push(result);
    bar?.increment();
    if (!bar && !options.json) {
      const counter = files.length > 1 ? `[${index + 1}/${files.length}] ` : '';
      console.log(counter + describe(result, Boolean(options.dryRun)));
    }
  }
  bar?.stop();
  if (options.json) {
    const json = results.map(importResultJson);
    console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else if (bar) {
    for (const result of results) console.log(describe(result, Boolean(options.dryRun)));
  }
  if (options.log) {
    await writeFile(options.log, migrationLogCsv(results));
    await writeFile(jsonLogPath(options.log), JSON.stringify(results.map(importResultJson), null, 2));
  }
  const tally = (outcome: ImportOutcome) => results.filter((r) => r.outcome === outcome).length;
  const bad = tally('failed') + tally('conflict');
  if (!options.json && files.length > 1) {
    const parts = [
      `${tally('imported') + tally('checked')} of ${english(files.length, 'file')} ${options.dryRun ? 'read without error' : 'imported'}`,
      tally('unchanged') ? `${tally('unchanged')} unchanged` : '',
      tally('conflict') ? english(tally('conflict'), 'conflict') : '',
      tally('failed') ? `${tally('failed')} failed` : '',
    ].filter(Boolean);
    console.log(
      `${parts.join(', ')}.${options.log ? ` Log: ${options.log} and ${jsonLogPath(options.log)}.` : ''}`,
    );
  }
  return bad > 0 ? 1 : 0;
}
