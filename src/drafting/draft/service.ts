import { and, asc, desc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import { notify } from '../../accounts/notifications.ts';
import { userRoles } from '../../accounts/roles-schema.ts';
import { users } from '../../accounts/schema.ts';
import { activities } from '../../activities/schema.ts';
import { type Actor, recordAudit } from '../../audit/record.ts';
import { type LocalizedText, touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Language } from '../../i18n/languages.ts';
import { type ActivityOrigin, appendToReport, renumberRows } from '../../reports/activity-list.ts';
import { freezePublishedReports } from '../../reports/freeze.ts';
import {
  editableStatuses,
  isEditable,
  type ReportStatus,
  type RevisionKind,
} from '../../reports/lifecycle/status.ts';
import { reportActivities, reportComments, type reportGroupings, reports } from '../../reports/schema.ts';
import { type BeneficiaryView, beneficiariesOf } from '../../reports/service.ts';
import { trainingEditions } from '../../training/schema.ts';
import { carryForwardFor } from './carry-forward.ts';
import { periodFromYears } from './narrative.ts';

export type Grouping = (typeof reportGroupings)[number];

/** Provenance written on reports started here. */
export const draftSource = 'drafted in ipcoop';

/** PostgreSQL's unique_violation, wherever the driver puts its code. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

export type ReportHeader = {
  id: number;
  reportingPartyCode: string;
  periodStart: string;
  periodEnd: string;
  originalLanguage: Language;
  status: ReportStatus;
  symbol: string | null;
  grouping: Grouping;
  narrative: string[];
  version: number;
  revisionOf: number | null;
  revisionKind: RevisionKind;
  revisionNumber: number;
  carriedForwardFrom: number | null;
  submittedAt: Date | null;
};

const headerColumns = {
  id: reports.id,
  reportingPartyCode: reports.reportingPartyCode,
  periodStart: reports.periodStart,
  periodEnd: reports.periodEnd,
  originalLanguage: reports.originalLanguage,
  status: reports.status,
  symbol: reports.symbol,
  grouping: reports.grouping,
  narrative: reports.narrative,
  version: reports.version,
  revisionOf: reports.revisionOf,
  revisionKind: reports.revisionKind,
  revisionNumber: reports.revisionNumber,
  carriedForwardFrom: reports.carriedForwardFrom,
  submittedAt: reports.submittedAt,
};

export async function reportHeader(db: Db, id: number): Promise<ReportHeader | null> {
  const [row] = await db.select(headerColumns).from(reports).where(eq(reports.id, id));
  return row ?? null;
}

/** A change refused because the report left its reporter's hands after the route checked it. */
export type ReportLocked = { ok: false; reason: 'locked'; current: ReportHeader };

/**
 * The first step of every change to a report's list or activities, inside its transaction:
 * locks the report row (a submission waits for the change, or the change sees the submission)
 * and checks again what the route checked before the transaction began: still a draft or
 * returned, still the same party's. Null when the report is gone.
 */
export async function lockReportForChange(
  tx: Db,
  report: { id: number; reportingPartyCode: string },
): Promise<{ ok: true; current: ReportHeader } | ReportLocked | null> {
  const [current] = await tx
    .select(headerColumns)
    .from(reports)
    .where(eq(reports.id, report.id))
    .for('update');
  if (!current) return null;
  if (!isEditable(current) || current.reportingPartyCode !== report.reportingPartyCode)
    return { ok: false, reason: 'locked', current };
  return { ok: true, current };
}

/**
 * The other reports listing this activity that are with the Secretariat (submitted). An activity
 * is one record in every report that lists it, so while one of them is under review the activity
 * must not change through another (published ones are protected by their snapshots instead).
 */
export async function reviewsListing(
  db: Db,
  activityId: number,
  exceptReportId: number,
): Promise<ReportHeader[]> {
  return db
    .select(headerColumns)
    .from(reports)
    .innerJoin(reportActivities, eq(reportActivities.reportId, reports.id))
    .where(
      and(
        eq(reportActivities.activityId, activityId),
        ne(reports.id, exceptReportId),
        eq(reports.status, 'submitted'),
      ),
    )
    .orderBy(asc(reports.id));
}

export type MyReport = ReportHeader & { activityCount: number };

/** Every report of these parties, drafts to published, newest period first, revisions after their original. */
export async function reportsOfParties(db: Db, partyCodes: string[]): Promise<MyReport[]> {
  if (partyCodes.length === 0) return [];
  return db
    .select({
      ...headerColumns,
      activityCount: sql<number>`(select count(*)::int from ${reportActivities} where ${reportActivities.reportId} = ${reports.id})`,
    })
    .from(reports)
    .where(inArray(reports.reportingPartyCode, partyCodes))
    .orderBy(
      asc(reports.reportingPartyCode),
      desc(reports.periodStart),
      desc(reports.periodEnd),
      asc(sql`coalesce(${reports.revisionOf}, ${reports.id})`),
      // The original first, then its corrigenda and addenda in number order.
      asc(sql`${reports.revisionOf} is not null`),
      asc(reports.revisionKind),
      asc(reports.revisionNumber),
    );
}

export type StartReportInput = {
  partyCode: string;
  startYear: number;
  endYear: number;
  originalLanguage: Language;
};

export type StartReportProblem = {
  field: 'startYear' | 'endYear';
  problem: 'periodReversed' | 'reportExists';
};

/**
 * A new draft for a party and period, starting from the party's last published report: its
 * narrative and its still-ongoing activities (carry forward). One transaction.
 */
export async function startReport(
  db: Db,
  actor: Actor,
  input: StartReportInput,
): Promise<{ ok: true; reportId: number } | { ok: false; error: StartReportProblem }> {
  if (input.endYear < input.startYear)
    return { ok: false, error: { field: 'endYear', problem: 'periodReversed' } };
  const period = periodFromYears(input.startYear, input.endYear);
  const exists = { ok: false, error: { field: 'startYear', problem: 'reportExists' } } as const;
  try {
    return await inTransaction(db, async (tx) => {
      const [existing] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(
          and(
            eq(reports.reportingPartyCode, input.partyCode),
            eq(reports.periodStart, period.periodStart),
            eq(reports.periodEnd, period.periodEnd),
            eq(reports.revisionKind, 'original'),
          ),
        );
      if (existing) return exists;
      const carried = await carryForwardFor(tx, input.partyCode, period.periodStart);
      const values = {
        reportingPartyCode: input.partyCode,
        ...period,
        originalLanguage: input.originalLanguage,
        narrative: carried?.narrative ?? [],
        status: 'draft' as const,
        source: draftSource,
        carriedForwardFrom: carried?.fromReportId ?? null,
      };
      const [created] = await tx.insert(reports).values(values).returning({ id: reports.id });
      if (!created) throw new Error('report insert returned nothing');
      await appendToReport(tx, created.id, carried?.activityIds ?? [], 'carry-forward');
      await recordAudit(tx, actor, {
        action: 'create',
        table: 'reports',
        id: created.id,
        after: { ...values, carriedForwardActivities: carried?.activityIds ?? [] },
      });
      return { ok: true, reportId: created.id } as const;
    });
  } catch (error) {
    // Two reporters starting the same period at once: the unique key decides, the loser is told.
    if (isUniqueViolation(error)) return exists;
    throw error;
  }
}

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
  /** Also listed in another report that is with the Secretariat: read-only until that review ends. */
  underReview: boolean;
  beneficiaries: BeneficiaryView[];
};

export type DraftComment = { id: number; field: string; body: string; createdAt: Date };

export type Draft = ReportHeader & {
  /** The period of the report it was carried forward from, for "carried forward from 2020–2021". */
  carriedFrom: { periodStart: string; periodEnd: string } | null;
  rows: DraftRow[];
  /** Comments of the Secretariat not yet answered by a new submission. */
  comments: DraftComment[];
};

export async function loadDraft(db: Db, id: number): Promise<Draft | null> {
  const header = await reportHeader(db, id);
  if (!header) return null;
  const [carriedFrom] = header.carriedForwardFrom
    ? await db
        .select({ periodStart: reports.periodStart, periodEnd: reports.periodEnd })
        .from(reports)
        .where(eq(reports.id, header.carriedForwardFrom))
    : [];
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
      underReview: sql<boolean>`exists (select 1 from report_activities other_ra join reports other_r on other_r.id = other_ra.report_id where other_ra.activity_id = ${activities.id} and other_ra.report_id <> ${id} and other_r.status = 'submitted')`,
    })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, id))
    .orderBy(asc(reportActivities.rowNumber));
  const beneficiaries = await beneficiariesOf(
    db,
    rows.map((row) => row.activityId),
  );
  const comments = await db
    .select({
      id: reportComments.id,
      field: reportComments.field,
      body: reportComments.body,
      createdAt: reportComments.createdAt,
    })
    .from(reportComments)
    .where(and(eq(reportComments.reportId, id), isNull(reportComments.resolvedAt)))
    .orderBy(asc(reportComments.createdAt), asc(reportComments.id));
  return {
    ...header,
    carriedFrom: carriedFrom ?? null,
    rows: rows.map((row) => ({ ...row, beneficiaries: beneficiaries.get(row.activityId) ?? [] })),
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
    const [listed] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId));
    if ((listed?.count ?? 0) === 0 && before.narrative.length === 0) return { ok: false, reason: 'empty' };
    // Its activities are shared with other reports: an edit of one through another draft either
    // ends before the submission (and is in it) or starts after it and is refused (updateActivity).
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
      after: { ...after, resolvedComments: resolved.map((c) => c.id) },
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
    await recordAudit(tx, actor, {
      action: 'create-revision',
      table: 'reports',
      id: created.id,
      after: { ...values, copiedFrom: source.id, activities: rows.map((row) => row.activityId) },
    });
    return { reportId: created.id, created: true };
  });
}
