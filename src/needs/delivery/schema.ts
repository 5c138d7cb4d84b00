import { index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import { activities } from '../../activities/schema.ts';
import { reports } from '../../reports/schema.ts';
import { trainingEditions } from '../../training/schema.ts';
import { needs } from '../schema.ts';

/**
 * An activity of an Art. 67 report that addresses a need, as its reporter said in the draft. Part
 * of that report: public only once the report is published (drafts never leak), and from then on
 * on the need's page, where it moves the need to "in progress" when the activity has started.
 */
export const needActivityLinks = pgTable(
  'need_activity_links',
  {
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** The report whose draft made the link. */
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    linkedBy: integer('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.activityId, t.reportId] }),
    index('need_activity_links_activity_idx').on(t.activityId),
    index('need_activity_links_report_idx').on(t.reportId),
  ],
);

/**
 * A training edition that answers a need, as a coordinator of its programme said. Public at once:
 * an edition open for nominations is an offer in itself. When the edition is reported as an Art. 67
 * activity, its needs are linked to that activity in the drafts listing it (need_activity_links).
 */
export const needEditionLinks = pgTable(
  'need_edition_links',
  {
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    editionId: integer('edition_id')
      .notNull()
      .references(() => trainingEditions.id, { onDelete: 'cascade' }),
    linkedBy: integer('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.editionId] }),
    index('need_edition_links_edition_idx').on(t.editionId),
  ],
);
