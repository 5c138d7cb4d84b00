import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { importEtripsFile } from './import-file.ts';
import { pageText } from './test-page-arbitrary.ts';

const folder = mkdtempSync(join(tmpdir(), 'ipcoop-import-property-'));

describe.each(testBackends)('the full import on random and mutated pages (%s database)', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  const counts = async () => {
    const [r] = await database.db.select({ n: count() }).from(reports);
    const [a] = await database.db.select({ n: count() }).from(activities);
    const [l] = await database.db.select({ n: count() }).from(reportActivities);
    const [b] = await database.db.select({ n: count() }).from(activityBeneficiaries);
    return { reports: r?.n, activities: a?.n, links: l?.n, beneficiaries: b?.n };
  };

  it('stores a whole report or nothing at all (300 pages)', { timeout: 900_000 }, async () => {
    let run = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(pageText, fc.boolean(), async (text, keepUnknown) => {
        const file = join(folder, `page-${run++}.txt`);
        writeFileSync(file, text);
        const before = await counts();
        const result = await importEtripsFile(database.db, file, { keepUnknown });
        if (result.outcome !== 'imported') {
          expect(await counts()).toEqual(before);
          if (result.outcome === 'failed')
            expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
          return;
        }
        imported++;
        const stored = result.stored;
        const page = result.page;
        if (!stored || !page) throw new Error('an imported file reports what it stored');
        const [report] = await database.db.select().from(reports).where(eq(reports.id, stored.reportId));
        expect(report?.narrative).toEqual(page.paragraphs);
        expect(report?.periodPrecision).toBe(page.period?.precision);
        const [links] = await database.db
          .select({ n: count() })
          .from(reportActivities)
          .where(eq(reportActivities.reportId, stored.reportId));
        expect(links?.n).toBe(page.programmes.length);
      }),
      { numRuns: 300 },
    );
    // Most mutated pages stay readable: the property is about real imports, not only refusals.
    expect(imported).toBeGreaterThan(30);
  });
});
