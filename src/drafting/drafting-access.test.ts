import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reports } from '../reports/schema.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from './test-helpers.ts';

describe.each(testBackends)('who may use the drafting pages (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let canada: TestSession;
  let japan: TestSession;
  let secretariat: TestSession;
  let draftId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    canada = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    japan = await testSession(database.db, 'officer@jpo.example', 'reporter', { party: 'JPN' });
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
    const started = await app.request(
      '/en/drafting/reports',
      formRequest(canada, {
        party: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
      }),
    );
    draftId = reportIdFrom(started.headers.get('location'));
  });
  afterAll(async () => {
    await database?.close();
  });

  const routesOfDraft = () => {
    const base = `/en/drafting/reports/${draftId}`;
    return {
      gets: [
        base,
        `${base}/preview`,
        `${base}/template.xlsx`,
        `${base}/activities/new`,
        `${base}/activities/1/edit`,
        `${base}/upload/AAAAAAAAAAAAAAAAAAAAAA`,
      ],
      posts: [
        [`${base}/narrative`, { narrative: 'Taken over.', grouping: 'none', version: '1' }],
        [`${base}/activities/new`, { title: 'Not mine' }],
        [`${base}/activities/1/edit`, { title: 'Not mine', version: '1' }],
        [`${base}/activities/1/remove`, {}],
        [`${base}/submit`, {}],
        [`/en/drafting/reports/1/revisions`, { kind: 'corrigendum' }],
        [`${base}/upload/AAAAAAAAAAAAAAAAAAAAAA/confirm`, {}],
      ] as Array<[string, Record<string, string>]>,
    };
  };

  it("refuses another party's reporter on every drafting route of Canada's draft (403)", async () => {
    const { gets, posts } = routesOfDraft();
    for (const path of gets) {
      const response = await app.request(path, { headers: { Cookie: japan.cookie } });
      expect(response.status, `GET ${path}`).toBe(403);
    }
    for (const [path, fields] of posts) {
      const response = await app.request(path, formRequest(japan, fields));
      expect(response.status, `POST ${path}`).toBe(403);
    }
    const workbook = await activitiesWorkbook([['Title'], ['Not mine']]);
    const upload = await app.request(
      `/en/drafting/reports/${draftId}/upload`,
      multipartRequest(japan, {}, { name: 'mine.xlsx', bytes: workbook }),
    );
    expect(upload.status).toBe(403);
    // Nor can they start a report for Canada.
    const start = await app.request(
      '/en/drafting/reports',
      formRequest(japan, {
        party: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2024-12-31',
        originalLanguage: 'en',
      }),
    );
    expect(start.status).toBe(403);
    const [draft] = await database.db.select().from(reports).where(eq(reports.id, draftId));
    expect(draft?.narrative[0]).not.toBe('Taken over.');
    expect(draft?.status).toBe('draft');
  });

  it('sends anonymous visitors to sign in (303), GET and POST alike', async () => {
    const { gets, posts } = routesOfDraft();
    for (const path of ['/en/drafting', ...gets]) {
      const response = await app.request(path);
      expect(response.status, `GET ${path}`).toBe(303);
      expect(response.headers.get('location')).toBe(`/en/sign-in?next=${encodeURIComponent(path)}`);
    }
    // An anonymous form with a valid double-submit token passes the CSRF check, then meets the guard.
    const token = 'a'.repeat(43);
    for (const [path, fields] of posts) {
      const response = await app.request(path, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, _csrf: token }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `ipcoop_csrf=${token}` },
      });
      expect(response.status, `POST ${path}`).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/en\/sign-in/);
    }
  });

  it('keeps drafts from the Secretariat until submitted, and "My reports" for reporters only', async () => {
    const draftPage = await app.request(`/en/drafting/reports/${draftId}`, {
      headers: { Cookie: secretariat.cookie },
    });
    expect(draftPage.status).toBe(403);
    const mine = await app.request('/en/drafting', { headers: { Cookie: secretariat.cookie } });
    expect(mine.status).toBe(403);
    // The published report is readable, read-only.
    const published = await app.request('/en/drafting/reports/1', {
      headers: { Cookie: secretariat.cookie },
    });
    expect(published.status).toBe(200);
    expect(await published.text()).not.toContain('/narrative"');
  });

  it('offers reporters the link on their workspace, and only them', async () => {
    const reporter = await (
      await app.request('/fr/workspace', { headers: { Cookie: canada.cookie } })
    ).text();
    expect(reporter).toContain('href="/fr/drafting"');
    expect(reporter).toContain('Rapports au titre des articles 67 et 66:2');
    const other = await (
      await app.request('/en/workspace', { headers: { Cookie: secretariat.cookie } })
    ).text();
    expect(other).not.toContain('href="/en/drafting"');
  });

  it('answers 404 for a report that does not exist, and never caches drafting pages', async () => {
    const missing = await app.request('/en/drafting/reports/999999', { headers: { Cookie: canada.cookie } });
    expect(missing.status).toBe(404);
    const page = await app.request(`/en/drafting/reports/${draftId}`, { headers: { Cookie: canada.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
  });
});
