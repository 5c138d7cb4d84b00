import { index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { activities } from '../activities/schema.ts';
import { type ResultIndicator, resultOrigins, resultTypes } from './taxonomy.ts';

/**
 * The result indicators of a public or drafted activity, in the order entered. What a draft
 * changes in an already public activity waits in its pending edit (reports/pending-edits.ts) and
 * replaces these rows on publication. Type, measure and origin are columns for queries; the rest
 * of the indicator (title, baseline, periods, source) is kept as entered.
 */
export const activityResults = pgTable(
  'activity_results',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: text('type', { enum: resultTypes }).notNull(),
    measure: text('measure').notNull(),
    origin: text('origin', { enum: resultOrigins }).notNull(),
    indicator: jsonb('indicator').$type<ResultIndicator>().notNull(),
  },
  (t) => [index('activity_results_activity_idx').on(t.activityId, t.position)],
);
