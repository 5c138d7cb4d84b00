import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityBeneficiaries } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../../reference/labels.ts';
import { pdfText } from '../../testing/pdf.ts';
import { reportActivities, reports } from '../schema.ts';
import { reportDocx } from './docx.ts';
import { reportPdf } from './pdf.ts';
import type { Grouped } from './programme-groups.ts';
import { loadReportDocument, type ReportDocument } from './report-document.ts';
import { reportDocumentRoutes } from './routes.tsx';
import { reportSnapshot } from './snapshot.ts';

/** Text as a reader sees it: wraps, table cells and no-break spaces are plain spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

async function docxText(docx: Buffer) {
  return plain((await mammoth.extractRawText({ buffer: docx })).value);
}

const headings = (groups: Array<Grouped<unknown>>): unknown[] =>
  groups.map((g) => (g.groups.length > 0 ? [g.heading, headings(g.groups)] : g.heading));

describe.each(testBackends)('report document, DOCX and PDF (%s database)', (backend) => {
  let database: Database;
  let labels: ReferenceLabels;
  let reportId: number;
  const load = async (lang: 'en' | 'fr' | 'es', id = reportId) => {
    const doc = await loadReportDocument(database.db, id, lang, labels);
    if (!doc) throw new Error(`no report ${id}`);
    return doc;
  };
  const activityAtRow = async (rowNumber: number) => {
    const rows = await database.db
      .select()
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId));
    const row = rows.find((r) => r.rowNumber === rowNumber);
    if (!row) throw new Error(`no row ${rowNumber}`);
    return row.activityId;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    reportId = (await seedDemo(database.db)).reportId;
    labels = await loadReferenceLabels(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("reads Canada's demo report: ten programmes in row order, item 7 with thirteen beneficiaries", async () => {
    const doc = await load('en');
    expect(doc.title).toBe('Technical cooperation activities: Canada');
    expect(doc.annex.rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(doc.annex.rows[6]?.beneficiaries.split('; ')).toHaveLength(13);
    expect(doc.annex.rows[3]?.start).toBe('—');
    expect(doc.narrative).toHaveLength(3);
    // Plain JSON, so it can be cached or sent as it is.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('writes a DOCX with the title, the Annex table, programmes, dates and beneficiaries', async () => {
    const docx = await reportDocx(await load('en'));
    const text = await docxText(docx);
    expect(text).toContain('Technical cooperation activities: Canada');
    expect(text).toContain('Original: English');
    expect(text).toContain('1. Article 67 of the WTO Agreement');
    expect(text).toContain('Initiative for Digital Rights in Latin America (INDELA)');
    expect(text).toContain('24 April 2021');
    expect(text).toContain('Bolivia, Plurinational State of');
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    expect(html.match(/<tr>/g)).toHaveLength(11); // header row and ten programmes
  });

  it('writes a PDF whose text can be extracted', async () => {
    const pdf = await reportPdf(await load('en'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Technical cooperation activities: Canada');
    expect(text).toContain('Initiative for Digital Rights in Latin America (INDELA)');
    expect(text).toContain('24 April 2021');
    expect(text).toContain('Bolivia, Plurinational State of');
    expect(text).toMatch(/Page: 1\/\d/);
  });

  it('writes the French document with French names, dates and typography', async () => {
    const doc = await load('fr');
    for (const text of [await docxText(await reportDocx(doc)), await pdfText(await reportPdf(doc))]) {
      expect(text).toContain('Activités de coopération technique : Canada');
      expect(text).toContain('Original : anglais');
      expect(text).toContain('Bolivie, État plurinational de');
      expect(text).toContain('24 avril 2021');
      expect(text).toContain('7 septembre 2020');
    }
  });

  // One backend is enough: the layout does not depend on the database.
  if (backend === 'embedded')
    it('splits a table row taller than a page without losing text', async () => {
      const doc = await load('en');
      const names = Array.from({ length: 700 }, (_, i) => `Place${String(i + 1).padStart(4, '0')}`);
      const long: ReportDocument = {
        ...doc,
        annex: {
          ...doc.annex,
          rows: doc.annex.rows.map((row, i) => (i === 6 ? { ...row, beneficiaries: names.join('; ') } : row)),
        },
        details: { ...doc.details, groups: [] },
      };
      const text = await pdfText(await reportPdf(long));
      expect(names.filter((name) => !text.includes(name))).toEqual([]);
      expect(text).toContain('International IP Crime Training Seminars hosted by Interpol');
      expect(text).toMatch(/Page: 4\/\d/);
    });

  it('groups the programme details as the report asks', async () => {
    const [first, fifth] = [await activityAtRow(1), await activityAtRow(5)];
    await database.db.update(activities).set({ level: 'multilateral' }).where(eq(activities.id, first));
    await database.db.update(activities).set({ level: 'bilateral' }).where(eq(activities.id, fifth));
    const groupedBy = async (grouping: 'level-agency' | 'level' | 'agency' | 'none') => {
      await database.db.update(reports).set({ grouping }).where(eq(reports.id, reportId));
      return load('en');
    };
    try {
      const cipo = 'Canadian Intellectual Property Office (CIPO)';
      const none = 'Implementing agency not stated';
      expect(headings((await groupedBy('level')).details.groups)).toEqual([
        'Multilateral',
        'Bilateral',
        'Level not stated',
      ]);
      const byAgency = await groupedBy('agency');
      expect(headings(byAgency.details.groups)).toEqual([cipo, none]);
      expect((await docxText(await reportDocx(byAgency))).indexOf(cipo)).toBeGreaterThan(0);
      expect(headings((await groupedBy('level-agency')).details.groups)).toEqual([
        ['Multilateral', [cipo]],
        ['Bilateral', [none]],
        ['Level not stated', [none]],
      ]);
      const flat = await groupedBy('none');
      expect(headings(flat.details.groups)).toEqual([null]);
      expect(flat.details.groups[0]?.programmes.map((p) => p.number)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      const french = await load('fr');
      expect(french.details.groups[0]?.programmes[0]?.fields).toContainEqual({
        label: 'Organismes d’exécution',
        value: 'Office de la propriété intellectuelle du Canada (CIPO)',
      });
    } finally {
      await database.db.update(reports).set({ grouping: 'level-agency' }).where(eq(reports.id, reportId));
      await database.db.update(activities).set({ level: null }).where(eq(activities.id, first));
      await database.db.update(activities).set({ level: null }).where(eq(activities.id, fifth));
    }
  });

  it('shows a published report as its snapshot says, not as its rows stand now', async () => {
    const snapshot = await reportSnapshot(database.db, reportId);
    const first = await activityAtRow(1);
    const [before] = await database.db.select().from(activities).where(eq(activities.id, first));
    await database.db.update(reports).set({ snapshot }).where(eq(reports.id, reportId));
    await database.db
      .update(activities)
      .set({ title: { en: 'Renamed after publication' } })
      .where(eq(activities.id, first));
    try {
      expect((await load('en')).annex.rows[0]?.title).toBe(
        'CIPO-WIPO Executive Workshop on IP Office Management',
      );
      await database.db.update(reports).set({ snapshot: null }).where(eq(reports.id, reportId));
      expect((await load('en')).annex.rows[0]?.title).toBe('Renamed after publication');
    } finally {
      await database.db.update(reports).set({ snapshot: null }).where(eq(reports.id, reportId));
      await database.db
        .update(activities)
        .set({ title: before?.title ?? {} })
        .where(eq(activities.id, first));
    }
  });

  it('serves published reports over HTTP; drafts only when canReadDraft allows', async () => {
    const app = createApp(database);
    await database.db.update(reports).set({ symbol: 'IP/C/R/TC/CAN/4' }).where(eq(reports.id, reportId));
    const page = await (await app.request(`/en/reports/${reportId}`)).text();
    expect(page).toContain(`href="/en/reports/${reportId}.docx"`);
    expect(page).toContain('Download PDF');

    const pdf = await app.request(`/fr/reports/${reportId}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="IP-C-R-TC-CAN-4.pdf"');
    expect(pdf.headers.get('cache-control')).not.toContain('no-store');
    expect(await pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('IP/C/R/TC/CAN/4');
    const docx = await app.request(`/es/reports/${reportId}.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await docxText(Buffer.from(await docx.arrayBuffer()))).toContain(
      'Bolivia, Estado Plurinacional de',
    );

    const [draft] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'fr',
        source: 'test',
        status: 'draft',
      })
      .returning({ id: reports.id });
    const draftId = draft?.id ?? 0;
    for (const path of [
      `/en/reports/${draftId}.pdf`,
      `/en/reports/${draftId}.docx`,
      '/en/reports/99999.pdf',
    ]) {
      expect((await app.request(path)).status).toBe(404);
    }
    expect((await app.request(`/en/reports/${reportId}.odt`)).status).toBe(404);

    const reporterApp = new Hono().route(
      '/',
      reportDocumentRoutes(database.db, async () => labels, {
        canReadDraft: async (_c, r) => r.id === draftId,
      }),
    );
    const allowed = await reporterApp.request(`/en/reports/${draftId}.docx`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('cache-control')).toBe('private, no-store');
    expect(allowed.headers.get('content-disposition')).toBe(`attachment; filename="report-${draftId}.docx"`);
    const draftText = await docxText(Buffer.from(await allowed.arrayBuffer()));
    expect(draftText).toContain('Draft');
    expect(draftText).toContain('No programme or project is listed.');
  });

  it('keeps hostile text as literal text in both formats', async () => {
    const hostile = `<script>alert(1)</script> =cmd|' /C calc'!A0 “quoted” – l’été`;
    const [report] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        symbol: 'IP/C/R/TC/CAN/9"; x=<y>',
        originalLanguage: 'en',
        narrative: [hostile],
        source: 'test',
        status: 'published',
      })
      .returning({ id: reports.id });
    const [activity] = await database.db
      .insert(activities)
      .values({ donorPartyCode: 'CAN', title: { en: hostile }, originalLanguage: 'en', source: 'test' })
      .returning({ id: activities.id });
    if (!report || !activity) throw new Error('insert failed');
    await database.db
      .insert(reportActivities)
      .values({ reportId: report.id, activityId: activity.id, rowNumber: 1 });
    await database.db.insert(activityBeneficiaries).values([
      { activityId: activity.id, position: 0, kind: 'party', partyCode: 'TUR', nameAsWritten: 'Turkey' },
      { activityId: activity.id, position: 1, kind: 'party', partyCode: 'CIV', nameAsWritten: 'Ivory Coast' },
      { activityId: activity.id, position: 2, kind: 'unresolved', nameAsWritten: '<b>Nowhere</b>' },
    ]);

    const doc: ReportDocument = await load('en', report.id);
    const docx = await reportDocx(doc);
    const html = (await mammoth.convertToHtml({ buffer: docx })).value;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const text of [await docxText(docx), await pdfText(await reportPdf(doc))]) {
      expect(text).toContain(hostile);
      expect(text).toContain("Türkiye; Côte d'Ivoire; <b>Nowhere</b>");
    }
    const response = await createApp(database).request(`/en/reports/${report.id}.pdf`);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="IP-C-R-TC-CAN-9-x-y.pdf"',
    );
  });
});
