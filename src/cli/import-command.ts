import { SingleBar } from 'cli-progress';
import type { Database } from '../db/database.ts';
import { type FileImportResult, type ImportOptions, importEtripsFile } from '../etrips/import-file.ts';

/** The stable --json contract (scripts rely on it), plus the file, outcome and what was stored. */
export function importResultJson(result: FileImportResult) {
  const page = result.page;
  return {
    file: result.file,
    ok: result.ok,
    reporter: page?.reporter ?? null,
    uiLanguage: page?.uiLanguage ?? null,
    contentLanguage: page?.contentLanguage ?? null,
    period: page?.period ?? null,
    paragraphs: page?.paragraphs ?? [],
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

function describe(result: FileImportResult, dryRun: boolean): string {
  const lines: string[] = [];
  const page = result.page;
  if (result.ok && page) {
    const what = `${page.reporter?.name ?? '?'} ${page.period?.start.slice(0, 4)}–${page.period?.end.slice(0, 4)}, ${page.programmes.length} programme(s), ${page.paragraphs.length} narrative paragraph(s)`;
    const stored = result.stored
      ? `: report ${result.stored.reportId} ${result.stored.reportCreated ? 'created' : 'updated'}, ${result.stored.activitiesCreated} new, ${result.stored.activitiesUpdated} updated, ${result.stored.activitiesRemoved} removed activities`
      : dryRun
        ? ' (dry run: nothing stored)'
        : '';
    lines.push(`ok   ${result.file}: ${what}${stored}`);
  } else {
    lines.push(`FAIL ${result.file}: nothing stored`);
  }
  for (const problem of result.problems) {
    lines.push(`     ${result.file}:${problem.line}: ${problem.severity}: ${problem.message}`);
  }
  return lines.join('\n');
}

/** Imports each file in its own transaction; returns the process exit code. */
export async function runImport(
  database: Database | null,
  files: string[],
  options: ImportOptions & { json?: boolean },
): Promise<number> {
  const results: FileImportResult[] = [];
  const bar =
    files.length > 1 && process.stderr.isTTY && !options.json
      ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr })
      : null;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    bar?.update({ file });
    const result = await importEtripsFile(database?.db ?? null, file, options);
    results.push(result);
    bar?.increment();
    if (!bar && !options.json) console.log(describe(result, Boolean(options.dryRun)));
  }
  bar?.stop();
  if (options.json) {
    const json = results.map(importResultJson);
    console.log(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  } else if (bar) {
    for (const result of results) console.log(describe(result, Boolean(options.dryRun)));
  }
  const failed = results.filter((r) => !r.ok).length;
  if (!options.json && files.length > 1)
    console.log(
      `${files.length - failed} of ${files.length} file(s) imported${failed ? `, ${failed} failed` : ''}.`,
    );
  return failed > 0 ? 1 : 0;
}
