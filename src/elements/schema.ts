import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { activities } from '../activities/schema.ts';
import { elementStates } from './taxonomy.ts';

/**
 * The elements of Article 67 an activity addresses: metadata kept beside the reports (it never
 * changes a published document). A row is "suggested" by the rules until the reporter of a party
 * whose report lists the activity, or the Secretariat, confirms the set; every change is audited.
 */
export const activityElements = pgTable(
  'activity_elements',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    /** One of elementCodes (taxonomy.ts). */
    element: text('element').notNull(),
    state: text('state', { enum: elementStates }).notNull(),
    /** Who set it: an account's e-mail, "rules" for a suggestion, or "cli". */
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.element] }),
    index('activity_elements_element_idx').on(t.element, t.activityId),
  ],
);
