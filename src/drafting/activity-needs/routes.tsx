import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { actorOf } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { formList, idParam, positiveId, readForm, redirectAfterPost } from '../../http/request.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { isEditable } from '../../reports/lifecycle/status.ts';
import { LockedPage } from '../components.tsx';
import type { ReportHeader } from '../report.ts';
import { activityIdOf, reportForRequest } from '../request-guards.tsx';
import { activityNeedsText } from './messages.ts';
import { activityNeedsView, linkNeeds, unlinkNeed } from './service.ts';
import { ActivityNeedsPage } from './views.tsx';

const doneKeys = { linked: 'linkedNotice', unlinked: 'unlinkedNotice' } as const;

/**
 * The needs an activity of a draft addresses: its reporters link and unlink them while the
 * report is editable (the Secretariat reads them once it is handed over). Part of the draft.
 */
export function activityNeedsRoutes(db: Db, labels: () => Promise<ReferenceLabels>, reportPath: string) {
  const app = new Hono();
  const path = `${reportPath}/activities/:activityId{[0-9]+}/needs`;

  async function show(
    c: Context,
    report: ReportHeader,
    status: 200 | 400 = 200,
    error?: string,
  ): Promise<Response> {
    const page = pageContext(c);
    const words = c.req.query('q')?.trim().slice(0, 200) ?? '';
    const view = await activityNeedsView(db, report.id, activityIdOf(c), words);
    if (!view) throw new HTTPException(404, { message: 'no such activity in this report' });
    const done = c.req.query('done');
    const notice =
      done && done in doneKeys
        ? activityNeedsText(page.lang)(doneKeys[done as keyof typeof doneKeys])
        : undefined;
    return c.html(
      <ActivityNeedsPage
        page={page}
        labels={await labels()}
        reportId={report.id}
        view={view}
        words={words}
        editable={isEditable(report)}
        notice={notice}
        error={error}
      />,
      status,
    );
  }

  const locked = async (c: Context, current: ReportHeader) =>
    c.html(<LockedPage page={pageContext(c)} labels={await labels()} report={current} />, 409);

  app.get(path, async (c) => {
    const { report } = await reportForRequest(c, db, labels, 'read');
    return show(c, report);
  });

  app.post(path, async (c) => {
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const needIds = formList(await readForm(c), 'need').map((value) => positiveId(value) ?? 0);
    const result = await linkNeeds(db, actorOf(account), report, activityIdOf(c), needIds);
    if (!result) throw new HTTPException(404, { message: 'no such activity in this report' });
    if (!result.ok) {
      if (result.reason === 'locked') return locked(c, result.current);
      return show(c, report, 400, activityNeedsText(pageContext(c).lang)('notLinkable'));
    }
    return redirectAfterPost(c, new URL(c.req.url).pathname, 'linked');
  });

  app.post(`${path}/:needId{[0-9]+}/unlink`, async (c) => {
    const { account, report } = await reportForRequest(c, db, labels, 'edit');
    const result = await unlinkNeed(db, actorOf(account), report, activityIdOf(c), idParam(c, 'needId'));
    if (!result) throw new HTTPException(404, { message: 'no such link' });
    if (!result.ok) return locked(c, result.current);
    const back = new URL(c.req.url).pathname.replace(/\/[0-9]+\/unlink$/, '');
    return redirectAfterPost(c, back, 'unlinked');
  });

  return app;
}
