import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { publishedNeeds } from '../needs/service.ts';
import { listOffers } from '../offers/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { listPublishedReportsForFeed, reportsAtomFeed } from './atom.ts';
import { cooperationAtomFeed, cooperationFeedFilters, narrowCooperation } from './cooperation.ts';
import { feedFilters } from './filters.ts';

const feedCss = readFileSync(new URL('./feed.css', import.meta.url), 'utf8');

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
    // Browsers show application/atom+xml as plain text; as application/xml they apply the feed's
    // stylesheet. The document is the same Atom either way; feed readers get the Atom type.
    const browser = (c.req.header('accept') ?? '').includes('text/html');
    c.header('Vary', 'Accept');
    return c.body(xml, 200, {
      'Content-Type': `${browser ? 'application/xml' : 'application/atom+xml'}; charset=utf-8`,
    });
  });

  // New needs and offers. Filters: ?area=trademarks&region=002 (a region or grouping such as LDC).
  app.get('/:lang{(?:en|fr|es)}/needs/feed.atom', async (c) => {
    const { lang } = pageContext(c);
    const filters = cooperationFeedFilters.safeParse(c.req.query());
    if (!filters.success) {
      return problemJson(
        c,
        400,
        'Some filters are not valid.',
        filters.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      );
    }
    const all = await labels();
    const kept = narrowCooperation(all, await publishedNeeds(db), await listOffers(db), filters.data);
    const xml = cooperationAtomFeed({
      ...kept,
      labels: all,
      lang,
      baseUrl: new URL(c.req.url).origin,
      filters: filters.data,
    });
    const browser = (c.req.header('accept') ?? '').includes('text/html');
    c.header('Vary', 'Accept');
    return c.body(xml, 200, {
      'Content-Type': `${browser ? 'application/xml' : 'application/atom+xml'}; charset=utf-8`,
    });
  });

  app.get('/static/feed.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(feedCss, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  return app;
}
