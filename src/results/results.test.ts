import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities } from '../activities/schema.ts';
import { createApp } from '../app.tsx';
import { type Database, inTransaction } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { multipartRequest, reportIdFrom } from '../drafting/test-helpers.ts';
import { applyPendingEdits } from '../reports/pending-edits.ts';
import { publicSurfaces } from '../testing/public-surfaces.ts';
import { rawResultsFromBody } from './form.ts';
import { validateResults } from './input.ts';
import { resultsOf } from './service.ts';
import { sumResults } from './sums.ts';
import type { ResultIndicator } from './taxonomy.ts';

const secret = 'SECRETRESULTQW';

/** One indicator with one period, as the activity form posts it. */
const indicatorFields = (overrides: Record<string, string> = {}) => ({
  'result-1-type': 'output',
  'result-1-title': `${secret} officials trained in patent examination`,
  'result-1-language': 'en',
  'result-1-measure': 'people-trained',
  'result-1-baselineYear': '2022',
  'result-1-baselineValue': '0',
  'result-1-source': 'CIPO training records',
  'result-1-period-1-start': '2023-01-01',
  'result-1-period-1-end': '2023-12-31',
  'result-1-period-1-target': '400',
  'result-1-period-1-actual': '340',
  // The spare blocks the form always sends, left empty.
  'result-1-period-2-start': '',
  'result-2-type': '',
  'result-2-title': '',
  'result-2-language': 'en',
  ...overrides,
});

describe('sumResults', () => {
  const indicator = (measure: ResultIndicator['measure'], periods: Array<[string | null, string | null]>) =>
    ({
      type: 'output',
      title: 't',
      language: 'en',
      measure,
      baselineYear: null,
      baselineValue: null,
      periods: periods.map(([target, actual], n) => ({
        start: `${2020 + n}-01-01`,
        end: `${2020 + n}-12-31`,
        target,
        actual,
      })),
      source: null,
      origin: 'entered',
    }) satisfies ResultIndicator;

  it('adds only the same unit, achieved with achieved and targets with targets, and counts the rest apart', () => {
    expect(
      sumResults([
        indicator('people-trained', [
          ['100', '90'],
          ['200', null],
        ]),
        indicator('events-held', [[null, '3']]),
        indicator('people-trained', [[null, '50']]),
        indicator('percentage', [['80', '75']]),
        indicator('qualitative', [[null, 'Better practice']]),
      ]),
    ).toEqual({
      sums: [
        { unit: 'people-trained', actual: 140, target: 300, indicators: 2 },
        { unit: 'events-held', actual: 3, target: null, indicators: 1 },
      ],
      notSummed: 2,
    });
  });
});

describe('validateResults', () => {
  const check = (fields: Record<string, string>, lang: 'en' | 'fr' | 'es' = 'en') =>
    validateResults(rawResultsFromBody(fields), lang, 'en');

  it('reads an indicator and drops the blank spare blocks', () => {
    const result = check(indicatorFields({ 'result-1-period-1-actual': '1 234,5' }));
    expect(result).toEqual({
      ok: true,
      value: [
        {
          type: 'output',
          title: `${secret} officials trained in patent examination`,
          language: 'en',
          measure: 'people-trained',
          baselineYear: 2022,
          baselineValue: '0',
          periods: [{ start: '2023-01-01', end: '2023-12-31', target: '400', actual: '1234.5' }],
          source: 'CIPO training records',
          origin: 'entered',
        },
      ],
    });
  });

  it('reports each problem at its field in the reader’s language', () => {
    const result = check(
      indicatorFields({
        'result-1-type': 'everything',
        'result-1-baselineValue': '12',
        'result-1-baselineYear': '',
        'result-1-period-1-start': '2023-02-30',
        'result-1-period-1-target': 'beaucoup',
        'result-1-period-1-actual': '-3',
      }),
      'fr',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'result-1-type': 'Choisissez produit, effet ou impact.',
      'result-1-baselineYear': 'Une valeur de référence demande l’année où elle a été relevée.',
      'result-1-period-1-start': 'Écrivez la date sous la forme AAAA-MM-JJ, par ex. 2024-10-07.',
      'result-1-period-1-target': 'Écrivez un nombre, par ex. 340 ou 87.5.',
      'result-1-period-1-actual': 'La valeur ne peut pas être négative.',
    });
  });

  it('refuses periods out of order or overlapping, and an indicator without a period', () => {
    const result = check({
      ...indicatorFields({ 'result-1-period-1-end': '2022-12-31' }),
      'result-1-period-3-start': '2023-06-01',
      'result-1-period-3-end': '2024-05-31',
      'result-1-period-3-actual': '12',
      'result-1-period-4-start': '2024-01-01',
      'result-1-period-4-end': '2024-12-31',
      'result-1-period-4-actual': '3',
      'result-2-type': 'outcome',
      'result-2-title': 'Examination backlog',
      'result-2-measure': 'qualitative',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['result-1-period-1-end']).toBe('This period ends before it starts.');
    expect(result.errors['result-1-period-4-start']).toBe(
      'This period overlaps another period of the same indicator.',
    );
    expect(result.errors['result-2-period-1-start']).toBe('Give at least one measurement period.');
  });

  it('keeps a qualitative value as text and drops a removed indicator', () => {
    const result = check({
      ...indicatorFields({ 'result-1-remove': '1' }),
      'result-2-type': 'outcome',
      'result-2-title': 'Examination practice',
      'result-2-measure': 'qualitative',
      'result-2-period-1-start': '2023-01-01',
      'result-2-period-1-end': '2023-12-31',
      'result-2-period-1-actual': 'Guidelines adopted by the office',
    });
    expect(result.ok && result.value.map((indicator) => indicator.periods[0]?.actual)).toEqual([
      'Guidelines adopted by the office',
    ]);
  });
});

describe.each(testBackends)(
  'results in a draft stay out of public view until publication (%s database)',
  (backend) => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let reporter: TestSession;
    let draftId: number;
    const read = async (path: string) => {
      const response = await createApp(database).request(path);
      return { status: response.status, text: await response.text() };
    };
    const get = (path: string) => app.request(path, { headers: { Cookie: reporter.cookie } });

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      await seedDemo(database.db);
      app = createApp(database);
      reporter = await testSession(database.db, 'results@cipo.example', 'reporter', { party: 'CAN' });
      const started = await app.request(
        '/en/drafting/reports',
        formRequest(reporter, {
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

    it('shows the form’s errors at the fields, keeps a typed result in the draft only, then publishes it', async () => {
      const form = await (await get(`/en/drafting/reports/${draftId}/activities/1/edit`)).text();
      expect(form).toContain('name="result-1-title"');
      const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
      const save = (lang: string, fields: Record<string, string>) =>
        app.request(
          `/${lang}/drafting/reports/${draftId}/activities/1/edit`,
          formRequest(reporter, { title: 'Workshop', originalLanguage: 'en', version, ...fields }),
        );

      const refused = await save('es', indicatorFields({ 'result-1-period-1-target': 'muchos' }));
      expect(refused.status).toBe(400);
      const refusedHtml = await refused.text();
      expect(refusedHtml).toContain('Escriba un número, p. ej. 340 o 87.5.');
      expect(refusedHtml).toContain('href="#result-1-period-1-target"');
      expect(refusedHtml).toContain('aria-describedby="result-1-period-1-target-error"');
      expect(await resultsOf(database.db, [1])).toEqual(new Map());

      const before = new Map<string, string>();
      for (const path of [...publicSurfaces(secret), '/en/activities/1', '/api/v1/activities/1'])
        before.set(path, (await read(path)).text);

      expect((await save('en', indicatorFields())).status).toBe(303);
      const draftPage = await (await get(`/en/drafting/reports/${draftId}`)).text();
      expect(draftPage).toContain(`${secret} officials trained in patent examination`);
      expect(draftPage).toContain('340 people trained achieved (target 400 people trained)');
      // Nothing public changed: not the page, not the API, not a download.
      expect(await resultsOf(database.db, [1])).toEqual(new Map());
      for (const [path, text] of before) {
        const now = (await read(path)).text;
        // The search pages echo the query itself: the secret may show no more often than before.
        expect(now.split(secret).length, path).toBe(text.split(secret).length);
        if (path === '/en/activities/1') expect(now).toBe(text);
      }
      // A save from a form opened before meets the conflict page, which shows the stored results.
      const late = await save('en', indicatorFields({ 'result-1-title': 'Typed in a stale form' }));
      expect(late.status).toBe(409);
      const lateHtml = await late.text();
      expect(lateHtml).toContain('Typed in a stale form');
      expect(lateHtml).toContain(`${secret} officials trained in patent examination`);
      // The form opens on the draft's version.
      const reopened = await (await get(`/en/drafting/reports/${draftId}/activities/1/edit`)).text();
      expect(reopened).toContain(`${secret} officials trained in patent examination`);

      type Sums = { sums: Array<{ unit: string; actual: number | null; target: number | null }> };
      const trainedOf = async () => {
        const body = JSON.parse((await read('/api/v1/parties/CAN')).text) as {
          profile: { asDonor: { results: Sums } };
        };
        return body.profile.asDonor.results.sums.find((sum) => sum.unit === 'people-trained');
      };
      const trainedBefore = await trainedOf();
      await inTransaction(database.db, (tx) => applyPendingEdits(tx, draftId));
      // Canada's party page adds the published indicator to those of the same unit.
      const trainedAfter = await trainedOf();
      expect((trainedAfter?.actual ?? 0) - (trainedBefore?.actual ?? 0)).toBe(340);
      expect((trainedAfter?.target ?? 0) - (trainedBefore?.target ?? 0)).toBe(400);
      expect((await read('/en/parties/CAN')).text).toContain(
        `people trained: ${(trainedAfter?.actual ?? 0).toLocaleString('en-GB')} achieved`,
      );
      const published = (await read('/en/activities/1')).text;
      expect(published).toContain(`${secret} officials trained in patent examination`);
      expect(published).toContain('Baseline 2022: 0 people trained');
      const french = (await read('/fr/activities/1')).text;
      expect(french).toContain('340 personnes formées atteint (cible 400 personnes formées)');
    });

    it('imports the indicators of a spreadsheet’s Results sheet with their activity, after the preview', async () => {
      const template = await get(`/en/drafting/reports/${draftId}/template.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await template.arrayBuffer());
      const [sheet, results] = workbook.worksheets;
      if (!sheet || !results) throw new Error('the template has no Results sheet');
      sheet.getCell('A2').value = 'Spreadsheet seminar with results';
      results.addRow([
        2,
        'Output',
        'Officials trained',
        'English',
        'people trained',
        '',
        '',
        '2024-01-01',
        '2024-06-30',
        30,
        28,
        '',
      ]);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const uploaded = await app.request(
        `/en/drafting/reports/${draftId}/upload`,
        multipartRequest(reporter, {}, { name: 'activities.xlsx', bytes }),
      );
      expect(uploaded.status).toBe(303);
      const previewPath = uploaded.headers.get('location') ?? '';
      const preview = await (await get(previewPath)).text();
      expect(preview).toContain('1 result indicator: Officials trained');
      const confirmed = await app.request(`${previewPath}/confirm`, formRequest(reporter, {}));
      expect(confirmed.status).toBe(303);
      const [created] = await database.db
        .select({ id: activities.id })
        .from(activities)
        .where(eq(activities.source, 'drafting-spreadsheet'));
      const stored = (await resultsOf(database.db, [created?.id ?? 0])).get(created?.id ?? 0);
      expect(stored?.map((indicator) => [indicator.title, indicator.periods[0]?.actual])).toEqual([
        ['Officials trained', '28'],
      ]);
    });
  },
);
