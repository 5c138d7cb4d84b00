import { describe, expect, it } from 'vitest';
import { activityFields } from '../src/drafting/activity-form/fields.ts';
import { readActivitySpreadsheet } from '../src/drafting/spreadsheet/read.ts';
import { referenceData } from '../src/reference/reference-data.ts';
import { mulberry32 } from './synthetic-registry.ts';
import {
  filledCsv,
  filledXlsx,
  runWorkflowBenchmark,
  spreadsheetRows,
  type WorkflowBenchResult,
} from './workflow-bench.ts';

describe('workflow benchmark', () => {
  it('fills the template with rows the product reads back without errors, as XLSX and as CSV', async () => {
    const rows = spreadsheetRows(mulberry32(3), 25);
    expect(rows).toEqual(spreadsheetRows(mulberry32(3), 25));
    for (const [bytes, name] of [
      [await filledXlsx(rows), 'activities.xlsx'],
      [filledCsv(rows), 'activities.csv'],
    ] as const) {
      const preview = await readActivitySpreadsheet(bytes, name, 'en', referenceData());
      if (!preview.ok) throw new Error(preview.message);
      expect(preview.rows).toHaveLength(25);
      expect(preview.rows.flatMap((row) => row.errors)).toEqual([]);
      // Every activity field is read (the template also has the optional needs column).
      const fields = preview.columns.map((column) => column.field);
      for (const field of activityFields) expect(fields).toContain(field.key);
      expect(preview.rows[0]?.input?.title).toBe(rows[0]?.title);
    }
  });

  it('measures every step on a small run', { timeout: 240_000 }, async () => {
    const result: WorkflowBenchResult = await runWorkflowBenchmark({
      runs: 2,
      warmup: 0,
      importRuns: 1,
      activities: 12,
      rows: 20,
      seed: 1,
    });
    expect(result.runs).toBe(2);
    expect(result.importRuns).toBe(1);
    expect(result.machine.node).toBe(process.version);
    expect(result.reportDocument.activities).toBe(12);
    expect(result.reportDocument.beneficiaries).toBeGreaterThanOrEqual(12);
    expect(result.reportDocument.docxBytes).toBeGreaterThan(0);
    expect(result.reportDocument.pdfBytes).toBeGreaterThan(0);
    expect(result.spreadsheet.goodRows).toBe(20);
    for (const timing of [
      result.reportDocument.document,
      result.reportDocument.documentFromRows,
      result.reportDocument.docx,
      result.reportDocument.pdf,
      result.spreadsheet.template,
      result.spreadsheet.readXlsx,
      result.spreadsheet.readCsv,
      result.spreadsheet.stage,
      result.spreadsheet.import,
      result.signIn.hashPassword,
      result.signIn.verifyPassword,
      result.signIn.workspacePage,
      result.signIn.reportsPage,
      result.programme.page,
      result.programme.pageBrotli,
      result.programme.worldMap,
    ]) {
      expect(timing.p50Ms).toBeGreaterThan(0);
      expect(timing.p95Ms).toBeGreaterThanOrEqual(timing.p50Ms);
      expect(timing.cpuP50Ms).toBeGreaterThanOrEqual(0);
    }
    for (const page of [result.signIn.workspacePage, result.signIn.reportsPage, result.programme.page]) {
      expect(page.status).toBe(200);
      expect(page.bytes).toBeGreaterThan(0);
    }
    // Brotli makes the programme page (mostly map paths) much smaller.
    expect(result.programme.pageBrotli.bytes).toBeLessThan(result.programme.page.bytes);
    expect(result.programme.worldMap.countries).toBeGreaterThan(0);
    expect(result.rssMb.peak).toBeGreaterThan(0);
  });
});
