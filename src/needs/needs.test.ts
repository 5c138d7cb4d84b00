import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';

describe.each(testBackends)('needs assessments from draft to a met need (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let focalUGA: TestSession;
  let focalKEN: TestSession;
  let reporter: TestSession;
  let assessmentId: number;
  let needId: number;

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const idIn = (location: string | null) => Number(/\/(\d+)(\?|$)/.exec(location ?? '')?.[1]);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    focalKEN = await testSession(database.db, 'focal@kipi.example', 'focal-point', { party: 'KEN' });
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('records an assessment for the focal point’s own Member only, with errors at the fields', async () => {
    expect((await get('/en/needs/assessments', focalUGA)).status).toBe(200);
    const refused = await post('/fr/needs/assessments/new', focalUGA, {
      party: 'KEN',
      source: 'trips-council',
      language: 'en',
      documentDate: '2025-13',
      symbol: '',
      contactName: '',
      contactEmail: 'not an address',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Choisissez un Membre dont vous enregistrez les besoins.');
    expect(html).toContain('AAAA, AAAA-MM ou AAAA-MM-JJ, par exemple 2025-03');
    expect(html).toContain('nom@exemple.org');

    const created = await post('/en/needs/assessments/new', focalUGA, {
      party: 'UGA',
      source: 'trips-council',
      language: 'en',
      documentDate: '2025-03',
      symbol: 'IP/C/W/999',
      contactName: 'Registrar',
      contactEmail: 'registrar@ursb.example',
    });
    expect(created.status).toBe(303);
    assessmentId = idIn(created.headers.get('location'));
    expect(assessmentId).toBeGreaterThan(0);
    // Another Member's focal point neither sees nor changes it.
    expect((await get(`/en/needs/assessments/${assessmentId}`, focalKEN)).status).toBe(403);
  });

  it('adds needs to the draft, which stays out of every public place until published', async () => {
    const missingKind = await post(`/en/needs/assessments/${assessmentId}/needs`, focalUGA, {
      title: 'Automation of the trademark registry',
      priority: 'high',
      wishedStart: '2026',
      wishedEnd: '2025',
    });
    expect(missingKind.status).toBe(400);
    const html = await missingKind.text();
    expect(html).toContain('Choose at least one kind of help.');
    expect(html).toContain('The end cannot come before the start.');

    const added = await post(`/en/needs/assessments/${assessmentId}/needs`, focalUGA, {
      title: 'Automation of the trademark registry',
      description: 'Digitise 40,000 paper files and install an office system.',
      kindsOfHelp: ['equipment-automation', 'training-personnel'],
      ipAreas: ['trademarks'],
      institution: 'Uganda Registration Services Bureau',
      priority: 'high',
      wishedStart: '2026',
      wishedEnd: '2027-06',
    });
    expect(added.status).toBe(303);
    const page = await (await get(`/en/needs/assessments/${assessmentId}`, focalUGA)).text();
    expect(page).toContain('Automation of the trademark registry');
    expect(page).toContain('Draft: not public yet');

    expect(await (await get('/en/needs')).text()).not.toContain('Automation of the trademark registry');
    const api = (await (await get('/api/v1/needs')).json()) as { total: number };
    expect(api.total).toBe(0);
  });

  it('publishes without review: the need is public, its contact only for signed-in officers', async () => {
    expect((await post(`/en/needs/assessments/${assessmentId}/publish`, focalKEN, {})).status).toBe(403);
    expect((await post(`/en/needs/assessments/${assessmentId}/publish`, focalUGA, {})).status).toBe(303);
    const list = await (await get('/fr/needs')).text();
    expect(list).toContain('Besoins prioritaires des Membres');
    const link = /href="\/fr\/needs\/(\d+)"/.exec(list);
    needId = Number(link?.[1]);
    expect(needId).toBeGreaterThan(0);

    const anonymous = await (await get(`/en/needs/${needId}`)).text();
    expect(anonymous).toContain('Uganda');
    expect(anonymous).toContain('Equipment and automation');
    expect(anonymous).not.toContain('registrar@ursb.example');
    expect(anonymous).toContain('Sign in to see whom to contact.');
    expect(await (await get(`/en/needs/${needId}`, reporter)).text()).toContain('registrar@ursb.example');

    const api = (await (await get('/api/v1/needs?party=UGA&kind=equipment-automation')).json()) as {
      needs: Array<{ id: number; status: string; title: Record<string, string> }>;
    };
    expect(api.needs).toEqual([
      expect.objectContaining({
        id: needId,
        status: 'open',
        title: { en: 'Automation of the trademark registry' },
      }),
    ]);
    expect((await get('/api/v1/needs?status=finished')).status).toBe(400);
    // Words in another language find it through the IP vocabulary, and the page says so.
    const french = await (await get('/fr/needs?q=marque')).text();
    expect(french).toContain('Automation of the trademark registry');
    expect(french).toMatch(/Également recherché\u202f: [^<]*trademark/);
    expect(await (await get('/fr/needs?q=brevet')).text()).not.toContain(
      'Automation of the trademark registry',
    );

    const bytes = Buffer.from(await (await get('/api/v1/needs?format=csv&lang=fr')).arrayBuffer());
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFid,Membre,')).toBe(true);
    expect(csv).toContain('Ouganda,Automation of the trademark registry');
    expect(csv).toContain('Équipement et automatisation; Formation du personnel');
    const xlsx = await get('/api/v1/needs?format=xlsx&lang=es');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]?.getRow(2).getCell(2).value).toBe('Uganda');
    expect((await get('/api/v1/needs?format=pdf')).status).toBe(400);
    // A language only matters to the spreadsheets' labels.
    expect((await get('/api/v1/needs?format=csv&lang=de')).status).toBe(400);
    expect((await get('/api/v1/needs?lang=de')).status).toBe(200);
  });

  it('writes a hostile title into CSV as text a spreadsheet does not run', async () => {
    await post(`/en/needs/assessments/${assessmentId}/needs`, focalUGA, {
      title: '=HYPERLINK("http://evil.example")',
      kindsOfHelp: 'awareness',
      priority: 'low',
    });
    const csv = await (await get('/api/v1/needs?format=csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const page = await (await get('/en/needs')).text();
    expect(page).toContain('=HYPERLINK(&quot;http://evil.example&quot;)');
  });

  it('moves the status only as its rules allow, explained, kept in its history and the audit trail', async () => {
    const path = `/en/needs/${needId}/status`;
    expect((await post(path, focalKEN, { seen: 'open', status: 'met', note: 'x' })).status).toBe(403);
    const noNote = await post(path, focalUGA, { seen: 'open', status: 'met', note: '' });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain('Say why the status changes.');
    const met = await post(path, focalUGA, {
      seen: 'open',
      status: 'met',
      note: 'Delivered with WIPO in 2026.',
    });
    expect(met.status).toBe(303);
    // From "met" only a reopening is possible; a stale form is refused.
    expect((await post(path, focalUGA, { seen: 'met', status: 'withdrawn', note: 'no' })).status).toBe(409);
    expect((await post(path, focalUGA, { seen: 'open', status: 'withdrawn', note: 'no' })).status).toBe(409);

    const page = await (await get(`/es/needs/${needId}`)).text();
    expect(page).toContain('Atendida');
    expect(page).toContain('Delivered with WIPO in 2026.');
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'needs'), eq(auditLog.action, 'change-status')));
    expect(audited).toHaveLength(1);
    const metOnly = (await (await get('/api/v1/needs?status=met')).json()) as { total: number };
    expect(metOnly.total).toBe(1);
  });
});
