import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../activities/schema.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { freezePublishedReports } from './freeze.ts';
import { reportActivities, reports } from './schema.ts';

describe('freezing published reports before their live rows change', () => {
  let database: Database;
  let reportId: number;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    reportId = (await seedDemo(database.db)).reportId;
  });
  afterAll(() => database.close());

  it('stores the snapshot of each published report listing the activity, once', async () => {
    const [row] = await database.db
      .select({ activityId: reportActivities.activityId })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId))
      .limit(1);
    const activityId = row?.activityId as number;
    const [title] = await database.db
      .select({ title: activities.title })
      .from(activities)
      .where(eq(activities.id, activityId));
    expect(await freezePublishedReports(database.db, { activityIds: [activityId] })).toEqual([reportId]);
    expect(await freezePublishedReports(database.db, { activityIds: [activityId] })).toEqual([]);

    await database.db
      .update(activities)
      .set({ title: { en: 'Renamed after publication' } })
      .where(eq(activities.id, activityId));
    const page = await (await createApp(database).request(`/en/reports/${reportId}`)).text();
    expect(page).not.toContain('Renamed after publication');
    expect(page).toContain(title?.title.en as string);
    const [report] = await database.db
      .select({ snapshot: reports.snapshot })
      .from(reports)
      .where(eq(reports.id, reportId));
    expect(report?.snapshot).not.toBeNull();
  });
});
