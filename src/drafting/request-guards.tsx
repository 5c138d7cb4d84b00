import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requirePermission, requireSignedIn } from '../accounts/guard.ts';
import type { Account } from '../accounts/service.ts';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { idParam, positiveId } from '../http/request.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { canReadReportDraft, isReporterOf } from '../reports/lifecycle/access.ts';
import { isEditable } from '../reports/lifecycle/status.ts';
import { LockedPage } from './components.tsx';
import { type ReportHeader, reportHeader } from './report.ts';

/** What a drafting route may do with the report in its path. */
export type ReportAccessRule =
  /** Read it: its reporters, or the Secretariat once it is handed over. */
  | 'read'
  /** Act as its reporter whatever its status (template, revisions). */
  | 'reporter'
  /** Change it: its reporter, while it is a draft or returned. */
  | 'edit';

/**
 * The signed-in account and the report of the path, or the request ends: 303 to sign in, 404 for
 * no such report, 403 for someone else's report, 409 (with a page saying why) for a report that
 * can no longer be changed.
 */
export async function reportForRequest(
  c: Context,
  db: Db,
  labels: () => Promise<ReferenceLabels>,
  rule: ReportAccessRule,
): Promise<{ account: Account; report: ReportHeader }> {
  const { account } = requireSignedIn(c);
  const id = positiveId(c.req.param('id') ?? '');
  const report = id ? await reportHeader(db, id) : null;
  if (!report) throw new HTTPException(404, { message: 'no such report' });
  requirePermission(rule === 'read' ? canReadReportDraft(account, report) : isReporterOf(account, report));
  if (rule === 'edit' && !isEditable(report)) {
    const res = await c.html(
      <LockedPage page={pageContext(c)} labels={await labels()} report={report} />,
      409,
    );
    throw new HTTPException(409, { res });
  }
  return { account, report };
}

/** The activity id of the path; past PostgreSQL's integers there is no such activity (404). */
export const activityIdOf = (c: Context): number => idParam(c, 'activityId');
