import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import { positiveId } from '../http/request.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { activityDetail } from './detail.ts';
import { ActivityPage } from './views.tsx';

/** The public activity page ("click for more information"). */
export function activityPages(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  app.get('/:lang{(?:en|fr|es)}/activities/:id', async (c) => {
    const page = pageContext(c);
    const raw = c.req.param('id');
    const id = positiveId(raw);
    const activity = id ? await activityDetail(db, id) : null;
    if (!activity) return c.html(<NotFoundPage page={page} />, 404);
    return c.html(
      <ActivityPage
        page={page}
        labels={await labels()}
        activity={activity}
        allLanguages={c.req.query('languages') === 'all'}
      />,
    );
  });
  return app;
}
