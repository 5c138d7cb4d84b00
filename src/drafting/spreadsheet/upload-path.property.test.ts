import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { draftActivityEdits, reportActivities, reports } from '../../reports/schema.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from '../test-helpers.ts';
import { goodRows, stagedUpload } from './service.ts';

/**
 * Random and mutated spreadsheets through the whole upload path a reporter takes — the upload
 * route, the staged preview, the confirm route — with the report sometimes leaving the reporter's
 * hands in between. Whatever the file, the draft gains exactly the preview's good rows or nothing.
 */

const headers = fc.constantFrom(
  'title',
  'description',
  'startDate',
  'endDate',
  'beneficiaries',
  'activityType',
  'level',
  'ipAreas',
  'budgetAmount',
  'budgetCurrency',
  'status',
  'Title',
  'Titre',
  'Not a field',
  '',
);

const cell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('Training of examiners', 'Séminaire régional', 'Curso de formación'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('2024', '2024-03', '2024-03-15', '2024-13-40', '15/03/2024', 'soon'),
  },
  { weight: 3, arbitrary: fc.constantFrom('Kenya', 'Kenya; Uganda', 'Atlantis', 'LDCs', 'Côte d’Ivoire') },
  { weight: 2, arbitrary: fc.constantFrom('seminar', 'national', '1,500.00', '-3', 'EUR', 'XXX', 'ongoing') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('=1+1', '"', '\n', ';', '\u0000', '名前', '') },
);

// Mostly a header naming the title (else the file is refused as a whole), at any place.
const headerRow = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('title', 'Title', 'Titre') },
      { weight: 1, arbitrary: headers },
    ),
    fc.uniqueArray(headers, { maxLength: 7 }),
    fc.nat(),
  )
  .map(([first, others, at]) => {
    const row = others.filter((h) => h.toLowerCase() !== first.toLowerCase() && !/^tit/i.test(h));
    row.splice(at % (row.length + 1), 0, first);
    return row;
  });

const sheet = fc.tuple(headerRow, fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 6 }));

const file = fc.record({
  sheet,
  format: fc.constantFrom('xlsx', 'csv-comma', 'csv-semicolon'),
  cut: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
  lockBeforeConfirm: fc.oneof(
    { weight: 7, arbitrary: fc.constant(false) },
    { weight: 3, arbitrary: fc.constant(true) },
  ),
});

async function fileBytes(
  rows: string[][],
  format: 'xlsx' | 'csv-comma' | 'csv-semicolon',
): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'xlsx') return activitiesWorkbook(rows);
  const delimiter = format === 'csv-comma' ? ',' : ';';
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return new Uint8Array(Buffer.from(rows.map((row) => row.map(quote).join(delimiter)).join('\r\n')));
}

describe.each(testBackends)('the spreadsheet upload path on random files (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let officer: TestSession;
  let draftId: number;

  const counts = async () => {
    const [a] = await database.db.select({ n: count() }).from(activities);
    const [l] = await database.db
      .select({ n: count() })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, draftId));
    const [e] = await database.db.select({ n: count() }).from(draftActivityEdits);
    return { activities: a?.n ?? 0, listed: l?.n ?? 0, edits: e?.n ?? 0 };
  };
  const setStatus = (status: 'draft' | 'submitted') =>
    database.db.update(reports).set({ status }).where(eq(reports.id, draftId));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    officer = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    const started = await app.request(
      '/en/drafting/reports',
      formRequest(officer, {
        party: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'en',
      }),
    );
    draftId = reportIdFrom(started.headers.get('location'));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds exactly the good rows of the preview, or nothing (150 files)', { timeout: 600_000 }, async () => {
    let confirmed = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ sheet: [header, body], format, cut, lockBeforeConfirm }) => {
        const rows = [header, ...body.map((row) => row.slice(0, header.length))];
        let bytes = await fileBytes(rows, format);
        if (cut !== null) bytes = bytes.slice(0, cut % (bytes.length + 1));
        const before = await counts();

        const upload = await app.request(
          `/en/drafting/reports/${draftId}/upload`,
          multipartRequest(officer, {}, { name: `random.${format === 'xlsx' ? 'xlsx' : 'csv'}`, bytes }),
        );
        if (upload.status !== 303) {
          // Refused as a whole: a message in the page, nothing stored.
          expect([400, 413]).toContain(upload.status);
          expect(await upload.text()).toMatch(/role="alert"|class="field-error"/);
          expect(await counts()).toEqual(before);
          return;
        }
        const location = upload.headers.get('location') ?? '';
        const uploadId = /\/upload\/([\w-]+)$/.exec(location)?.[1] ?? '';
        const staged = await stagedUpload(database.db, uploadId);
        if (!staged) throw new Error('an accepted upload is staged');
        const preview = await app.request(location, { headers: { Cookie: officer.cookie } });
        expect(preview.status).toBe(200);
        const good = goodRows(staged).length;

        if (lockBeforeConfirm) await setStatus('submitted');
        const confirm = await app.request(
          `/en/drafting/reports/${draftId}/upload/${uploadId}/confirm`,
          formRequest(officer, {}),
        );
        if (lockBeforeConfirm) {
          await setStatus('draft');
          expect(confirm.status).toBe(409);
          expect(await counts()).toEqual(before);
          // The upload is kept for when the report comes back.
          expect(await stagedUpload(database.db, uploadId)).not.toBeNull();
          return;
        }
        expect(confirm.status).toBe(303);
        confirmed++;
        const after = await counts();
        expect(after).toEqual({
          ...before,
          activities: before.activities + good,
          listed: before.listed + good,
        });
        expect(await stagedUpload(database.db, uploadId)).toBeNull();
      }),
      { numRuns: 150 },
    );
    // Most files get as far as a confirmed import: the property is about imports, not only refusals.
    expect(confirmed).toBeGreaterThan(30);
  });
});
