import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { insertActivity } from '../exports/test-fixtures.ts';
import { addNeed, createAssessment, publishAssessment } from '../needs/service.ts';
import { publishedActivityIndex } from './service.ts';

describe.each(testBackends)('suggestions on the pages of needs and offers (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporter: TestSession;
  let focal: TestSession;
  let admin: TestSession;
  let needId: number;
  let offerId: number;
  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const actor = { userId: null, label: 'test' };
    const assessment = await createAssessment(database.db, actor, {
      party: 'UGA',
      symbol: null,
      documentDate: null,
      source: 'trips-council',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    needId = await addNeed(
      database.db,
      actor,
      { id: assessment, language: 'en', status: 'draft' },
      {
        title: 'Training of trademark examiners',
        description: null,
        ipAreas: ['trademarks'],
        kindsOfHelp: ['training-personnel'],
        institution: null,
        priority: 'high',
        wishedStart: null,
        wishedEnd: null,
      },
    );
    await publishAssessment(database.db, actor, assessment);
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    focal = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    admin = await testSession(database.db, 'someone@example.org', 'admin');
    const created = await app.request(
      '/en/offers/new',
      formRequest(reporter, {
        owner: 'party:CAN',
        title: 'Trademark examiner training for African offices',
        description: '',
        language: 'en',
        kindsOfHelp: ['training-personnel'],
        ipAreas: ['trademarks'],
        eligibleRegions: ['002'],
        languages: ['en'],
        capacity: '',
        deadline: '',
        status: 'open',
      }),
    );
    offerId = Number(/\/offers\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows a need’s ranked suggestions with their reasons to donors and focal points only', async () => {
    const seen = await (await get(`/en/needs/${needId}`, reporter)).text();
    expect(seen).toContain('Suggested offers and donors');
    expect(seen).toContain('Trademark examiner training for African offices');
    expect(seen).toContain('IP areas in common: Trademarks');
    expect(seen).toContain('Kind of help in common: Training of personnel');
    expect(seen).toContain('Open to: Africa');
    expect(await (await get(`/fr/needs/${needId}`, focal)).text()).toContain(
      'Domaines de PI en commun\u202f: Marques',
    );
    expect(await (await get(`/en/needs/${needId}`)).text()).not.toContain('Suggested offers and donors');
  });

  it('shows the needs an offer could serve on the offer’s page, to the same people', async () => {
    const page = await (await get(`/es/offers/${offerId}`, reporter)).text();
    expect(page).toContain('Necesidades que esta oferta podría atender');
    expect(page).toContain('Training of trademark examiners');
    expect(await (await get(`/en/offers/${offerId}`)).text()).not.toContain('Needs this offer could serve');
    // An administrator is the Secretariat too, and sees them.
    expect(await (await get(`/en/offers/${offerId}`, admin)).text()).toContain(
      'Needs this offer could serve',
    );
  });

  it('reads the published activities once per state of the registry: a publication shows on the next request', async () => {
    const japan = 'href="/en/parties/JPN"';
    expect(await (await get(`/en/needs/${needId}`, reporter)).text()).not.toContain(japan);
    // Unchanged registry: the same index is served, not read again.
    expect(await publishedActivityIndex(database.db)).toBe(await publishedActivityIndex(database.db));
    // Japan's trademark training for Uganda becomes public, as a publication makes it.
    const activityId = await insertActivity(database.db, {
      donorPartyCode: 'JPN',
      title: { en: 'JPO trademark examination course' },
      ipAreas: ['trademarks'],
      startDate: '2025-02-01',
    });
    await database.db
      .insert(activityBeneficiaries)
      .values({ activityId, position: 1, kind: 'party', partyCode: 'UGA', nameAsWritten: 'Uganda' });
    await refreshActivitySearch(database.db, [activityId]);
    const after = await (await get(`/en/needs/${needId}`, reporter)).text();
    expect(after).toContain(japan);
    expect(after).toContain('1 past activity for this Member');
    // Hidden again (its report withdrawn): gone on the next request too.
    await database.db.update(activities).set({ isPublic: false }).where(eq(activities.id, activityId));
    await refreshActivitySearch(database.db, [activityId]);
    expect(await (await get(`/en/needs/${needId}`, reporter)).text()).not.toContain(japan);
  });
});
