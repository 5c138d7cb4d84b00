import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedIncentivesDemo } from '../demo/incentives-demo.ts';
import { reportIncentives } from '../reports/incentives/schema.ts';
import { reports } from '../reports/schema.ts';
import { pdfText } from '../testing/pdf.ts';
import { filterIncentives, incentiveFacets, incentivesMatching, publicIncentives } from './service.ts';

describe.each(testBackends)('the public incentives of Article 66.2 reports (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let sampleReport: number;
  let draftIncentive: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    sampleReport = (await seedIncentivesDemo(db)).reportId;
    // A draft of another Member, whose incentive must never show.
    const [draft] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'GBR',
        kind: 'art66-2',
        format: 'update',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'en',
        status: 'draft',
        source: 'test',
      })
      .returning({ id: reports.id });
    const [incentive] = await db
      .insert(reportIncentives)
      .values({
        reportId: draft?.id as number,
        position: 1,
        title: 'Secret draft incentive',
        incentiveType: 'fiscal',
        ldcSpecificity: 'specific',
        beneficiaryCodes: ['ETH'],
      })
      .returning({ id: reportIncentives.id });
    draftIncentive = incentive?.id as number;
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loads the sample report of Canada once, published, detailed, marked as sample data', async () => {
    expect((await seedIncentivesDemo(database.db)).reportId).toBe(sampleReport);
    const [report] = await database.db.select().from(reports).where(eq(reports.id, sampleReport));
    expect(report).toMatchObject({
      kind: 'art66-2',
      format: 'detailed',
      status: 'published',
      isSample: true,
    });
    const rows = await publicIncentives(database.db);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.report.isSample)).toBe(true);
  });

  it('filters by words, type, sector, beneficiary LDC and specificity; facets count the other filters', async () => {
    const rows = await publicIncentives(database.db);
    expect(filterIncentives(rows, { type: 'fiscal' }).map((row) => row.title)).toEqual([
      'Tax credit for technology licensing to enterprises in LDCs',
    ]);
    expect(filterIncentives(rows, { ldc: 'ETH' })).toHaveLength(1);
    expect(filterIncentives(rows, { sector: 'energy-environment', specificity: 'specific' })).toHaveLength(1);
    expect(filterIncentives(rows, { sector: 'energy-environment', specificity: 'general' })).toHaveLength(0);
    expect(filterIncentives(rows, { q: 'SOLAIRE solar' })).toHaveLength(0);
    expect(filterIncentives(rows, { q: 'solar storage' })).toHaveLength(1);
    // Words are searched as activities are: stemmed, and across languages through the vocabulary.
    const training = await incentivesMatching(database.db, 'formación');
    expect(filterIncentives(rows, { q: 'formación' }, training).map((row) => row.title)).toContain(
      'University partnerships in agricultural biotechnology',
    );
    const page = await (await createApp(database).request('/fr/incentives?q=formation')).text();
    expect(page).toContain('University partnerships in agricultural biotechnology');
    const facets = incentiveFacets(rows, { type: 'fiscal' });
    // The type facet ignores its own choice; the others count within it.
    expect(facets.type.get('financial')).toBe(1);
    expect(facets.ldc.get('BGD')).toBe(1);
    expect(facets.ldc.has('ETH')).toBe(false);
  });

  it('shows the list and each incentive in three languages, sample data marked, drafts nowhere', async () => {
    const es = await (await app.request('/es/incentives')).text();
    expect(es).toContain('Incentivos para la transferencia de tecnología a los PMA');
    expect(es).toContain('3 incentivos');
    expect(es).toContain('datos ficticios');
    expect(es).not.toContain('Secret draft incentive');
    const filtered = await (
      await app.request('/en/incentives?ldc=ETH&type=institutional-partnership')
    ).text();
    expect(filtered).toContain('1 incentive');
    expect(filtered).toContain('University partnerships in agricultural biotechnology');
    expect(filtered).toContain('aria-current="true"');
    // An unknown value on a page is ignored, not an error.
    expect((await app.request('/en/incentives?type=bribes')).status).toBe(200);
    const [first] = await publicIncentives(database.db);
    const page = await (await app.request(`/fr/incentives/${first?.id}`)).text();
    expect(page).toContain('Données fictives\u202f: le Membre est réel');
    expect(page).toContain('Rapport au titre de l’article 66:2 du Canada');
    expect(page).toContain('Type d’incitation');
    expect((await app.request(`/en/incentives/${draftIncentive}`)).status).toBe(404);
    expect((await app.request('/en/incentives/99999999999')).status).toBe(404);
  });

  it('serves JSON, CSV and XLSX through the API, filtered, without drafts, formula-safe', async () => {
    const json = (await (await app.request('/api/v1/incentives?sector=agriculture-food')).json()) as {
      total: number;
      incentives: Array<{ title: string; party: string; beneficiaryLdcs: string[]; isSample: boolean }>;
    };
    expect(json.total).toBe(1);
    expect(json.incentives[0]).toMatchObject({
      party: 'CAN',
      beneficiaryLdcs: ['ETH', 'RWA', 'TZA'],
      isSample: true,
    });
    const all = await (await app.request('/api/v1/incentives')).text();
    expect(all).not.toContain('Secret draft incentive');
    expect((await app.request('/api/v1/incentives?type=bribes')).status).toBe(400);
    expect((await app.request('/api/v1/incentives?format=pdf')).status).toBe(400);
    expect((await app.request('/api/v1/incentives?format=csv&lang=de')).status).toBe(400);

    await database.db
      .update(reportIncentives)
      .set({ governmentBody: '=HYPERLINK("http://evil.example")' })
      .where(eq(reportIncentives.reportId, sampleReport));
    const bytes = new Uint8Array(
      await (await app.request('/api/v1/incentives?format=csv&lang=fr')).arrayBuffer(),
    );
    // A byte order mark first, so that Excel reads the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('id,')).toBe(true);
    expect(csv).toContain('Type d’incitation');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toContain('Secret draft incentive');
    const xlsx = await app.request('/api/v1/incentives?format=xlsx&lang=es&ldc=HTI');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(2);
    expect(String(sheet?.getRow(2).getCell(9).value)).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('shows both kinds of report: the report page, the kind filter of the list and the party pages', async () => {
    const report = await (await app.request(`/en/reports/${sampleReport}`)).text();
    expect(report).toContain('Article 66.2 report of Canada, 2023');
    expect(report).toContain('Overview of the incentives regime');
    expect(report).toContain('Sample data: the Member is real, this report and its incentives are invented.');
    expect(report).toContain('Clean energy technology partnerships fund</a>');
    expect(report).not.toContain('Search the activities of this report');
    const art66 = await (await app.request('/fr/reports?kind=art66-2')).text();
    expect(art66).toContain('Transfert de technologie au titre de l’article 66:2, 3 incitations');
    expect(art66).toContain('aria-current="page"');
    const art67 = await (await app.request('/en/reports?kind=art67')).text();
    expect(art67).not.toContain(`/en/reports/${sampleReport}"`);
    expect((await app.request('/en/reports?kind=nonsense')).status).toBe(200);
    const canada = await (await app.request('/en/parties/CAN')).text();
    expect(canada).toContain('Article 66.2 reports on incentives for technology transfer');
    expect(canada).toContain('href="/en/incentives?party=CAN">3 incentives</a>');
    const ethiopia = await (await app.request('/es/parties/ETH')).text();
    expect(ethiopia).toContain(
      '1 incentivo de un informe en virtud del párrafo 2 del artículo 66 lo nombra como PMA beneficiario',
    );
    // The draft's beneficiary counts nowhere.
    expect(ethiopia).not.toContain('2 incentivos');
  });

  it('renders the WTO document of an Art. 66.2 report as DOCX and PDF, one section per incentive', async () => {
    const docx = await app.request(`/fr/reports/${sampleReport}.docx`);
    expect(docx.status).toBe(200);
    const word = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(word).toContain('Mise en œuvre de l’article 66:2 de l’Accord sur les ADPIC');
    expect(word).toContain('Rapport détaillé');
    expect(word).toContain('Détails des incitations et des programmes');
    expect(word).toContain('University partnerships in agricultural biotechnology');
    expect(word).toContain('Personnes formées');
    const pdf = await app.request(`/en/reports/${sampleReport}.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Implementation of Article 66.2 of the TRIPS Agreement');
    expect(text).toContain('Tax credit for technology licensing');
    expect(text).toContain('Type of incentive');
  });

  it('shows only the latest published version of a report: a corrigendum replaces the list', async () => {
    const { db } = database;
    const [original] = await db.select().from(reports).where(eq(reports.id, sampleReport));
    if (!original) throw new Error('fixture');
    const before = await publicIncentives(db);
    const [corrigendum] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        kind: 'art66-2',
        format: 'detailed',
        isSample: true,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        originalLanguage: 'en',
        status: 'published',
        publishedAt: new Date('2024-06-01T00:00:00Z'),
        revisionOf: sampleReport,
        revisionKind: 'corrigendum',
        revisionNumber: 1,
        source: 'test',
      })
      .returning({ id: reports.id });
    await db.insert(reportIncentives).values(
      before.map(({ id: _id, report: _report, createdAt: _c, updatedAt: _u, version: _v, ...row }) => ({
        ...row,
        title: row.position === 1 ? 'Clean energy technology partnerships fund (corrected)' : row.title,
        reportId: corrigendum?.id as number,
      })),
    );
    const after = await publicIncentives(db);
    expect(after).toHaveLength(3);
    expect(after.every((row) => row.report.id === corrigendum?.id)).toBe(true);
    expect(after.map((row) => row.title)).toContain('Clean energy technology partnerships fund (corrected)');
    expect((await app.request(`/en/incentives/${before[0]?.id}`)).status).toBe(404);
  });
});
