import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationText } from '../accounts/notifications.ts';
import { notify } from '../accounts/notifications.ts';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { formatPeriod } from '../i18n/format.ts';
import { type Language, languages } from '../i18n/languages.ts';
import { translator } from '../i18n/translate.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { ReportFormat, ReportKind } from '../reports/incentives/taxonomy.ts';
import { type RevisionKind, revisionLabel } from '../reports/lifecycle/status.ts';
import { reportActivities, reportComments, reportSubmissions, reports } from '../reports/schema.ts';
import { reviewText } from './messages.ts';

/** Why the Secretariat cannot act on a report now (answered with 409). */
export class ReviewConflict extends Error {
  constructor(
    readonly reason: 'notSubmitted' | 'originalWithoutSymbol' | 'originalNotPublished' | 'symbolNotNeeded',
    readonly status: string,
  ) {
    super(reason);
  }
}

export type QueueItem = {
  id: number;
  reportingPartyCode: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  revisionKind: RevisionKind;
  revisionNumber: number;
  submittedAt: Date | null;
  activityCount: number;
};

const activityCount = sql<number>`(select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id})`;

/** Submitted reports and revisions, the longest waiting first. */
export async function reviewQueue(db: Db): Promise<QueueItem[]> {
  return db
    .select({
      id: reports.id,
      reportingPartyCode: reports.reportingPartyCode,
      kind: reports.kind,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
      submittedAt: reports.submittedAt,
      activityCount,
    })
    .from(reports)
    .where(eq(reports.status, 'submitted'))
    .orderBy(sql`${reports.submittedAt} asc nulls first`, asc(reports.id));
}

export type ReviewComment = {
  field: string;
  body: string;
  createdAt: Date;
  author: string | null;
  /** The reporter's answer, if any. */
  reply: string | null;
  /** The review round the comment was made in (1 = after the first submission). */
  round: number;
};

export type ReviewReport = {
  id: number;
  reportingPartyCode: string;
  kind: ReportKind;
  format: ReportFormat | null;
  periodStart: string;
  periodEnd: string;
  status: string;
  symbol: string | null;
  revisionOf: number | null;
  revisionKind: RevisionKind;
  revisionNumber: number;
  submittedAt: Date | null;
  narrative: string[];
  originalLanguage: Language;
  /** Row number → activity, for the per-programme comment boxes. */
  programmes: Array<{ rowNumber: number; activityId: number }>;
  comments: ReviewComment[];
  /** How many times it was handed to the Secretariat (with a snapshot each time). */
  rounds: number;
};

/** A report as the Secretariat reviews it, with the comments made so far; null if none. */
export async function loadReviewReport(db: Db, id: number): Promise<ReviewReport | null> {
  const [report] = await db.select().from(reports).where(eq(reports.id, id));
  if (!report) return null;
  const [programmes, comments, submissions] = await Promise.all([
    db
      .select({ rowNumber: reportActivities.rowNumber, activityId: reportActivities.activityId })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, id))
      .orderBy(asc(reportActivities.rowNumber)),
    db
      .select({
        field: reportComments.field,
        body: reportComments.body,
        createdAt: reportComments.createdAt,
        author: users.email,
        reply: reportComments.reply,
      })
      .from(reportComments)
      .leftJoin(users, eq(users.id, reportComments.authorId))
      .where(eq(reportComments.reportId, id))
      .orderBy(asc(reportComments.createdAt), asc(reportComments.id)),
    db
      .select({ round: reportSubmissions.round, submittedAt: reportSubmissions.submittedAt })
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, id))
      .orderBy(asc(reportSubmissions.round)),
  ]);
  // A comment belongs to the round whose submission it answered: the last one made before it.
  const roundOf = (at: Date) =>
    submissions.filter((submission) => submission.submittedAt <= at).at(-1)?.round ?? 1;
  return {
    id: report.id,
    reportingPartyCode: report.reportingPartyCode,
    kind: report.kind,
    format: report.format,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    status: report.status,
    symbol: report.symbol,
    revisionOf: report.revisionOf,
    revisionKind: report.revisionKind,
    revisionNumber: report.revisionNumber,
    submittedAt: report.submittedAt,
    narrative: report.narrative,
    originalLanguage: report.originalLanguage,
    programmes,
    comments: comments.map((comment) => ({ ...comment, round: roundOf(comment.createdAt) })),
    rounds: submissions.length,
  };
}

export const maxCommentLength = 5000;

export type CommentInput = { field: string; body: string };
export type CommentProblem = { field: string; problem: 'required' | 'tooLong' };

/**
 * The comments of a return form: comment_general, comment_narrative and comment_activity_<id> for
 * the report's own activities only; blank boxes are skipped. At least one is needed.
 */
export function commentsFromForm(
  form: Record<string, unknown>,
  activityIds: number[],
): { comments: CommentInput[]; problems: CommentProblem[] } {
  const boxes: Array<[name: string, field: string]> = [
    ['comment_general', 'general'],
    ['comment_narrative', 'narrative'],
    ...activityIds.map((id): [string, string] => [`comment_activity_${id}`, `activity:${id}`]),
  ];
  const comments: CommentInput[] = [];
  const problems: CommentProblem[] = [];
  for (const [name, field] of boxes) {
    const value = form[name];
    const body = (typeof value === 'string' ? value : '').replace(/\r\n?/g, '\n').trim();
    if (body === '') continue;
    if (body.length > maxCommentLength) problems.push({ field: name, problem: 'tooLong' });
    comments.push({ field, body });
  }
  if (comments.length === 0) problems.push({ field: 'comment_general', problem: 'required' });
  return { comments, problems };
}

/** Active accounts reporting for the party: the people told about a return or a publication. */
export async function reporterIds(db: Db, partyCode: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'reporter'), eq(userRoles.partyCode, partyCode), isNull(users.disabledAt)));
  return rows.map((row) => row.id);
}

export const inEveryLanguage = (write: (lang: Language) => string) =>
  Object.fromEntries(languages.map((lang) => [lang, write(lang)])) as NotificationText;

type Describable = Pick<
  ReviewReport,
  'reportingPartyCode' | 'periodStart' | 'periodEnd' | 'revisionKind' | 'revisionNumber'
> & { kind?: ReportKind };

/** "Report of Canada, 2021–2022" (and "— Corrigendum 1") in every interface language, for notifications. */
export function reportNames(labels: ReferenceLabels, report: Describable): Record<Language, string> {
  const names = {} as Record<Language, string>;
  for (const lang of languages) {
    const t = translator(lang);
    const name = t(report.kind === 'art66-2' ? 'art66ReportOf' : 'reportOf', {
      ofParty: labels.partyIn(report.reportingPartyCode, lang, 'of'),
      period: formatPeriod(report.periodStart, report.periodEnd),
    });
    const revision = revisionLabel(lang, report.revisionKind, report.revisionNumber);
    names[lang] = report.revisionKind === 'original' ? name : `${name} — ${revision}`;
  }
  return names;
}

/** Locks the report row for the rest of the transaction and checks it awaits review. */
export async function lockSubmitted(db: Db, id: number) {
  const [report] = await db.select().from(reports).where(eq(reports.id, id)).for('update');
  if (!report) return null;
  if (report.status !== 'submitted') throw new ReviewConflict('notSubmitted', report.status);
  return report;
}

/**
 * Sends a submitted report back to its reporters with the Secretariat's comments. Returns what
 * to run once committed (mail), or null when there is no such report.
 */
export async function returnReport(
  db: Db,
  actor: Actor,
  id: number,
  comments: CommentInput[],
  labels: ReferenceLabels,
): Promise<(() => Promise<void>) | null> {
  return inTransaction(db, async (tx) => {
    const report = await lockSubmitted(tx, id);
    if (!report) return null;
    const inserted = await tx
      .insert(reportComments)
      .values(comments.map((comment) => ({ reportId: id, authorId: actor.userId, ...comment })))
      .returning();
    for (const comment of inserted) {
      await recordAudit(tx, actor, {
        action: 'create',
        table: 'report_comments',
        id: comment.id,
        after: comment,
      });
    }
    const [after] = await tx
      .update(reports)
      .set({ status: 'returned', updatedAt: sql`now()`, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, id))
      .returning({ status: reports.status, version: reports.version });
    await recordAudit(tx, actor, {
      action: 'return',
      table: 'reports',
      id,
      before: { status: report.status, version: report.version },
      after,
    });
    const names = reportNames(labels, report);
    const text = inEveryLanguage((lang) => reviewText(lang)('notifyReturned', { report: names[lang] }));
    return notify(tx, await reporterIds(tx, report.reportingPartyCode), text, `/drafting/reports/${id}`);
  });
}

/** Reports the Secretariat returned and their party has not resubmitted yet, the oldest first. */
export async function returnedReports(db: Db): Promise<QueueItem[]> {
  return db
    .select({
      id: reports.id,
      reportingPartyCode: reports.reportingPartyCode,
      kind: reports.kind,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
      submittedAt: reports.submittedAt,
      activityCount,
    })
    .from(reports)
    .where(eq(reports.status, 'returned'))
    .orderBy(sql`${reports.submittedAt} asc nulls first`, asc(reports.id));
}
