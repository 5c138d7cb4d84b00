import { type Context, Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { problemJson } from '../http/problem.ts';
import { countActivityFacets } from './facets.ts';
import { type ActivityFilters, activityFilters, getActivity, listActivities } from './service.ts';

/** The filters of the query string, or the 400 problem document that says what is wrong. */
function parseFilters(c: Context): { filters: ActivityFilters } | { problem: Response } {
  const parsed = activityFilters.safeParse(c.req.query());
  if (parsed.success) return { filters: parsed.data };
  return {
    problem: problemJson(
      c,
      400,
      'Some filters are not valid.',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    ),
  };
}

export function activityRoutes(db: Db) {
  const app = new Hono();

  app.get('/api/v1/activities', async (c) => {
    const parsed = parseFilters(c);
    if ('problem' in parsed) return parsed.problem;
    return c.json(await listActivities(db, parsed.filters));
  });

  // Before /:id, which would otherwise take "facets" for an id.
  app.get('/api/v1/activities/facets', async (c) => {
    const parsed = parseFilters(c);
    if ('problem' in parsed) return parsed.problem;
    return c.json(await countActivityFacets(db, parsed.filters));
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
