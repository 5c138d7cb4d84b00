import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { noPeriodPage, page, shapeCases } from '../etrips/test-pages.ts';
import { reports } from '../reports/schema.ts';

const bin = fileURLToPath(new URL('../../bin/ipcoop.js', import.meta.url));

async function ipcoop(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const folder = mkdtempSync(join(tmpdir(), 'ipcoop-import-cli-'));
const write = (name: string, text: string) => {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

// A page without reporter line, period or symbol: everything comes from options or the mapping.
const bare = page({
  ui: 'en',
  narrative: ['1. Activities are listed below.'],
  rows: ['1 Workshop on Patent Drafting 01/06/2015 Kenya; Atlantis'],
});

// Each command starts Node and opens (first: migrates) a database; a loaded machine needs time.
describe('ipcoop import etrips, through the CLI', { timeout: 900_000 }, () => {
  it('passes --reporter, --period (dates) and --keep-unknown to the importer; --dry-run --json keeps its contract; a missing period is explained', async () => {
    const file = write('bare.txt', bare);
    const noPeriod = write('no-period.txt', noPeriodPage);
    const refused = await ipcoop(['import', 'etrips', file, noPeriod, '--dry-run', '--json']);
    expect(refused.code).toBe(1);
    const [bareJson, noPeriodJson] = JSON.parse(refused.stdout);
    const messages = bareJson.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('give it with --reporter'),
        expect.stringContaining('looked for a year range'),
        expect.stringContaining('unknown beneficiary "Atlantis"'),
      ]),
    );
    // No period on the page: the error suggests one from the circulation date.
    expect(noPeriodJson).toMatchObject({
      ok: false,
      outcome: 'failed',
      period: null,
      circulationDate: '2012-10-15',
    });
    expect(JSON.stringify(noPeriodJson.problems)).toContain('--period 2011-2012');
    const given = await ipcoop([
      'import',
      'etrips',
      file,
      '--dry-run',
      '--json',
      '--reporter',
      'gbr',
      '--period',
      '2015-04-01/2016-03-31',
      '--keep-unknown',
    ]);
    expect(given.code).toBe(0);
    const json = JSON.parse(given.stdout);
    // The contract: these fields stay; new ones are only added.
    for (const field of [
      'file',
      'ok',
      'reporter',
      'uiLanguage',
      'contentLanguage',
      'period',
      'paragraphs',
      'programmes',
      'problems',
      'stored',
    ])
      expect(json).toHaveProperty(field);
    expect(json).toMatchObject({
      ok: true,
      outcome: 'checked',
      reporter: { code: 'GBR', name: 'United Kingdom' },
      reporterFrom: 'option',
      period: { start: '2015-04-01', end: '2016-03-31', precision: 'day' },
      periodFrom: 'option',
      stored: null,
    });
    expect(json.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('Atlantis') }),
    ]);
  });

  it('migrates a folder: recursive, mapping, log; skips unchanged files; keeps reports edited in the hub', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipcoop-cli-'));
    const env = { IPCOOP_DATA_DIR: dataDir };
    const pages = join(folder, 'pages');
    shapeCases.slice(0, 4).forEach((shape, index) => {
      write(`pages/${index % 2 ? 'fr' : 'en'}/page-${index}.txt`, shape.text);
    });
    write('pages/en/bare.txt', bare);
    write('pages/notes.md', 'not a page: skipped, its extension is not .txt');
    const mapping = write(
      'mapping.csv',
      'file,symbol,circulation_date,reporter,period\npages/en/bare.txt,IP/C/R/TC/GBR,2016-10-01,GBR,2015-04-01/2016-03-31\n',
    );
    const log = join(folder, 'migration.csv');
    const first = await ipcoop(
      ['import', 'etrips', pages, '--mapping', mapping, '--log', log, '--keep-unknown'],
      env,
    );
    expect(first.stdout).toContain('[5/5]');
    expect(first.stdout).toContain('5 of 5 files imported.');
    expect(first.code).toBe(0);
    const csv = readFileSync(log, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFfile,outcome,reporter,period,precision,symbol,circulation_date,programmes,report_id,problems',
    );
    expect(csv).toContain(',imported,GBR,2015-04-01/2016-03-31,day,IP/C/R/TC/GBR,2016-10-01,1,');
    expect(csv).toContain(',imported,WHO,2012-03/2013-03,month,IP/C/W/584/Add.3,');
    const jsonLog = JSON.parse(readFileSync(join(folder, 'migration.json'), 'utf8'));
    expect(jsonLog).toHaveLength(5);

    // The same files again: nothing to do.
    const again = await ipcoop(['import', 'etrips', pages, '--mapping', mapping, '--keep-unknown'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 of 5 files imported, 5 unchanged.');

    // A report edited in the hub since its import is kept; one changed file is imported again.
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await database.db
        .update(reports)
        .set({ circulationDate: '2020-10-05' })
        .where(eq(reports.reportingPartyCode, 'JPN'));
    } finally {
      await database.close();
    }
    write(
      'pages/en/page-0.txt',
      `${shapeCases[0]?.text}\n3 Study visit on design examination 01/12/2019 Malaysia\n`,
    );
    write(
      'pages/fr/page-1.txt',
      `${shapeCases[1]?.text}\n2 Séminaire régional sur les marques 01/02/2020 Maroc\n`,
    );
    const third = await ipcoop(['import', 'etrips', pages, '--mapping', mapping, '--keep-unknown'], env);
    expect(third.code).toBe(1);
    expect(third.stdout).toMatch(/KEPT .*page-0\.txt: conflict/);
    expect(third.stdout).toContain('was changed in the hub since it was imported');
    expect(third.stdout).toContain('1 of 5 files imported, 3 unchanged, 1 conflict.');
    const forced = await ipcoop(['import', 'etrips', join(pages, 'en', 'page-0.txt'), '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/report \d+ updated, 1 new, 2 updated/);
  });
});
