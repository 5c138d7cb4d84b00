import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { multipartRequest } from '../../drafting/test-helpers.ts';
import { needsOfAssessment } from '../service.ts';

const csv = (lines: string[]) => new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));

describe.each(testBackends)('needs imported from a spreadsheet (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let focalUGA: TestSession;
  let focalKEN: TestSession;
  let assessmentId: number;
  let previewPath: string;

  const get = (path: string, session: TestSession) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const upload = (session: TestSession, name: string, bytes: Uint8Array<ArrayBuffer>, lang = 'fr') =>
    app.request(
      `/${lang}/needs/assessments/${assessmentId}/upload`,
      multipartRequest(session, {}, { name, bytes }),
    );

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    focalKEN = await testSession(database.db, 'focal@kipi.example', 'focal-point', { party: 'KEN' });
    const created = await app.request(
      '/en/needs/assessments/new',
      formRequest(focalUGA, {
        party: 'UGA',
        source: 'national-strategy',
        language: 'fr',
        documentDate: '2025',
        symbol: '',
        contactName: '',
        contactEmail: '',
      }),
    );
    assessmentId = Number(/assessments\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the template with the headers and lists in the page language', async () => {
    const response = await get(`/fr/needs/assessments/${assessmentId}/template.xlsx`, focalUGA);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const [needsSheet, lists] = workbook.worksheets;
    expect(needsSheet?.getRow(1).getCell(1).value).toBe('Intitulé du besoin');
    expect(JSON.stringify(lists?.getSheetValues())).toContain('Formation du personnel');
    expect((await get(`/fr/needs/assessments/${assessmentId}/template.xlsx`, focalKEN)).status).toBe(403);
  });

  it('previews every row with its problems at the cell, labels read in any language', async () => {
    const response = await upload(
      focalUGA,
      'besoins.csv',
      csv([
        'Intitulé du besoin,Kind of help,Domaines de PI,Priorité,Début souhaité,Fin souhaitée',
        '"Formation des examinateurs de brevets","Formation du personnel; Expert mission","Brevets",Haute,2026,2027-06',
        '"Sans type d’aide",,Brevets,Basse,2027,2026',
        '"Domaine inconnu",Awareness,Widgets,,,',
      ]),
    );
    expect(response.status).toBe(303);
    previewPath = new URL(response.headers.get('location') ?? '', 'http://x').pathname;
    const page = await get(previewPath, focalUGA);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('3 lignes lues');
    expect(html).toContain('1 ligne prête à importer');
    expect(html).toContain('Choisissez au moins un type d’aide');
    expect(html).toContain('Widgets');
    // Only its uploader sees the preview.
    expect((await get(previewPath, focalKEN)).status).toBe(403);
  });

  it('adds the ready rows once, in the assessment’s language, and refuses a second import', async () => {
    const confirm = () => app.request(`${previewPath}/confirm`, formRequest(focalUGA, {}));
    expect((await confirm()).status).toBe(303);
    const needs = await needsOfAssessment(database.db, assessmentId);
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({
      title: { fr: 'Formation des examinateurs de brevets' },
      kindsOfHelp: ['training-personnel', 'expert-mission'],
      ipAreas: ['patents'],
      priority: 'high',
      wishedStart: '2026',
      wishedEnd: '2027-06',
    });
    const again = await confirm();
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('a expiré ou a déjà été importé');
    expect(await needsOfAssessment(database.db, assessmentId)).toHaveLength(1);
  });

  it('says at the file field why a file is refused', async () => {
    const noTitle = await upload(focalUGA, 'x.csv', csv(['Priorité', 'Haute']));
    expect(noTitle.status).toBe(400);
    expect(await noTitle.text()).toContain('Aucune colonne n’a pour en-tête');
    const empty = await upload(focalUGA, 'x.csv', new Uint8Array(0), 'en');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose a file to upload.');
    expect((await upload(focalKEN, 'x.csv', csv(['Title of the need', 'A need']))).status).toBe(403);
  });
});
