import { type SQL, sql } from 'drizzle-orm';

/**
 * What the figures mean, in one place (docs/training.md, "Who counts"):
 * - a participant **took part** once their edition has started (status running or completed, or
 *   its start date is past); people selected for an edition still to come are "selected", not
 *   counted as having taken part;
 * - an **alumnus** is a participant marked complete in an edition that has ended (status
 *   completed, or its end date is past).
 * Both take the SQL alias of training_editions.
 */
export const editionStarted = (edition: SQL): SQL =>
  sql`(${edition}.status IN ('running', 'completed') OR coalesce(${edition}.start_date, make_date(${edition}.year, 12, 31)) <= current_date)`;

export const editionEnded = (edition: SQL): SQL =>
  sql`(${edition}.status = 'completed' OR coalesce(${edition}.end_date, ${edition}.start_date, make_date(${edition}.year, 12, 31)) < current_date)`;
