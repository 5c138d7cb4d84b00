import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { parties } from '../reference/schema.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { exactJsonSurfaces, publicSurfaces } from '../testing/public-surfaces.ts';
import { activities, activityBeneficiaries } from './schema.ts';
import { refreshActivitySearch } from './search-index.ts';

const secret = 'SECRETDRAFTXYZ';

const publicPaths = publicSurfaces(secret);

/** The key figure "N activities" of the home page. */
const activityFigure = (html: string) => {
  const match = /<strong>([\d,]+)<\/strong> activities<\/li>/.exec(html);
  if (!match?.[1]) throw new Error('the home page shows no activity count');
  return Number(match[1].replaceAll(',', ''));
};

describe.each(testBackends)('activities only in drafts stay out of public view (%s database)', (backend) => {
  let database: Database;
  let draftId: number;
  let reportId: number;
  let publicCanadaId: number;
  /** Each public address as it read before the draft existed. */
  const before = new Map<string, { status: number; text: string }>();

  // A fresh app each time: the home page and the bare search page cache their figures.
  const read = async (path: string) => {
    const response = await createApp(database).request(path);
    return { status: response.status, text: await response.text() };
  };
  const json = async (path: string) => JSON.parse((await read(path)).text);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    const demo = await seedDemo(db);
    const [listed] = await db
      .select({ id: reportActivities.activityId })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, demo.reportId))
      .limit(1);
    publicCanadaId = listed?.id ?? 0;
    for (const path of publicPaths) before.set(path, await read(path));

    const [nepal] = await db.select().from(parties).where(eq(parties.code, 'NPL'));
    const nepalRegion = nepal?.subregionCode ?? nepal?.regionCode;
    if (!nepalRegion) throw new Error('Nepal has no region in the reference data');
    const [report] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        originalLanguage: 'en',
        source: 'test',
        status: 'draft',
      })
      .returning({ id: reports.id });
    reportId = report?.id ?? 0;
    const [activity] = await db
      .insert(activities)
      .values({
        donorPartyCode: 'CAN',
        title: { en: `${secret} patent office modernisation` },
        description: { en: `${secret} description` },
        originalLanguage: 'en',
        startDate: '2023-05-01',
        startPrecision: 'month',
        ipAreas: ['patents'],
        activityType: 'training',
        level: 'bilateral',
        status: 'ongoing',
        contactName: secret,
        source: 'test',
        isPublic: false,
      })
      .returning({ id: activities.id });
    draftId = activity?.id ?? 0;
    await db.insert(activityBeneficiaries).values([
      { activityId: draftId, position: 1, kind: 'party', partyCode: 'NPL', nameAsWritten: 'Nepal' },
      { activityId: draftId, position: 2, kind: 'region', regionCode: nepalRegion, nameAsWritten: 'Region' },
    ]);
    await db
      .insert(reportActivities)
      .values({ reportId, activityId: draftId, rowNumber: 1, origin: 'manual' });
    await refreshActivitySearch(db, [draftId]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows neither the draft nor its effects on any public page, list, count or download', async () => {
    for (const path of publicPaths) {
      const now = await read(path);
      expect(now.status, path).toBe(before.get(path)?.status);
      // A page that echoes the query must read exactly as before the draft existed.
      if (path.includes(secret)) expect(now.text, path).toBe(before.get(path)?.text);
      else expect(now.text, path).not.toContain(secret);
    }
  });

  it('leaves party profiles, facet counts, key figures and lists exactly as they were', async () => {
    for (const path of exactJsonSurfaces) {
      const then = JSON.parse(before.get(path)?.text ?? 'null');
      const now = await json(path);
      if (path.includes('format=json')) {
        delete then.generatedAt;
        delete now.generatedAt;
      }
      expect(now, path).toEqual(then);
    }
    expect(activityFigure((await read('/en/')).text)).toBe(activityFigure(before.get('/en/')?.text ?? ''));
    for (const path of ['/en/parties/NPL', '/en/parties/CAN', '/en/', '/en/reports/feed.atom']) {
      expect((await read(path)).text, path).toBe(before.get(path)?.text);
    }
    expect((await json(`/api/v1/activities?q=${secret}`)).total).toBe(0);
  });

  it('answers 404 for the draft activity itself and keeps it out of related activities', async () => {
    expect((await read(`/api/v1/activities/${draftId}`)).status).toBe(404);
    expect((await read(`/en/activities/${draftId}`)).status).toBe(404);
    expect((await read(`/en/reports/${reportId}`)).status).toBe(404);
    const related = await read(`/en/activities/${publicCanadaId}`);
    expect(related.status).toBe(200);
    expect(related.text).not.toContain(secret);
    const api = await json(`/api/v1/activities/${publicCanadaId}`);
    expect(api.related.map((row: { id: number }) => row.id)).not.toContain(draftId);
  });

  it('shows it everywhere once its report is published', async () => {
    const { db } = database;
    const figureBefore = activityFigure(before.get('/en/')?.text ?? '');
    await db.update(activities).set({ isPublic: true }).where(eq(activities.id, draftId));
    await db
      .update(reports)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(reports.id, reportId));
    await refreshActivitySearch(db, [draftId]);

    expect((await read('/en/parties/NPL')).text).toContain(secret);
    expect((await read('/en/parties/CAN')).text).not.toBe(before.get('/en/parties/CAN')?.text);
    const nepal = await json('/api/v1/parties/NPL');
    expect(nepal.profile.asBeneficiary.activities.map((row: { id: number }) => row.id)).toContain(draftId);
    const canada = await json('/api/v1/parties/CAN');
    const canadaBefore = JSON.parse(before.get('/api/v1/parties/CAN')?.text ?? '{}');
    expect(canada.profile.asDonor.total).toBe(canadaBefore.profile.asDonor.total + 1);
    expect(activityFigure((await read('/en/')).text)).toBe(figureBefore + 1);
    expect((await read(`/en/search?q=${secret}`)).text).toContain(secret);
    expect((await json(`/api/v1/activities?q=${secret}`)).total).toBe(1);
    expect((await read('/api/v1/activities?format=csv&beneficiary=NPL')).text).toContain(secret);
    expect((await read(`/api/v1/activities/${draftId}`)).status).toBe(200);
    expect((await read(`/en/activities/${draftId}`)).status).toBe(200);
    const facets = await json('/api/v1/activities/facets?beneficiary=NPL');
    const facetsBefore = JSON.parse(before.get('/api/v1/activities/facets?beneficiary=NPL')?.text ?? '{}');
    expect(facets.total).toBe(facetsBefore.total + 1);
  });
});
