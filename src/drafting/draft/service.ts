import { and, asc, eq, gte, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import { notify } from '../../accounts/notifications.ts';
import { userRoles } from '../../accounts/roles-schema.ts';
import { users } from '../../accounts/schema.ts';
import { activities } from '../../activities/schema.ts';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type LocalizedText, touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import { type ActivityOrigin, renumberRows } from '../../reports/activity-list.ts';
import { reportSnapshot } from '../../reports/document/snapshot.ts';
import { freezePublishedReports } from '../../reports/freeze.ts';
import { reportIncentives } from '../../reports/incentives/schema.ts';
import { copyIncentives, type IncentiveRow, incentivesOfReport } from '../../reports/incentives/service.ts';
import { editableStatuses, type RevisionKind } from '../../reports/lifecycle/status.ts';
import {
  discardPendingEdit,
  pendingEditsOf,
  resultsOnReport,
  withPendingValues,
} from '../../reports/pending-edits.ts';
import type { PeriodPrecision } from '../../reports/period.ts';
import { draftSource } from '../../reports/provenance.ts';
import { reportActivities, reportComments, reportSubmissions, reports } from '../../reports/schema.ts';
import { type BeneficiaryView, beneficiariesOf } from '../../reports/service.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import { trainingEditions } from '../../training/schema.ts';
import {
  type Grouping,
  lockReportForChange,
  type ReportHeader,
  type ReportLocked,
  reportHeader,
} from '../report.ts';
import { type StalePeriodSentence, sentencesNamingPeriod } from './carry-forward.ts';

export type DraftRow = {
  rowNumber: number;
  activityId: number;
  origin: ActivityOrigin;
  title: LocalizedText;
  originalLanguage: Language;
  startDate: string | null;
  startPrecision: 'day' | 'month' | 'year' | null;
  isPublic: boolean;
  /** The year of the training edition the activity reports, if it is one. */
  trainingYear: number | null;
  /** A public activity this draft changed: the change waits for the report's publication. */
  pendingEdit: boolean;
  /** Carried forward without an end date, not yet kept by the reporter. */
  carriedUndated: boolean;
  beneficiaries: BeneficiaryView[];
  /** Result indicators as this draft has them (its pending version, else the stored ones). */
  results: ResultIndicator[];
};

export type DraftComment = {
  id: number;
  field: string;
  body: string;
  createdAt: Date;
  /** The reporter's answer, if one was written. */
  reply: string | null;
};

/** A published report of the same party whose period shares days with this one. */
export type OverlappingReport = {
  id: number;
  periodStart: string;
  periodEnd: string;
  periodPrecision: PeriodPrecision;
  symbol: string | null;
};

export type Draft = ReportHeader & {
  /** The period of the report it was carried forward from, for "carried forward from 2020–2021". */
  carriedFrom: { periodStart: string; periodEnd: string; periodPrecision: PeriodPrecision } | null;
  /** Published reports of the party (other than this one's own family) overlapping its period. */
  overlaps: OverlappingReport[];
  /** Sentences of the narrative still naming the period carried from, while it can be changed. */
  staleSentences: StalePeriodSentence[];
  rows: DraftRow[];
  /** An Art. 66.2 report's incentives in order; empty for Art. 67. */
  incentives: IncentiveRow[];
  /** Comments of the Secretariat not yet answered by a new submission. */
  comments: DraftComment[];
};

export async function loadDraft(db: Db, id: number): Promise<Draft | null> {
  const header = await reportHeader(db, id);
  if (!header) return null;
  const [carriedFrom] = header.carriedForwardFrom
    ? await db
        .select({
          periodStart: reports.periodStart,
          periodEnd: reports.periodEnd,
          periodPrecision: reports.periodPrecision,
        })
        .from(reports)
        .where(eq(reports.id, header.carriedForwardFrom))
    : [];
  const family = header.revisionOf ?? header.id;
  const overlaps = await db
    .select({
      id: reports.id,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      periodPrecision: reports.periodPrecision,
      symbol: reports.symbol,
    })
    .from(reports)
    .where(
      and(
        eq(reports.reportingPartyCode, header.reportingPartyCode),
        eq(reports.kind, header.kind),
        eq(reports.status, 'published'),
        eq(reports.revisionKind, 'original'),
        ne(reports.id, family),
        lte(reports.periodStart, header.periodEnd),
        gte(reports.periodEnd, header.periodStart),
      ),
    )
    .orderBy(asc(reports.periodStart));
  const rows = await db
    .select({
      rowNumber: reportActivities.rowNumber,
      activityId: reportActivities.activityId,
      origin: reportActivities.origin,
      title: activities.title,
      originalLanguage: activities.originalLanguage,
      startDate: activities.startDate,
      startPrecision: activities.startPrecision,
      isPublic: activities.isPublic,
      trainingYear: sql<
        number | null
      >`(select max(${trainingEditions.year}) from ${trainingEditions} where ${trainingEditions.activityId} = ${activities.id})`,
      carriedUndated: reportActivities.carriedUndated,
    })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, id))
    .orderBy(asc(reportActivities.rowNumber));
  const [beneficiaries, pending, results] = await Promise.all([
    beneficiariesOf(
      db,
      rows.map((row) => row.activityId),
    ),
    pendingEditsOf(db, id),
    resultsOnReport(
      db,
      id,
      rows.map((row) => row.activityId),
    ),
  ]);
  for (const [activityId, edit] of pending) {
    beneficiaries.set(
      activityId,
      edit.values.beneficiaries.map((b) => ({
        name: b.nameAsWritten,
        kind: b.kind,
        code: b.partyCode ?? b.regionCode,
      })),
    );
  }
  const comments = await db
    .select({
      id: reportComments.id,
      field: reportComments.field,
      body: reportComments.body,
      createdAt: reportComments.createdAt,
      reply: reportComments.reply,
    })
    .from(reportComments)
    .where(and(eq(reportComments.reportId, id), isNull(reportComments.resolvedAt)))
    .orderBy(asc(reportComments.createdAt), asc(reportComments.id));
  const staleSentences =
    carriedFrom && header.revisionKind === 'original' && editableStatuses.includes(header.status)
      ? sentencesNamingPeriod(
          header.narrative,
          { start: carriedFrom.periodStart, end: carriedFrom.periodEnd },
          { start: header.periodStart, end: header.periodEnd },
        )
      : [];
  return {
    ...header,
    carriedFrom: carriedFrom ?? null,
    overlaps,
    staleSentences,
    rows: rows.map((row) => ({
      ...withPendingValues(row, pending.get(row.activityId)),
      pendingEdit: pending.has(row.activityId),
      beneficiaries: beneficiaries.get(row.activityId) ?? [],
      results: results.get(row.activityId) ?? [],
    })),
    incentives: header.kind === 'art66-2' ? await incentivesOfReport(db, header.id) : [],
    comments,
  };
}

export type NarrativeInput = { narrative: string[]; grouping: Grouping; version: number };

export type SaveResult = { ok: true } | { ok: false; reason: 'conflict' | 'locked'; current: ReportHeader };

/**
 * Saves narrative and grouping if nobody saved since the form was opened (optimistic locking on
 * reports.version); otherwise nothing is written and the caller shows both versions.
 */
export async function saveNarrative(
  db: Db,
  actor: Actor,
  reportId: number,
  input: NarrativeInput,
): Promise<SaveResult | null> {
  return inTransaction(db, async (tx) => {
    const before = await reportHeader(tx, reportId);
    if (!before) return null;
    if (!editableStatuses.includes(before.status)) return { ok: false, reason: 'locked', current: before };
    const [after] = await tx
      .update(reports)
      .set({ narrative: input.narrative, grouping: input.grouping, ...touch(reports) })
      .where(
        and(
          eq(reports.id, reportId),
          eq(reports.version, input.version),
          inArray(reports.status, [...editableStatuses]),
        ),
      )
      .returning({ narrative: reports.narrative, grouping: reports.grouping, version: reports.version });
    if (!after)
      return { ok: false, reason: 'conflict', current: (await reportHeader(tx, reportId)) ?? before };
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'reports',
      id: reportId,
      before: { narrative: before.narrative, grouping: before.grouping, version: before.version },
      after,
    });
    return { ok: true };
  });
}

/** Takes an activity off the report's list (the activity itself stays) and closes the gap. */
export async function removeFromReport(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  activityId: number,
): Promise<{ ok: true } | ReportLocked | null> {
  const reportId = report.id;
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked?.ok) return locked;
    const [removed] = await tx
      .delete(reportActivities)
      .where(and(eq(reportActivities.reportId, reportId), eq(reportActivities.activityId, activityId)))
      .returning();
    if (!removed) return null;
    // The draft's pending version of it goes too; the public record never had it.
    await discardPendingEdit(tx, reportId, activityId);
    await renumberRows(tx, reportId);
    // updated_at only: the version guards the narrative, which a list change leaves alone.
    await tx.update(reports).set({ updatedAt: sql`now()` }).where(eq(reports.id, reportId));
    await recordAudit(tx, actor, {
      action: 'remove-activity',
      table: 'report_activities',
      id: `${reportId}:${activityId}`,
      before: removed,
    });
    return { ok: true } as const;
  });
}

/**
 * Keeps on the list an activity carried forward without an end date: the reporter confirms it
 * still runs in the new period. Null when it is not on the list awaiting that answer.
 */
export async function keepCarried(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  activityId: number,
): Promise<{ ok: true } | ReportLocked | null> {
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked?.ok) return locked;
    const [kept] = await tx
      .update(reportActivities)
      .set({ carriedUndated: false })
      .where(
        and(
          eq(reportActivities.reportId, report.id),
          eq(reportActivities.activityId, activityId),
          eq(reportActivities.carriedUndated, true),
        ),
      )
      .returning();
    if (!kept) return null;
    await recordAudit(tx, actor, {
      action: 'keep-carried',
      table: 'report_activities',
      id: `${report.id}:${activityId}`,
      before: { carriedUndated: true },
      after: { carriedUndated: false },
    });
    return { ok: true } as const;
  });
}

export const maxReplyLength = 5000;

/**
 * The reporter's answer to one of the Secretariat's open comments on a returned report (replaces an
 * earlier answer). Null when the comment is not an open one of this report.
 */
export async function replyToComment(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  commentId: number,
  reply: string,
): Promise<{ ok: true } | ReportLocked | null> {
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked?.ok) return locked;
    const [before] = await tx
      .select({ reply: reportComments.reply })
      .from(reportComments)
      .where(
        and(
          eq(reportComments.id, commentId),
          eq(reportComments.reportId, report.id),
          isNull(reportComments.resolvedAt),
        ),
      )
      .for('update');
    if (!before) return null;
    await tx
      .update(reportComments)
      .set({ reply, repliedBy: actor.userId, repliedAt: sql`now()` })
      .where(eq(reportComments.id, commentId));
    await recordAudit(tx, actor, {
      action: 'reply',
      table: 'report_comments',
      id: commentId,
      before: { reply: before.reply },
      after: { reply },
    });
    return { ok: true } as const;
  });
}

/** Active Secretariat and admin accounts (admins act as the Secretariat): the people told about a submission. */
export async function secretariatIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, ['secretariat', 'admin']), isNull(users.disabledAt)));
  return rows.map((row) => row.id);
}

export type SubmitResult =
  | { ok: true; afterCommit: () => Promise<void> }
  | { ok: false; reason: 'locked' | 'empty' }
  | null;

/**
 * Hands the report to the Secretariat: submitted, the open comments answered, the Secretariat
 * notified. `notice` is the notification in every interface language. Returns the mail sending
 * to run once committed.
 */
export async function submitReport(
  db: Db,
  actor: Actor,
  reportId: number,
  notice: Record<Language, string>,
): Promise<SubmitResult> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
    if (!before) return null;
    if (!editableStatuses.includes(before.status)) return { ok: false, reason: 'locked' };
    // An Art. 67 report lists activities, an Art. 66.2 report incentives.
    const [listed] =
      before.kind === 'art66-2'
        ? await tx
            .select({ count: sql<number>`count(*)::int` })
            .from(reportIncentives)
            .where(eq(reportIncentives.reportId, reportId))
        : await tx
            .select({ count: sql<number>`count(*)::int` })
            .from(reportActivities)
            .where(eq(reportActivities.reportId, reportId));
    if ((listed?.count ?? 0) === 0 && before.narrative.length === 0) return { ok: false, reason: 'empty' };
    // An edit of one of its activities in flight ends before the submission (and is in it): edits
    // of this report's activities take the same row locks. Other drafts' edits are their own
    // pending versions (reports/pending-edits.ts) and never reach this report.
    await tx
      .select({ id: activities.id })
      .from(activities)
      .where(
        inArray(
          activities.id,
          tx
            .select({ id: reportActivities.activityId })
            .from(reportActivities)
            .where(eq(reportActivities.reportId, reportId)),
        ),
      )
      .orderBy(asc(activities.id))
      .for('share');
    const [after] = await tx
      .update(reports)
      .set({ status: 'submitted', submittedAt: sql`now()`, ...touch(reports) })
      .where(eq(reports.id, reportId))
      .returning({ status: reports.status, submittedAt: reports.submittedAt, version: reports.version });
    // The document as handed over this round: the next round's review shows what changed since.
    const snapshot = await reportSnapshot(tx, reportId);
    const [lastRound] = await tx
      .select({ value: max(reportSubmissions.round) })
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, reportId));
    const round = (lastRound?.value ?? 0) + 1;
    await tx.insert(reportSubmissions).values({ reportId, round, submittedBy: actor.userId, snapshot });
    const resolved = await tx
      .update(reportComments)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(reportComments.reportId, reportId), isNull(reportComments.resolvedAt)))
      .returning({ id: reportComments.id });
    await recordAudit(tx, actor, {
      action: 'submit',
      table: 'reports',
      id: reportId,
      before: { status: before.status, submittedAt: before.submittedAt, version: before.version },
      after: { ...after, round, resolvedComments: resolved.map((c) => c.id) },
    });
    const afterCommit = await notify(
      tx,
      await secretariatIds(tx),
      notice,
      `/secretariat/reports/${reportId}`,
    );
    return { ok: true, afterCommit };
  });
}

/**
 * A corrigendum or addendum of a published report, as a new draft: same party, period, language
 * and grouping, its narrative and list copied (origins kept). An open revision of the same kind
 * is reused rather than numbered twice. Null when the report is not published.
 */
export async function startRevision(
  db: Db,
  actor: Actor,
  reportId: number,
  kind: Exclude<RevisionKind, 'original'>,
): Promise<{ reportId: number; created: boolean } | null> {
  return inTransaction(db, async (tx) => {
    const [source] = await tx.select().from(reports).where(eq(reports.id, reportId)).for('update');
    if (source?.status !== 'published') return null;
    const originalId = source.revisionOf ?? source.id;
    // The revised version must stay readable as it was published while the revision is drafted.
    await freezePublishedReports(tx, { reportIds: [source.id, originalId] });
    const [open] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.revisionOf, originalId),
          eq(reports.revisionKind, kind),
          ne(reports.status, 'published'),
        ),
      );
    if (open) return { reportId: open.id, created: false };
    // Numbering is per original and kind; the original's row lock above serializes it.
    if (originalId !== source.id)
      await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, originalId)).for('update');
    const [last] = await tx
      .select({ value: max(reports.revisionNumber) })
      .from(reports)
      .where(and(eq(reports.revisionOf, originalId), eq(reports.revisionKind, kind)));
    const values = {
      reportingPartyCode: source.reportingPartyCode,
      kind: source.kind,
      format: source.format,
      periodStart: source.periodStart,
      periodEnd: source.periodEnd,
      originalLanguage: source.originalLanguage,
      grouping: source.grouping,
      narrative: source.narrative,
      status: 'draft' as const,
      source: draftSource,
      carriedForwardFrom: source.carriedForwardFrom,
      revisionOf: originalId,
      revisionKind: kind,
      revisionNumber: (last?.value ?? 0) + 1,
    };
    const [created] = await tx.insert(reports).values(values).returning({ id: reports.id });
    if (!created) throw new Error('report insert returned nothing');
    const rows = await tx
      .select()
      .from(reportActivities)
      .where(eq(reportActivities.reportId, source.id))
      .orderBy(asc(reportActivities.rowNumber));
    if (rows.length > 0) {
      await tx.insert(reportActivities).values(rows.map((row) => ({ ...row, reportId: created.id })));
    }
    const incentiveIds = await copyIncentives(tx, source.id, created.id);
    await recordAudit(tx, actor, {
      action: 'create-revision',
      table: 'reports',
      id: created.id,
      after: {
        ...values,
        copiedFrom: source.id,
        activities: rows.map((row) => row.activityId),
        ...(incentiveIds.length > 0 ? { incentives: incentiveIds } : {}),
      },
    });
    return { reportId: created.id, created: true };
  });
}
