import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';

describe.each(testBackends)('offers of donors and agencies (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporterCAN: TestSession;
  let reporterUSA: TestSession;
  let coordinator: TestSession;
  let focal: TestSession;
  let offerId: number;

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const valid = {
    owner: 'party:CAN',
    title: 'Examiner training in trademark practice',
    description: 'Two weeks at CIPO for trademark examiners.',
    language: 'en',
    kindsOfHelp: ['training-personnel'],
    ipAreas: ['trademarks'],
    eligibleRegions: ['002'],
    languages: ['en', 'fr'],
    capacity: '6 examiners',
    deadline: '2027-03-31',
    status: 'open',
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    await seedDemo(database.db);
    await seedTrainingOperationsDemo(database.db);
    reporterCAN = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    reporterUSA = await testSession(database.db, 'officer@uspto.example', 'reporter', { party: 'USA' });
    coordinator = await testSession(database.db, 'coord@cipo.example', 'coordinator', { agency: 'CIPO' });
    focal = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a bad offer with every error at its field, in the page’s language', async () => {
    const refused = await post('/fr/offers/new', reporterCAN, {
      ...valid,
      owner: 'party:USA',
      title: '',
      kindsOfHelp: [],
      languages: [],
      deadline: '2027-02-30',
      eligibleParties: ['CAN'],
      ipAreas: ['not-an-area'],
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Choisissez au nom de qui vous publiez l’offre.');
    expect(html).toContain('Saisissez le titre de l’offre.');
    expect(html).toContain('Choisissez au moins un type d’aide.');
    expect(html).toContain('Choisissez les langues dans lesquelles l’aide est donnée.');
    expect(html).toContain('Saisissez la date limite au format AAAA-MM-JJ');
    // A form without any field is refused too, not answered with a server error.
    expect((await post('/en/offers/new', reporterCAN, {})).status).toBe(400);
  });

  it('publishes an offer for the reporter’s own Member, public at once and audited', async () => {
    const created = await post('/en/offers/new', reporterCAN, valid);
    expect(created.status).toBe(303);
    offerId = Number(/\/offers\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
    expect(offerId).toBeGreaterThan(0);
    const page = await (await get(`/es/offers/${offerId}`)).text();
    expect(page).toContain('Examiner training in trademark practice');
    expect(page).toContain('Canadá');
    expect(page).toContain('Formación del personal');
    expect(page).toContain('África');
    // Found by a word in another language, through the IP vocabulary ("marque": trademark).
    expect(await (await get('/fr/offers?q=marque')).text()).toContain(
      'Examiner training in trademark practice',
    );
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.tableName, 'offers'));
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('lets only the offer’s own reporters change or close it; a stale form is refused', async () => {
    expect((await get(`/en/offers/${offerId}/edit`, reporterUSA)).status).toBe(403);
    expect((await get(`/en/offers/${offerId}/edit`, coordinator)).status).toBe(403);
    expect((await post(`/en/offers/${offerId}/edit`, focal, { ...valid, version: '1' })).status).toBe(403);
    const closed = await post(`/en/offers/${offerId}/edit`, reporterCAN, {
      ...valid,
      status: 'closed',
      version: '1',
    });
    expect(closed.status).toBe(303);
    const stale = await post(`/en/offers/${offerId}/edit`, reporterCAN, { ...valid, version: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone changed this offer meanwhile.');
  });

  it('lets a coordinator publish for the agency, and lists training editions open for nominations', async () => {
    const form = await (await get('/en/offers/new', coordinator)).text();
    const owner = /<option value="(agency:\d+)"/.exec(form)?.[1];
    expect(owner).toBeDefined();
    const created = await post('/en/offers/new', coordinator, {
      ...valid,
      owner: owner as string,
      title: 'Patent office automation advice',
      kindsOfHelp: ['equipment-automation', 'expert-mission'],
      ipAreas: ['patents'],
      eligibleRegions: [],
      eligibleParties: ['UGA'],
    });
    expect(created.status).toBe(303);
    const list = await (await get('/en/offers?kind=equipment-automation')).text();
    expect(list).toContain('Patent office automation advice');
    expect(list).not.toContain('Examiner training in trademark practice');
    const all = await (await get('/en/offers')).text();
    expect(all).toContain('Training edition open for nominations');
    expect(all).toContain('Executive Training Program (2027)');
    const closedOnly = await (await get('/en/offers?status=closed')).text();
    expect(closedOnly).toContain('Examiner training in trademark practice');
    expect(closedOnly).not.toContain('Executive Training Program (2027)');
  });

  it('serves offers as JSON, CSV and XLSX with formula-safe cells', async () => {
    const json = (await (await get('/api/v1/offers?status=open')).json()) as {
      total: number;
      offers: Array<{ title: string; agency: string | null; eligibleParties: string[] }>;
      trainingEditions: Array<{ year: number }>;
    };
    expect(json.offers).toEqual([
      expect.objectContaining({
        title: 'Patent office automation advice',
        agency: 'CIPO',
        eligibleParties: ['UGA'],
      }),
    ]);
    expect(json.trainingEditions.map((edition) => edition.year)).toEqual([2027]);
    expect(json.total).toBe(2);
    expect((await get('/api/v1/offers?kind=nonsense')).status).toBe(400);
    expect((await get('/api/v1/offers?format=pdf')).status).toBe(400);

    await post('/en/offers/new', reporterCAN, { ...valid, title: '=HYPERLINK("http://x")' });
    const csv = await (await get('/api/v1/offers?format=csv&lang=fr')).text();
    expect(csv).toContain('Formation du personnel');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const xlsx = await get('/api/v1/offers?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const cells = workbook.worksheets[0]?.getColumn(2).values ?? [];
    expect(cells).toContain('Patent office automation advice');
  });
});
