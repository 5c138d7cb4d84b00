import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { positiveId } from '../http/request.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { isReportKind } from './incentives/taxonomy.ts';
import { versionRoutes } from './lifecycle/routes.tsx';
import { asPublished } from './lifecycle/service.ts';
import { getReport, listReports } from './service.ts';
import { ReportPage, ReportsListPage } from './views.tsx';

/** Public report pages (under /{lang}) and the reports API; only published reports are public. */
export function reportRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/reports', async (c) => {
    const page = pageContext(c);
    // "Kind of report": Art. 67 or Art. 66.2; an unknown value shows both.
    const typed = c.req.query('kind');
    const kind = isReportKind(typed) ? typed : undefined;
    return c.html(
      <ReportsListPage
        page={page}
        labels={await labels()}
        reports={await listReports(db, { published: true, ...(kind ? { kind } : {}) })}
        kind={kind}
      />,
    );
  });

  app.get('/:lang{(?:en|fr|es)}/reports/:id', async (c) => {
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const report = id ? await getReport(db, id) : null;
    if (report?.status !== 'published') return c.html(<NotFoundPage page={page} />, 404);
    return c.html(<ReportPage page={page} labels={await labels()} report={await asPublished(db, report)} />);
  });

  app.route('/', versionRoutes(db, labels));

  app.get('/api/v1/reports', async (c) => c.json({ items: await listReports(db, { published: true }) }));

  app.get('/api/v1/reports/:id', async (c) => {
    const id = positiveId(c.req.param('id'));
    if (!id) return problemJson(c, 400, 'The report id must be a positive whole number.');
    const report = await getReport(db, id);
    return report && report.status === 'published'
      ? c.json(await asPublished(db, report))
      : problemJson(c, 404, `There is no report ${id}.`);
  });

  return app;
}
