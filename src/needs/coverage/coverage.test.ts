import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activityBeneficiaries } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { systemActor } from '../../audit/record.ts';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedNeedsDemo } from '../../demo/needs-demo.ts';
import { insertActivity } from '../../exports/test-fixtures.ts';
import { loadReferenceLabels } from '../../reference/labels.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { pdfText, readPdf } from '../../testing/pdf.ts';
import { needActivityLinks } from '../delivery/schema.ts';
import { addNeed, createAssessment, publishedNeeds } from '../service.ts';
import { coverageDocument } from './document.ts';
import { coverageByMember, coverageOverview, coveredNeeds, isOutstanding } from './service.ts';

describe.each(testBackends)('coverage of needs: met and outstanding (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let secretariat: TestSession;
  let reporter: TestSession;

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});

  /** A public activity of `donor` naming Uganda as a beneficiary. */
  async function deliveredToUganda(donor: string, start: string, end: string | null) {
    const id = await insertActivity(database.db, { donorPartyCode: donor, startDate: start, endDate: end });
    await database.db
      .insert(activityBeneficiaries)
      .values({ activityId: id, position: 1, kind: 'party', partyCode: 'UGA', nameAsWritten: 'Uganda' });
  }

  /** A report of `donor` listing one new activity for Uganda, that activity linked to `needId`. */
  async function linkedActivity(donor: string, status: 'draft' | 'published', title: string, needId: number) {
    const activityId = await insertActivity(database.db, {
      donorPartyCode: donor,
      title: { en: title },
      startDate: '2025-05-01',
      isPublic: status === 'published',
    });
    const [report] = await database.db
      .insert(reports)
      .values({
        reportingPartyCode: donor,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        originalLanguage: 'en',
        source: 'test',
        status,
        symbol: status === 'published' ? `IP/C/R/TC/${donor}/9` : null,
      })
      .returning({ id: reports.id });
    if (!report) throw new Error('no report');
    await database.db.insert(reportActivities).values({ reportId: report.id, activityId, rowNumber: 1 });
    await database.db.insert(needActivityLinks).values({ needId, activityId, reportId: report.id });
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    await seedNeedsDemo(database.db);
    secretariat = await testSession(database.db, 'officer@wto.example', 'secretariat');
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    // Uganda assessed its needs in March 2025: help before that does not answer them.
    await deliveredToUganda('CAN', '2025-06-01', '2025-09-30');
    await deliveredToUganda('CAN', '2024-01-10', '2025-12-31');
    await deliveredToUganda('JPN', '2025-04-01', null);
    await deliveredToUganda('JPN', '2019-01-01', '2019-12-31');
    // An outstanding need of Uganda linked to an activity of Japan's published report, one of
    // Cambodia to an activity of Norway's draft (which counts nowhere until Norway publishes it).
    const outstanding = (await coveredNeeds(database.db)).filter((need) => isOutstanding(need.status));
    const first = outstanding.find((need) => need.partyCode === 'UGA');
    const second = outstanding.find((need) => need.partyCode === 'KHM');
    if (!first || !second) throw new Error('the demo has no outstanding need of Uganda or Cambodia');
    await linkedActivity('JPN', 'published', 'JPO seminar on patent examination', first.id);
    await linkedActivity('NOR', 'draft', 'Secret draft activity of Norway', second.id);
    // A draft assessment of Kenya: nowhere until its Member publishes it.
    const draft = await createAssessment(database.db, systemActor, {
      party: 'KEN',
      symbol: null,
      documentDate: '2025',
      source: 'national-strategy',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    await addNeed(
      database.db,
      systemActor,
      { id: draft, language: 'en', status: 'draft' },
      {
        title: 'Secret draft need of Kenya',
        description: null,
        ipAreas: [],
        kindsOfHelp: ['awareness'],
        institution: null,
        priority: 'low',
        wishedStart: null,
        wishedEnd: null,
      },
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts each Member’s published needs by status as a plain count does, drafts never', async () => {
    const members = await coverageByMember(database.db);
    const rows = await publishedNeeds(database.db);
    expect(members.map((m) => m.partyCode).sort()).toEqual(['KHM', 'UGA']);
    for (const member of members) {
      const own = rows.filter((row) => row.assessment.partyCode === member.partyCode);
      expect(member.total).toBe(own.length);
      for (const status of ['open', 'offered', 'in-progress', 'met', 'withdrawn'] as const) {
        expect(member.counts[status]).toBe(own.filter((row) => row.need.status === status).length);
      }
      const outstanding = own.filter((row) => ['open', 'offered', 'in-progress'].includes(row.need.status));
      expect(member.outstanding).toBe(outstanding.length);
      const kinds = outstanding.flatMap((row) => row.need.kindsOfHelp);
      expect(member.outstandingKinds.reduce((sum, k) => sum + k.count, 0)).toBe(kinds.length);
    }
  });

  it('names who delivered to a Member since its assessment, activities still running then included', async () => {
    const [uganda] = await coverageByMember(database.db, 'UGA');
    expect(uganda?.assessedOn).toBe('2025-03');
    expect(uganda?.delivered).toEqual([
      { donorCode: 'CAN', activities: 2 },
      { donorCode: 'JPN', activities: 1 },
    ]);
  });

  it('counts the needs that activities of published reports address, a draft report’s links never', async () => {
    const [uganda] = await coverageByMember(database.db, 'UGA');
    expect(uganda?.addressed).toBe(1);
    expect(uganda?.addressedBy).toEqual([{ donorCode: 'JPN', needs: 1 }]);
    const [cambodia] = await coverageByMember(database.db, 'KHM');
    expect(cambodia?.addressed).toBe(0);
    const all = await coverageByMember(database.db);
    expect(all.find((member) => member.partyCode === 'UGA')).toEqual(uganda);
  });

  it('shows the page to everyone, with the map and sample notice, and the overview links only to the Secretariat', async () => {
    for (const [lang, title] of [
      ['en', 'Needs met and outstanding'],
      ['fr', 'Besoins satisfaits et en suspens'],
      ['es', 'Necesidades atendidas y pendientes'],
    ] as const) {
      const response = await get(`/${lang}/needs/coverage`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(title);
      expect(html).toContain('class="world-map"');
      expect(html).not.toContain('Secret draft need');
      expect(html).not.toContain('overview.docx');
    }
    const english = await (await get('/en/needs/coverage')).text();
    expect(english).toContain('Sample data');
    expect(english).toContain('Canada: 2 activities');
    expect(english).toContain('Its needs that activities of published reports address');
    expect(english).toMatch(/1 of \d+ needs/);
    expect(english).toContain('Japan: 1 need');
    expect(english).toContain('whether or not it answers a need');
    expect(english).not.toContain('Norway');
    // Who responded: Canada's accepted proposal for Uganda's patent examiners (the demo's).
    expect(english).toContain('Canada: accepted (1)');
    expect(await (await get('/en/needs/coverage', secretariat)).text()).toContain(
      'href="/fr/needs/coverage/overview.docx"',
    );
  });

  it('gives the Secretariat the overview as a WTO note in DOCX and PDF, in the language asked', async () => {
    const docx = await get('/fr/needs/coverage/overview.docx', secretariat);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/needs-met-and-outstanding-fr-.*\.docx/);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain('Note du Secrétariat');
    expect(text).toContain('Besoins satisfaits');
    expect(text).toContain('Ouganda');
    expect(text).toContain('Training of patent examiners in substantive examination');
    expect(text).toContain('données d’exemple');
    expect(text).toMatch(/Canada\s?: acceptée \(1\)/);
    expect(text).not.toContain('Secret draft need');
    expect(text).toContain('Activités qui y répondent');
    expect(text).toContain('JPO seminar on patent examination (Japon, IP/C/R/TC/JPN/9)');
    expect(text).not.toContain('Secret draft activity');

    const pdf = await get('/es/needs/coverage/overview.pdf', secretariat);
    expect(pdf.status).toBe(200);
    const pdfWords = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(pdfWords).toContain('Nota de la Secretaría');
    expect(pdfWords).toContain('Necesidades pendientes');
  });

  it('sets the tables of the overview on landscape pages, every column header word whole, figures right', async () => {
    const labels = await loadReferenceLabels(database.db);
    const { members, needs, addressing } = await coverageOverview(database.db);
    // The font and size the PDF table header is set in, on a landscape A4 page with 2 cm margins.
    const measure = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56.7 });
    measure.registerFont(
      'bold',
      readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    );
    measure.font('bold').fontSize(8.5);
    const textWidth = measure.page.width - 2 * 56.7;
    const headers = {
      en: ['Member', 'Needs', 'Met', 'Outstanding', 'Withdrawn'],
      fr: ['Membre', 'Besoins', 'Satisfaits', 'En suspens', 'Retirés'],
      es: ['Miembro', 'Necesidades', 'Atendidas', 'Pendientes', 'Retiradas'],
    } as const;
    for (const lang of ['en', 'fr', 'es'] as const) {
      const doc = coverageDocument(lang, labels, members, needs, addressing, new Date('2026-01-15'));
      const [byMember, outstanding, met] = doc.sections;
      expect([byMember, outstanding, met].map((section) => section?.landscape)).toEqual([true, true, true]);
      const table = byMember?.table;
      if (!table) throw new Error('no table by Member');
      expect(table.columns.slice(0, 5)).toEqual(headers[lang]);
      expect(table.align?.slice(1, 5)).toEqual(['right', 'right', 'right', 'right']);
      for (const section of doc.sections) {
        const widths = section.table?.widths ?? [];
        expect(widths.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 5);
        section.table?.columns.forEach((header, column) => {
          for (const word of header.split(/\s+/))
            expect(measure.widthOfString(word), `${lang}: "${word}"`).toBeLessThanOrEqual(
              (widths[column] ?? 0) * textWidth - 8,
            );
        });
      }
      // Needs with an offer are counted under the status's own name, not as "offered" needs.
      const withOffer = { en: /offered: \d/, fr: /avec une offre\u202f: \d/, es: /con oferta: \d/ }[lang];
      expect(doc.paragraphs[1]).toMatch(withOffer);
      // The demo's needs are marked as samples in the tables, as the warning under the title says.
      const sample = { en: '(sample)', fr: '(exemple)', es: '(ejemplo)' }[lang];
      expect(outstanding?.table?.rows.some((row) => row[1]?.endsWith(sample))).toBe(true);
      expect(met?.table?.rows.every((row) => row[1]?.endsWith(sample))).toBe(true);
      // Counts in words with the language's own colon, never "1: Canada (1)".
      expect(table.rows.flat().join('\n')).toContain(
        lang === 'fr' ? 'Japon\u202f: 1 besoin' : lang === 'es' ? 'Japón: 1 necesidad' : 'Japan: 1 need',
      );
    }
    measure.end();

    for (const lang of ['en', 'fr', 'es']) {
      const pdf = await readPdf(
        new Uint8Array(await (await get(`/${lang}/needs/coverage/overview.pdf`, secretariat)).arrayBuffer()),
      );
      const [first, ...tables] = pdf.pageSizes;
      expect(first?.[0]).toBeLessThan(first?.[1] ?? 0);
      expect(tables.length).toBeGreaterThan(0);
      for (const [width, height] of tables) expect(width).toBeGreaterThan(height);
      const docx = Buffer.from(
        await (await get(`/${lang}/needs/coverage/overview.docx`, secretariat)).arrayBuffer(),
      );
      const xml = (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
      const body = (await xml) ?? '';
      expect(body.match(/<w:sectPr/g)?.length).toBe(2);
      expect(body).toMatch(/w:orient="landscape"/);
      expect(body).toContain('<w:tblLayout w:type="fixed"/>');
      // Header row shaded and table text at 8.5 pt, as in the PDF.
      expect(body).toContain('w:fill="E8E8E8"');
      expect(body).toContain('<w:sz w:val="17"/>');
      expect(body).toMatch(/<w:jc w:val="(right|end)"\/>/);
    }
  });

  it('refuses the overview to visitors and to other roles', async () => {
    expect((await get('/en/needs/coverage/overview.pdf')).status).toBe(303);
    expect((await get('/en/needs/coverage/overview.docx', reporter)).status).toBe(403);
  });
});
