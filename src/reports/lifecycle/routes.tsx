import { Hono } from 'hono';
import type { Db } from '../../db/database.ts';
import { BadRequestPage, NotFoundPage } from '../../http/error-pages.tsx';
import { pageContext } from '../../http/page-context.ts';
import { positiveId } from '../../http/request.ts';
import { formatPeriod } from '../../i18n/format.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import type { ReportVersion } from '../service.ts';
import { versionText } from './messages.ts';
import { compareVersions } from './service.ts';
import { revisionLabel } from './status.ts';
import { ChangesPage } from './views.tsx';

/** The public pages of a report's versions (under /{lang}). */
export function versionRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  // Two published versions of one report compared; by default this version against the one before.
  app.get('/:lang{(?:en|fr|es)}/reports/:id{[0-9]+}/changes', async (c) => {
    const page = pageContext(c);
    const id = positiveId(c.req.param('id'));
    const asked = (name: string) => {
      const value = c.req.query(name);
      return value === undefined ? undefined : positiveId(value);
    };
    const compared = id ? await compareVersions(db, id, { from: asked('from'), to: asked('to') }) : null;
    if (!compared || (!compared.ok && compared.reason === 'notFound'))
      return c.html(<NotFoundPage page={page} />, 404);
    if (!compared.ok) {
      const message = versionText(page.lang)('changesInvalid');
      return c.html(<BadRequestPage page={page} errors={[{ field: 'from, to', message }]} />, 400);
    }
    const { from, to, after, diff } = compared;
    const referenceLabels = await labels();
    const label = (v: ReportVersion) => revisionLabel(page.lang, v.revisionKind, v.revisionNumber);
    return c.html(
      <ChangesPage
        page={page}
        labels={referenceLabels}
        reportName={page.t('reportOf', {
          ofParty: referenceLabels.partyIn(after.reportingPartyCode, page.lang, 'of'),
          period: formatPeriod(after.periodStart, after.periodEnd),
        })}
        from={{ id: from.id, label: label(from), symbol: from.symbol }}
        to={{ id: to.id, label: label(to), symbol: to.symbol }}
        diff={diff}
        narrativeLang={after.originalLanguage}
      />,
    );
  });

  return app;
}
