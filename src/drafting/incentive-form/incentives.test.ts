import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import { auditLog } from '../../audit/schema.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { reportIncentives } from '../../reports/incentives/schema.ts';
import { ldcsDuring } from '../../reports/incentives/service.ts';
import { reports } from '../../reports/schema.ts';
import { loadSymbolPattern } from '../../review/symbols.ts';
import { multipartRequest, reportIdFrom } from '../test-helpers.ts';
import { readIncentive } from './input.ts';

/** A result indicator of an incentive, as the form posts it. */
const researchersTrained = {
  'result-1-type': 'output',
  'result-1-title': 'Researchers of LDC institutes trained',
  'result-1-language': 'en',
  'result-1-measure': 'people-trained',
  'result-1-period-1-start': '2023-01-01',
  'result-1-period-1-end': '2023-12-31',
  'result-1-period-1-target': '40',
  'result-1-period-1-actual': '36',
};

const goodIncentive = {
  title: 'Technology Transfer Tax Credit',
  description: 'A credit on the costs of licensing technology to enterprises in LDCs.',
  incentiveType: 'fiscal',
  governmentBody: 'Department of Finance',
  eligibleEntities: 'Enterprises with a permanent establishment in Canada',
  beneficiaryCodes: ['BTN', 'STP'],
  sectors: ['energy-environment', 'agriculture-food'],
  technologyTransferred: 'Solar micro-grid design',
  modeAndTerms: 'Licences on preferential terms',
  ldcSpecificity: 'specific',
  amount: '1 250 000',
  currency: 'cad',
  enterprises: '12',
  peopleTrained: '340',
};

describe('reading an incentive', () => {
  const ldcs = new Set(['BTN', 'STP', 'HTI']);
  it('takes codes or labels in any language and orders the lists', () => {
    const result = readIncentive(
      { ...goodIncentive, incentiveType: 'Incitation fiscale (crédit d’impôt, déduction, exonération)' },
      'en',
      ldcs,
    );
    expect(result).toMatchObject({
      ok: true,
      values: {
        incentiveType: 'fiscal',
        beneficiaryCodes: ['BTN', 'STP'],
        sectors: ['agriculture-food', 'energy-environment'],
        amount: '1250000',
        currency: 'CAD',
        enterprises: 12,
        peopleTrained: 340,
      },
    });
  });
  it('refuses each bad field in the user’s language', () => {
    const result = readIncentive(
      {
        title: '',
        incentiveType: 'tax holiday',
        ldcSpecificity: '',
        beneficiaryCodes: ['IND', 'BTN'],
        sectors: ['space'],
        amount: '12,5,0',
        enterprises: 'twelve',
      },
      'fr',
      ldcs,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toBe('Ce champ est obligatoire.');
    expect(result.errors.incentiveType).toContain('« tax holiday »');
    expect(result.errors.ldcSpecificity).toBe('Ce champ est obligatoire.');
    expect(result.errors.beneficiaryCodes).toBe(
      'IND\u202f: pas un pays moins avancé pendant la période du rapport.',
    );
    expect(result.errors.sectors).toContain('« space »');
    expect(result.errors.amount).toBeDefined();
    expect(result.errors.enterprises).toBe('Écrivez un nombre entier, par ex. 12.');
  });
  it('asks for the currency of an amount', () => {
    const result = readIncentive({ ...goodIncentive, currency: '' }, 'es', ldcs);
    expect(result).toMatchObject({ ok: false, errors: { currency: expect.stringContaining('moneda') } });
  });
});

describe.each(testBackends)('drafting an Art. 66.2 report (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let officer: TestSession;
  let stranger: TestSession;
  let secretariat: TestSession;
  let reportId: number;
  let nextId: number;

  const get = (path: string, session: TestSession = officer) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const incentivesOf = (id: number) =>
    database.db
      .select()
      .from(reportIncentives)
      .where(eq(reportIncentives.reportId, id))
      .orderBy(asc(reportIncentives.position));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    officer = await testSession(database.db, 'tti@cipo.example', 'reporter', { party: 'CAN' });
    stranger = await testSession(database.db, 'tti@ipo.example', 'reporter', { party: 'GBR' });
    secretariat = await testSession(database.db, 'tti@wto.example', 'secretariat');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('knows the LDCs of a period from the status history, graduates included while they were LDCs', async () => {
    const in2023 = await ldcsDuring(database.db, '2023-01-01', '2023-12-31');
    expect(in2023).toContain('BTN');
    expect(in2023).toContain('STP');
    expect(in2023).not.toContain('VUT');
    expect(await ldcsDuring(database.db, '2024-01-01', '2024-12-31')).not.toContain('BTN');
  });

  it('asks the format of an Art. 66.2 report, then starts one beside the Art. 67 report of the same period', async () => {
    const start = {
      party: 'CAN',
      periodStart: '2023',
      periodEnd: '2023',
      originalLanguage: 'en',
      kind: 'art66-2',
    };
    const noFormat = await post('/fr/drafting/reports', officer, start);
    expect(noFormat.status).toBe(400);
    expect(await noFormat.text()).toContain('Choisissez un rapport détaillé ou une mise à jour.');
    const badKind = await post('/en/drafting/reports', officer, {
      ...start,
      kind: 'art99',
      format: 'detailed',
    });
    expect(badKind.status).toBe(400);
    expect(await badKind.text()).toContain('Choose one of the kinds of report in the list.');

    const art67 = await post('/en/drafting/reports', officer, { ...start, kind: 'art67' });
    expect(art67.status).toBe(303);
    const created = await post('/en/drafting/reports', officer, { ...start, format: 'detailed' });
    expect(created.status).toBe(303);
    reportId = reportIdFrom(created.headers.get('location'));
    expect(reportId).not.toBe(reportIdFrom(art67.headers.get('location')));
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ kind: 'art66-2', format: 'detailed', status: 'draft' });
    const again = await post('/en/drafting/reports', officer, { ...start, format: 'update' });
    expect(again.status).toBe(400);

    const page = await (await get(`/en/drafting/reports/${reportId}`)).text();
    expect(page).toContain('Article 66.2 report of Canada, 2023');
    expect(page).toContain('Overview of the incentives regime');
    expect(page).toContain('No incentive yet.');
    // An Art. 67 report has no incentives.
    expect(
      (await get(`/en/drafting/reports/${reportIdFrom(art67.headers.get('location'))}/incentives/new`))
        .status,
    ).toBe(404);
  });

  it('refuses a bad incentive at its fields, in the user’s language, and adds a good one', async () => {
    const bad = await post(`/es/drafting/reports/${reportId}/incentives`, officer, {
      ...goodIncentive,
      title: '',
      beneficiaryCodes: ['VUT'],
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Este campo es obligatorio.');
    expect(html).toContain('VUT: no era un país menos adelantado durante el período del informe.');
    expect(html).toContain('value="Department of Finance"');
    expect(await incentivesOf(reportId)).toHaveLength(0);
    // A result indicator with a period ending before it starts and a target that is not a number.
    const badResult = await post(`/en/drafting/reports/${reportId}/incentives`, officer, {
      ...goodIncentive,
      ...researchersTrained,
      'result-1-period-1-end': '2022-12-31',
      'result-1-period-1-target': 'ten',
    });
    expect(badResult.status).toBe(400);
    expect(await badResult.text()).toContain('Result indicator 1');
    expect(await incentivesOf(reportId)).toHaveLength(0);

    const added = await post(`/en/drafting/reports/${reportId}/incentives`, officer, goodIncentive);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toContain('notice=incentiveAdded');
    const second = await post(`/en/drafting/reports/${reportId}/incentives`, officer, {
      ...goodIncentive,
      title: 'University partnerships',
      incentiveType: 'institutional-partnership',
      ldcSpecificity: 'partly',
      amount: '',
      currency: '',
      ...researchersTrained,
    });
    expect(second.status).toBe(303);
    const rows = await incentivesOf(reportId);
    expect(rows.map((row) => [row.position, row.title, row.amount])).toEqual([
      [1, 'Technology Transfer Tax Credit', '1250000.00'],
      [2, 'University partnerships', null],
    ]);
    expect(rows[1]?.results).toMatchObject([
      { type: 'output', measure: 'people-trained', periods: [{ start: '2023-01-01', end: '2023-12-31' }] },
    ]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tableName, 'report_incentives'));
    expect(audit?.actor).toBe('tti@cipo.example');
    const page = await (await get(`/en/drafting/reports/${reportId}?notice=incentiveAdded`)).text();
    expect(page).toContain('The incentive is added.');
    expect(page).toContain('Bhutan');
  });

  it('edits with optimistic locking and removes, renumbering the rest', async () => {
    const [first, second] = await incentivesOf(reportId);
    if (!first || !second) throw new Error('fixture');
    const form = await (await get(`/en/drafting/reports/${reportId}/incentives/${first.id}/edit`)).text();
    expect(form).toContain('value="Technology Transfer Tax Credit"');
    const stale = await post(`/en/drafting/reports/${reportId}/incentives/${first.id}`, officer, {
      ...goodIncentive,
      version: String(first.version - 1),
    });
    expect(stale.status).toBe(409);
    const saved = await post(`/en/drafting/reports/${reportId}/incentives/${first.id}`, officer, {
      ...goodIncentive,
      title: 'Technology Transfer Tax Credit (renewed)',
      version: String(first.version),
    });
    expect(saved.status).toBe(303);
    const removed = await post(`/en/drafting/reports/${reportId}/incentives/${first.id}/remove`, officer, {});
    expect(removed.status).toBe(303);
    const rows = await incentivesOf(reportId);
    expect(rows.map((row) => [row.position, row.id])).toEqual([[1, second.id]]);
    // Put a first one back for the rest of the journey.
    await post(`/en/drafting/reports/${reportId}/incentives`, officer, goodIncentive);
  });

  it('keeps other parties and visitors out, and never shows a draft’s incentives in public', async () => {
    expect((await get(`/en/drafting/reports/${reportId}/incentives/new`, stranger)).status).toBe(403);
    const strangerPost = await post(`/en/drafting/reports/${reportId}/incentives`, stranger, goodIncentive);
    expect(strangerPost.status).toBe(403);
    const anonymous = await app.request(`/en/drafting/reports/${reportId}/incentives/new`);
    expect(anonymous.status).toBe(303);
    expect((await app.request(`/en/reports/${reportId}`)).status).toBe(404);
    expect((await app.request(`/en/reports/${reportId}.pdf`)).status).toBe(404);
  });

  it('previews the WTO document naming Article 66.2, with a section per incentive', async () => {
    const preview = await (await get(`/en/drafting/reports/${reportId}/preview`)).text();
    expect(preview).toContain('Implementation of Article 66.2 of the TRIPS Agreement: Canada');
    expect(preview).toContain('Detailed report');
    expect(preview).toContain('University partnerships');
    expect(preview).toContain('Type of incentive');
    expect(preview).toContain('Solar micro-grid design');
  });

  it('goes through submission and publication in the Art. 66.2 symbol series', async () => {
    await post(`/en/drafting/reports/${reportId}/narrative`, officer, {
      narrative: 'Canada’s incentives rest on the Income Tax Act.',
      version: String((await database.db.select().from(reports).where(eq(reports.id, reportId)))[0]?.version),
    });
    const submitted = await post(`/en/drafting/reports/${reportId}/submit`, officer, {});
    expect(submitted.status).toBe(303);
    expect((await post(`/en/drafting/reports/${reportId}/incentives`, officer, goodIncentive)).status).toBe(
      409,
    );
    const review = await (await get(`/en/secretariat/reports/${reportId}`, secretariat)).text();
    expect(review).toContain('Technology Transfer Tax Credit');
    expect(review).toContain('Article 66.2 report of Canada, 2023');
    const queue = await (await get('/en/secretariat/reports', secretariat)).text();
    expect(queue).toContain('Article 66.2 report of Canada, 2023');
    const wrongSeries = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2024-03-01',
      symbol: 'IP/C/R/TC/CAN/9',
    });
    expect(wrongSeries.status).toBe(400);
    expect(await wrongSeries.text()).toContain('IP/C/R/TTI/CAN/n');
    const published = await post(`/en/secretariat/reports/${reportId}/publish`, secretariat, {
      circulation_date: '2024-03-01',
      symbol: 'IP/C/R/TTI/CAN/1',
    });
    expect(published.status).toBe(303);
    const [row] = await database.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ status: 'published', symbol: 'IP/C/R/TTI/CAN/1' });
    expect(row?.snapshot).toMatchObject({
      kind: 'art66-2',
      reportFormat: 'detailed',
      incentives: [{ title: 'University partnerships' }, { title: 'Technology Transfer Tax Credit' }],
    });
    // The incentive's result indicator is on its public page and in the API once published.
    const partnership = (await incentivesOf(reportId)).find((r) => r.title === 'University partnerships');
    const publicPage = await (await get(`/en/incentives/${partnership?.id}`)).text();
    expect(publicPage).toContain('Researchers of LDC institutes trained');
    const api = await (await get('/api/v1/incentives?q=partnerships')).json();
    expect(JSON.stringify(api)).toContain('Researchers of LDC institutes trained');
  });

  it('follows each kind of report in its own reporting cycle', async () => {
    const art66 = await (
      await get('/en/secretariat/cycles?period=2023-2023&kind=art66-2', secretariat)
    ).text();
    expect(art66).toContain('Reporting cycles: 2023-2023 · Article 66.2 technology transfer');
    expect(art66).toMatch(/data-party="CAN" data-state="published"/);
    // The Art. 67 report of the same period is a draft: its own cycle says so.
    const art67 = await (await get('/en/secretariat/cycles?period=2023-2023', secretariat)).text();
    expect(art67).toMatch(/data-party="CAN" data-state="drafting"/);
  });

  it('starts the next update from the published report: overview and incentives carried forward', async () => {
    const next = await post('/en/drafting/reports', officer, {
      party: 'CAN',
      periodStart: '2024',
      periodEnd: '2024',
      originalLanguage: 'en',
      kind: 'art66-2',
      format: 'update',
    });
    expect(next.status).toBe(303);
    nextId = reportIdFrom(next.headers.get('location'));
    const [row] = await database.db.select().from(reports).where(eq(reports.id, nextId));
    expect(row).toMatchObject({ format: 'update', carriedForwardFrom: reportId });
    expect(row?.narrative).toEqual(['Canada’s incentives rest on the Income Tax Act.']);
    expect((await incentivesOf(nextId)).map((i) => i.title)).toEqual([
      'University partnerships',
      'Technology Transfer Tax Credit',
    ]);
  });
  it('round-trips a spreadsheet: template, upload with a preview, import of the good rows only, once', async () => {
    const template = await get(`/fr/drafting/reports/${nextId}/incentives/template.xlsx`);
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await template.arrayBuffer());
    const [sheet, lists] = book.worksheets;
    expect(sheet?.getRow(1).getCell(1).value).toBe('Titre');
    const ldcColumn = (lists?.getColumn(4).values ?? []).map(String);
    expect(ldcColumn).toContain('STP — Sao Tomé-et-Principe');
    expect(ldcColumn.some((value) => value.startsWith('BTN'))).toBe(false);

    const upload = new ExcelJS.Workbook();
    const rows = upload.addWorksheet('Incitations');
    rows.addRow([
      'Titre',
      'Type of incentive',
      'Bénéficiaires PMA',
      'Technology sectors',
      'How far it is specific to LDCs',
    ]);
    rows.addRow([
      'Pôles de formation solaire',
      'Renforcement des capacités et formation',
      'STP — Sao Tomé-et-Principe; Haïti',
      'energy-environment',
      'specific',
    ]);
    rows.addRow(['Ligne refusée', 'tax holiday', 'BTN', '', 'general']);
    rows.addRow([{ formula: '1+1' }, 'fiscal', '', '', 'general']);
    const bytes = new Uint8Array(await upload.xlsx.writeBuffer());
    const posted = await app.request(
      `/fr/drafting/reports/${nextId}/incentives/upload`,
      multipartRequest(officer, {}, { name: 'incitations.xlsx', bytes }),
    );
    expect(posted.status).toBe(303);
    const previewPath = posted.headers.get('location') ?? '';
    expect((await get(previewPath, stranger)).status).toBe(403);
    const preview = await (await get(previewPath)).text();
    expect(preview).toContain('Pôles de formation solaire');
    expect(preview).toContain('« tax holiday »');
    expect(preview).toContain('BTN\u202f: pas un pays moins avancé');
    expect(preview).toContain('Importer la ligne correcte');
    expect(preview).toContain('Titre\u202f: Les formules ne sont pas acceptées');
    expect(preview).not.toContain('Titre\u202f: Ce champ est obligatoire.');
    const before = (await incentivesOf(nextId)).length;
    const confirmed = await post(`${previewPath}/confirm`, officer, {});
    expect(confirmed.status).toBe(303);
    const after = await incentivesOf(nextId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      title: 'Pôles de formation solaire',
      incentiveType: 'capacity-building',
      beneficiaryCodes: ['HTI', 'STP'],
      sectors: ['energy-environment'],
    });
    expect((await post(`${previewPath}/confirm`, officer, {})).status).toBe(404);
    expect(await incentivesOf(nextId)).toHaveLength(before + 1);

    const refused = await app.request(
      `/en/drafting/reports/${nextId}/incentives/upload`,
      multipartRequest(officer, {}, { name: 'notes.csv', bytes: new TextEncoder().encode('Notes\nhello\n') }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('No header row naming the columns was found');
  });
  it('keeps the Art. 66.2 symbol pattern in its own setting, never the same series as Art. 67', async () => {
    const page = await (await get('/en/secretariat/settings', secretariat)).text();
    expect(page).toContain('value="IP/C/R/TTI/{code}/{n}"');
    expect(page).toContain('With this pattern, Canada’s next report would be IP/C/R/TTI/CAN/2.');
    const same = await post('/fr/secretariat/settings', secretariat, {
      symbol_pattern: 'IP/C/R/TC/{code}/{n}',
      tti_symbol_pattern: 'IP/C/R/TC/{code}/{n}',
    });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('La série de l’article 66:2 doit différer de celle de l’article 67.');
    const bad = await post('/en/secretariat/settings', secretariat, {
      symbol_pattern: 'IP/C/R/TC/{code}/{n}',
      tti_symbol_pattern: 'TTI/{n}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The pattern must contain {code}.');
    const saved = await post('/en/secretariat/settings', secretariat, {
      symbol_pattern: 'IP/C/R/TC/{code}/{n}',
      tti_symbol_pattern: 'TTI/{code}/{n}',
    });
    expect(saved.status).toBe(303);
    expect(await loadSymbolPattern(database.db, 'art66-2')).toBe('TTI/{code}/{n}');
    expect(await loadSymbolPattern(database.db)).toBe('IP/C/R/TC/{code}/{n}');
  });
});
