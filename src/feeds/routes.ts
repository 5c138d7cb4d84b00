import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { listPublishedReportsForFeed, reportsAtomFeed } from './atom.ts';
import { feedFilters } from './filters.ts';

/** The Atom feed of published reports. Mounted before the report pages: /reports/feed.atom is not a report id. */
export function feedRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  // Before /reports/:id. Filters: ?reporter=CAN&beneficiary=CRI.
  app.get('/:lang{(?:en|fr|es)}/reports/feed.atom', async (c) => {
    const { lang } = pageContext(c);
    const filters = feedFilters.safeParse(c.req.query());
    if (!filters.success) {
      return problemJson(
        c,
        400,
        'Some filters are not valid.',
        filters.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      );
    }
    const reports = await listPublishedReportsForFeed(db, filters.data);
    const xml = reportsAtomFeed({
      reports,
      labels: await labels(),
      lang,
      baseUrl: new URL(c.req.url).origin,
      filters: filters.data,
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  return app;
}
