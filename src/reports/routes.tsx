import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { problemJson } from '../http/problem.ts';
import { getReport, listReports } from './service.ts';
import { HomePage } from './views.tsx';

export function reportRoutes(db: Db) {
  const app = new Hono();

  app.get('/', async (c) => {
    const summaries = await listReports(db);
    const details = await Promise.all(summaries.map((summary) => getReport(db, summary.id)));
    return c.html(<HomePage reports={details.filter((d) => d !== null)} />);
  });

  app.get('/api/v1/reports', async (c) => c.json({ items: await listReports(db) }));

  app.get('/api/v1/reports/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1)
      return problemJson(c, 400, 'The report id must be a positive whole number.');
    const report = await getReport(db, id);
    return report ? c.json(report) : problemJson(c, 404, `There is no report ${id}.`);
  });

  return app;
}
