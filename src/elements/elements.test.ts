import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities, activitySearch } from '../activities/schema.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { reportActivities } from '../reports/schema.ts';
import { elementsOf } from './service.ts';

describe('elements of Article 67 on the activity page', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporter: TestSession;
  let activityId: number;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    app = createApp(database);
    const demo = await seedDemo(database.db);
    reporter = await testSession(database.db, 'reporter.can@example.org', 'reporter', { party: 'CAN' });
    const [row] = await database.db
      .select({ id: activities.id })
      .from(activities)
      .innerJoin(reportActivities, eq(reportActivities.activityId, activities.id))
      .where(and(eq(reportActivities.reportId, demo.reportId), eq(reportActivities.rowNumber, 4)));
    activityId = row?.id as number;
  }, 120_000);
  afterAll(() => database.close());

  it('shows suggested elements as suggested, with the interpretation, in three languages', async () => {
    const cases = [
      ['en', 'suggested', 'ipcoop’s interpretation'],
      ['fr', 'suggestion', 'interprétation d’ipcoop'],
      ['es', 'sugerencia', 'interpretación de ipcoop'],
    ] as const;
    for (const [lang, suggested, interpretation] of cases) {
      const html = await (await app.request(`/${lang}/activities/${activityId}`)).text();
      expect(html).toContain(`(${suggested})`);
      expect(html).toContain(interpretation);
      expect(html).not.toContain(`/activities/${activityId}/elements`); // no form for the public
    }
  });

  it('lets the party’s reporter confirm a changed set, audited and searchable', async () => {
    const page = await (
      await app.request(`/en/activities/${activityId}`, { headers: { Cookie: reporter.cookie } })
    ).text();
    expect(page).toContain(`action="/en/activities/${activityId}/elements"`);
    const response = await app.request(
      `/en/activities/${activityId}/elements`,
      formRequest(reporter, { elements: ['other', 'training-personnel'] }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/en/activities/${activityId}?done=elements`);
    expect((await elementsOf(database.db, [activityId])).get(activityId)).toEqual([
      { code: 'training-personnel', state: 'confirmed' },
      { code: 'other', state: 'confirmed' },
    ]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'elements.confirm'), eq(auditLog.recordId, String(activityId))));
    expect(audit?.actor).toBe('reporter.can@example.org');
    expect(audit?.before).toEqual({ elements: ['other'], states: ['suggested'] });
    const [search] = await database.db
      .select({ elements: activitySearch.elements })
      .from(activitySearch)
      .where(eq(activitySearch.activityId, activityId));
    expect(search?.elements).toEqual(['other', 'training-personnel']);
    const html = await (await app.request(`/fr/activities/${activityId}?done=elements`)).text();
    expect(html).toContain('Formation de personnel');
    expect(html).not.toContain('(suggestion)');
  });

  it('refuses unknown elements and an empty set, changing nothing', async () => {
    const before = await elementsOf(database.db, [activityId]);
    for (const elements of [['made-up'], []]) {
      const response = await app.request(
        `/es/activities/${activityId}/elements`,
        formRequest(reporter, { elements }),
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(/Elija (elementos de la lista|al menos un elemento)/);
    }
    expect(await elementsOf(database.db, [activityId])).toEqual(before);
  });

  it('is a facet of the search page and the API', async () => {
    const facets = (await (await app.request('/api/v1/activities/facets')).json()) as {
      elements: Array<{ code: string; count: number }>;
    };
    const training = facets.elements.find((facet) => facet.code === 'training-personnel');
    expect(training?.count).toBeGreaterThanOrEqual(3);
    const listed = (await (await app.request('/api/v1/activities?element=training-personnel')).json()) as {
      total: number;
    };
    expect(listed.total).toBe(training?.count);
    const page = await (await app.request('/fr/search?element=training-personnel')).text();
    expect(page).toContain('Élément de l’article 67');
    expect(page).toContain('Formation de personnel');
    const wrong = await app.request('/api/v1/activities?element=capacity');
    expect(wrong.status).toBe(400);
  });

  it('shows on the party page, as donor and as beneficiary, what each cycle addressed and missed', async () => {
    const canada = await (await app.request('/en/parties/CAN')).text();
    expect(canada).toContain('In its reports, by cycle');
    expect(canada).toContain('2020–2021 — activities: 10');
    expect(canada).toMatch(/No activity addressed: [^<]*Prevention of abuse/);
    expect(canada).toContain('ipcoop’s interpretation');
    const costaRica = await (await app.request('/es/parties/CRI')).text();
    expect(costaRica).toContain('En las actividades a su favor, por ciclo');
    expect(costaRica).toContain('Formación de personal: 1');
    expect(costaRica).toMatch(/Ninguna actividad abordó: [^<]*Prevención del abuso/);
    const profile = (await (await app.request('/api/v1/parties/CRI')).json()) as {
      profile: { asBeneficiary: { elements: Array<{ activities: number }> } };
    };
    expect(profile.profile.asBeneficiary.elements[0]?.activities).toBe(1);
  });

  it("keeps what a reporter ticks in a draft as confirmed, and an empty set as the rules' suggestion", async () => {
    const started = await app.request(
      '/en/drafting/reports',
      formRequest(reporter, {
        party: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(started.status).toBe(303);
    const draftId = reportIdFrom(started.headers.get('location'));
    const created = await app.request(
      `/en/drafting/reports/${draftId}/activities/new`,
      formRequest(reporter, {
        title: 'Drafting of the new trademark regulations',
        originalLanguage: 'en',
        elements: ['laws-regulations', 'training-personnel'],
      }),
    );
    expect(created.status).toBe(303);
    const [row] = await database.db
      .select({ id: activities.id, version: activities.version })
      .from(activities)
      .where(eq(activities.title, { en: 'Drafting of the new trademark regulations' }));
    const id = row?.id as number;
    expect((await elementsOf(database.db, [id])).get(id)).toEqual([
      { code: 'laws-regulations', state: 'confirmed' },
      { code: 'training-personnel', state: 'confirmed' },
    ]);
    const edited = await app.request(
      `/en/drafting/reports/${draftId}/activities/${id}/edit`,
      formRequest(reporter, {
        title: 'Drafting of the new trademark regulations',
        originalLanguage: 'en',
        version: String(row?.version),
      }),
    );
    expect(edited.status).toBe(303);
    expect((await elementsOf(database.db, [id])).get(id)).toEqual([
      { code: 'laws-regulations', state: 'suggested' },
    ]);
    // Still a draft: nowhere public.
    const search = (await (await app.request('/api/v1/activities?element=laws-regulations')).json()) as {
      items: Array<{ id: number }>;
    };
    expect(search.items.map((item) => item.id)).not.toContain(id);
  });
});
