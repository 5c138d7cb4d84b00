import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openServerTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportActivities, reports } from '../reports/schema.ts';

const secret = 'FRESHFIGUREQZX';

/** The key figure "N activities" (EN) or "N activités" (FR) of the home page. */
const activityFigure = (html: string, word: 'activities' | 'activités') => {
  const match = new RegExp(`<strong>([\\d,\\s\u202f\u00a0]+)</strong> ${word}</li>`).exec(html);
  if (!match?.[1]) throw new Error(`the home page shows no "${word}" count`);
  return Number(match[1].replace(/[^\d]/g, ''));
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks again until `check` holds; the last answer decides (a bound, not a measure of speed). */
async function eventually(check: () => Promise<boolean>, attempts = 200): Promise<boolean> {
  for (let n = 0; n < attempts; n++) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

/**
 * Two app processes on one PostgreSQL database (each its own pool and caches): a publication in
 * one shows on the home page, party pages and facets of both, without waiting for a cache to age.
 */
describe('public figures follow a publication in every app process (server database)', () => {
  let publisherDb: Database;
  let otherDb: Database;
  let publisher: ReturnType<typeof createApp>;
  let other: ReturnType<typeof createApp>;
  let secretariat: TestSession;
  let reportId: number;
  const figuresBefore = { en: 0, fr: 0, facets: 0 };

  const text = async (app: ReturnType<typeof createApp>, path: string) => (await app.request(path)).text();
  const facetTotal = async (app: ReturnType<typeof createApp>) =>
    ((await (await app.request('/api/v1/activities/facets')).json()) as { total: number }).total;

  beforeAll(async () => {
    [publisherDb, otherDb] = (await openServerTestDatabase(2)) as [Database, Database];
    const { db } = publisherDb;
    await seedDemo(db);
    secretariat = await testSession(db, 'secretariat@wto.example', 'secretariat');
    const [report] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        originalLanguage: 'en',
        status: 'submitted',
        submittedAt: new Date(),
        source: 'test',
      })
      .returning({ id: reports.id });
    reportId = report?.id ?? 0;
    const [activity] = await db
      .insert(activities)
      .values({
        donorPartyCode: 'CAN',
        title: { en: `${secret} examiners' course` },
        originalLanguage: 'en',
        startDate: '2023-05-01',
        startPrecision: 'month',
        source: 'test',
        isPublic: false,
      })
      .returning({ id: activities.id });
    const activityId = activity?.id ?? 0;
    await db
      .insert(activityBeneficiaries)
      .values({ activityId, position: 1, kind: 'party', partyCode: 'NPL', nameAsWritten: 'Nepal' });
    await db.insert(reportActivities).values({ reportId, activityId, rowNumber: 1, origin: 'manual' });
    await refreshActivitySearch(db, [activityId]);

    publisher = createApp(publisherDb);
    other = createApp(otherDb);
    // Both processes have read (and cached) the figures before the publication.
    for (const app of [publisher, other]) {
      figuresBefore.en = activityFigure(await text(app, '/en/'), 'activities');
      figuresBefore.fr = activityFigure(await text(app, '/fr/'), 'activités');
      figuresBefore.facets = await facetTotal(app);
      expect(await text(app, '/en/parties/NPL')).not.toContain(secret);
      expect(await text(app, '/en/search')).not.toContain(secret);
    }
    expect(figuresBefore.fr).toBe(figuresBefore.en);
  });
  afterAll(async () => {
    await publisherDb?.close();
  });

  it('shows the publication on the next request of the process that published it', async () => {
    const response = await publisher.request(
      `/en/secretariat/reports/${reportId}/publish`,
      formRequest(secretariat, { circulation_date: '2024-02-01', symbol: 'IP/C/R/TC/CAN/7' }),
    );
    expect(response.status).toBe(303);
    expect(activityFigure(await text(publisher, '/en/'), 'activities')).toBe(figuresBefore.en + 1);
    expect(activityFigure(await text(publisher, '/fr/'), 'activités')).toBe(figuresBefore.fr + 1);
    expect(await text(publisher, '/en/')).toContain(`/en/reports/${reportId}"`);
    expect(await facetTotal(publisher)).toBe(figuresBefore.facets + 1);
    expect(await text(publisher, '/en/parties/NPL')).toContain(secret);
  });

  it('shows it in the other process too, without waiting for its caches to age', async () => {
    const caughtUp = await eventually(
      async () =>
        activityFigure(await text(other, '/en/'), 'activities') === figuresBefore.en + 1 &&
        activityFigure(await text(other, '/fr/'), 'activités') === figuresBefore.fr + 1 &&
        (await facetTotal(other)) === figuresBefore.facets + 1,
    );
    expect(caughtUp).toBe(true);
    expect(await text(other, '/en/')).toContain(`/en/reports/${reportId}"`);
    expect(await text(other, '/fr/parties/NPL')).toContain(secret);
    expect(await text(other, `/en/search?q=${secret}`)).toContain(`/en/activities/`);
  });
});
