import { date, index, integer, jsonb, pgTable, primaryKey, serial, text, unique } from 'drizzle-orm/pg-core';
import { activities } from '../activities/schema.ts';
import { editableColumns } from '../db/columns.ts';
import { parties } from '../reference/schema.ts';

export const reportStatuses = ['draft', 'submitted', 'returned', 'published'] as const;

/** One Art. 67 document of one reporting party for one period. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    reportingPartyCode: text('reporting_party_code')
      .notNull()
      .references(() => parties.code),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    symbol: text('symbol').unique(),
    originalLanguage: text('original_language', { enum: ['en', 'fr', 'es'] }).notNull(),
    circulationDate: date('circulation_date'),
    narrative: jsonb('narrative').$type<string[]>().notNull().default([]),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    /** Human-readable provenance, e.g. "e-TRIPS page (French interface), file …". */
    source: text('source').notNull(),
    ...editableColumns(),
  },
  (t) => [
    // A party files one report per period; corrigenda and addenda will be versions of it.
    unique('reports_party_period_key').on(t.reportingPartyCode, t.periodStart, t.periodEnd),
    index('reports_period_idx').on(t.periodStart),
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
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.activityId] }),
    unique('report_activities_row_key').on(t.reportId, t.rowNumber),
    index('report_activities_activity_idx').on(t.activityId),
  ],
);
