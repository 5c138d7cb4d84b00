import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { problemJson } from '../http/problem.ts';
import { activityFilters, getActivity, listActivities } from './service.ts';

export function activityRoutes(db: Db) {
  const app = new Hono();

  app.get('/api/v1/activities', async (c) => {
    const parsed = activityFilters.safeParse(c.req.query());
    if (!parsed.success) {
      return problemJson(
        c,
        400,
        'Some filters are not valid.',
        parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      );
    }
    return c.json(await listActivities(db, parsed.data));
  });

  app.get('/api/v1/activities/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1)
      return problemJson(c, 400, 'The activity id must be a positive whole number.');
    const activity = await getActivity(db, id);
    return activity ? c.json(activity) : problemJson(c, 404, `There is no activity ${id}.`);
  });

  return app;
}
