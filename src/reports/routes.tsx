import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { BadRequestPage, NotFoundPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { positiveId } from '../http/request.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { diffSnapshots } from '../review/diff.ts';
import { versionText } from '../review/messages.ts';
import { revisionLabel } from '../review/service.ts';
import { asPublished, previousVersion, versionSnapshot } from '../review/versions.ts';
import { ChangesPage } from '../review/views-changes.tsx';
import { getReport, listReports, type ReportVersion, reportVersions } from './service.ts';
import { ReportPage, ReportsListPage } from './views.tsx';

/** Public report pages (under /{lang}) and the reports API; only published reports are public. */
export function reportRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/reports', async (c) => {
    const page = pageContext(c);
    return c.html(
      <ReportsListPage
        page={page}
        labels={await labels()}
        reports={await listReports(db, { published: true })}
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

  // Two published versions of one report compared; by default this version against the one before.
  app.get('/:lang{(?:en|fr|es)}/reports/:id{[0-9]+}/changes', async (c) => {
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const versions = id ? await reportVersions(db, id) : [];
    if (!id || !versions.some((version) => version.id === id))
      return c.html(<NotFoundPage page={page} />, 404);
    const pick = (name: string, fallback: number | undefined) => {
      const asked = c.req.query(name);
      const wanted = asked === undefined ? fallback : positiveId(asked);
      return versions.find((version) => version.id === wanted) ?? null;
    };
    const to = pick('to', id);
    const from = pick('from', to ? previousVersion(versions, to.id)?.id : undefined);
    const [before, after] =
      from && to && from.id !== to.id
        ? await Promise.all([versionSnapshot(db, from.id), versionSnapshot(db, to.id)])
        : [null, null];
    if (!from || !to || !before || !after) {
      const message = versionText(page.lang)('changesInvalid');
      return c.html(<BadRequestPage page={page} errors={[{ field: 'from, to', message }]} />, 400);
    }
    const referenceLabels = await labels();
    const label = (v: ReportVersion) => revisionLabel(page.lang, v.revisionKind, v.revisionNumber);
    return c.html(
      <ChangesPage
        page={page}
        labels={referenceLabels}
        reportName={page.t('reportOf', {
          party: referenceLabels.partyName(after.reportingPartyCode, page.lang),
          period: formatPeriod(after.periodStart, after.periodEnd),
        })}
        from={{ id: from.id, label: label(from), symbol: from.symbol }}
        to={{ id: to.id, label: label(to), symbol: to.symbol }}
        diff={diffSnapshots(before, after)}
        narrativeLang={after.originalLanguage}
      />,
    );
  });

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
