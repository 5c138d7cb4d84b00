import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { activities } from '../activities/schema.ts';
import { editableColumns } from '../db/columns.ts';
import { parties } from '../reference/schema.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';
import { reportFormats, reportKinds } from './incentives/taxonomy.ts';
import type { OutlineBlock } from './narrative-outline.ts';
import { periodPrecisions } from './period.ts';

export const reportStatuses = ['draft', 'submitted', 'returned', 'published'] as const;
export const reportGroupings = ['level-agency', 'level', 'agency', 'none'] as const;
/** A corrigendum corrects, an addendum adds, a revision (/Rev.n) replaces the whole document. */
export const revisionKinds = ['original', 'corrigendum', 'addendum', 'revision'] as const;
/** How an activity entered a report: the reporter sees where each row came from. */
export const activityOrigins = [
  'manual',
  'carry-forward',
  'spreadsheet',
  'training-edition',
  'import',
] as const;

/** One cooperation report (Art. 67, or Art. 66.2 on incentives) of one reporting party for one period. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    reportingPartyCode: text('reporting_party_code')
      .notNull()
      .references(() => parties.code),
    /** Art. 67 technical cooperation, or Art. 66.2 incentives for technology transfer to LDCs. */
    kind: text('kind', { enum: reportKinds }).notNull().default('art67'),
    /** Art. 66.2 only (IP/C/28): a detailed report every third year, updates in between; null for Art. 67. */
    format: text('format', { enum: reportFormats }),
    /** Invented for the demo (an Art. 66.2 report of a real Member with invented incentives): marked "sample data" wherever it shows. */
    isSample: boolean('is_sample').notNull().default(false),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** How precisely the report states its period (see period.ts): years, a fiscal year, months or days. */
    periodPrecision: text('period_precision', { enum: periodPrecisions }).notNull().default('year'),
    symbol: text('symbol').unique(),
    originalLanguage: text('original_language', { enum: ['en', 'fr', 'es'] }).notNull(),
    circulationDate: date('circulation_date'),
    narrative: jsonb('narrative').$type<string[]>().notNull().default([]),
    /** The report's own outline (preamble, headings, numbers as written) when imported; null otherwise. */
    narrativeOutline: jsonb('narrative_outline').$type<OutlineBlock[]>(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    /** Human-readable provenance, e.g. "e-TRIPS page (French interface), file …". */
    source: text('source').notNull(),
    /** How the Annex groups the activities, the reporter's choice. */
    grouping: text('grouping', { enum: reportGroupings }).notNull().default('level-agency'),
    /** The report whose ongoing activities and narrative this draft started from. */
    carriedForwardFrom: integer('carried_forward_from').references((): AnyPgColumn => reports.id),
    /** Null for the original document; for a corrigendum or addendum, the original it revises. */
    revisionOf: integer('revision_of').references((): AnyPgColumn => reports.id),
    revisionKind: text('revision_kind', { enum: revisionKinds }).notNull().default('original'),
    /** 0 for the original, n for Corr.n or Add.n. */
    revisionNumber: integer('revision_number').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The document exactly as published; earlier versions are read from it, never from live rows. */
    snapshot: jsonb('snapshot'),
    ...editableColumns(),
  },
  (t) => [
    // A party files one report of each kind per period; corrigenda and addenda are numbered revisions of it.
    unique('reports_party_period_revision_key').on(
      t.reportingPartyCode,
      t.kind,
      t.periodStart,
      t.periodEnd,
      t.revisionKind,
      t.revisionNumber,
    ),
    index('reports_period_idx').on(t.periodStart),
    index('reports_revision_of_idx').on(t.revisionOf),
  ],
);

/** The numbered list of a report: one activity appears in many yearly reports. */
export const reportActivities = pgTable(
  'report_activities',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    origin: text('origin', { enum: activityOrigins }).notNull().default('import'),
    /**
     * Carried forward without an end date: the reporter has not yet said whether it still runs.
     * It stays on the list (and in the document) until kept (false) or taken off.
     */
    carriedUndated: boolean('carried_undated').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.activityId] }),
    unique('report_activities_row_key').on(t.reportId, t.rowNumber),
    index('report_activities_activity_idx').on(t.activityId),
  ],
);

/** The Secretariat's comments on a returned report, shown beside the field they concern. */
export const reportComments = pgTable(
  'report_comments',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** "general", "narrative", or "activity:<id>". */
    field: text('field').notNull().default('general'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** The reporter's answer, written while the report is back with them; the Secretariat reads it on resubmission. */
    reply: text('reply'),
    repliedBy: integer('replied_by').references(() => users.id, { onDelete: 'set null' }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId)],
);

/** The columns of an activity a draft may change (not its id, donor, provenance or visibility). */
export const pendingActivityColumns = [
  'title',
  'description',
  'originalLanguage',
  'startDate',
  'startPrecision',
  'endDate',
  'endPrecision',
  'level',
  'activityType',
  'ipAreas',
  'budgetAmount',
  'budgetCurrency',
  'fundingSource',
  'fundingShares',
  'deliveryLanguages',
  'deliveryMode',
  'website',
  'contactName',
  'contactEmail',
  'status',
] as const;

type ActivityRow = typeof activities.$inferSelect;

/** A draft's whole version of a public activity: its fields, beneficiaries and agencies. */
export type PendingActivityValues = {
  activity: Pick<ActivityRow, (typeof pendingActivityColumns)[number]>;
  beneficiaries: Array<{
    kind: 'party' | 'region' | 'unresolved';
    partyCode: string | null;
    regionCode: string | null;
    nameAsWritten: string;
  }>;
  agencies: Array<{ agencyId: number; role: 'implementing' | 'partner' }>;
  /**
   * Elements of Article 67 the draft sets (codes of elements/taxonomy.ts), confirmed on
   * publication; absent when the draft leaves them as they are.
   */
  elements?: string[];
  /**
   * Result indicators of the draft's version (results/taxonomy.ts), written over the public ones on
   * publication; absent when the draft leaves them as they are.
   */
  results?: ResultIndicator[];
};

/**
 * A draft's edit of an activity that is already public: the activities row stays the public
 * record (as of the latest publication) while the draft, its reviewers and its documents read
 * this version instead. Publication of the report writes it onto the activity and deletes it;
 * it goes with the draft when the draft is deleted or the activity taken off its list.
 * `version` continues the activity's version at the time of the first edit, so a form opened on
 * the public values and one opened on the pending ones both meet optimistic locking.
 */
export const draftActivityEdits = pgTable(
  'draft_activity_edits',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    values: jsonb('values').$type<PendingActivityValues>().notNull(),
    /** The public activity's version the first edit started from. */
    basedOnVersion: integer('based_on_version').notNull(),
    ...editableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.activityId] }),
    index('draft_activity_edits_activity_idx').on(t.activityId),
  ],
);

/**
 * Each time a report is handed to the Secretariat, the document as submitted: after a return and
 * a resubmission the review page shows what changed between the two rounds.
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** 1 for the first submission, 2 after the first return, … */
    round: integer('round').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    /** A ReportSnapshot (document/snapshot.ts) of the report as submitted. */
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [unique('report_submissions_round_key').on(t.reportId, t.round)],
);
