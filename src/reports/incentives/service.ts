import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { partyStatusHistory } from '../../reference/schema.ts';
import { reportIncentives } from './schema.ts';
import type { IncentiveType, LdcSpecificity, TechnologySector } from './taxonomy.ts';

/** The incentives of Article 66.2 reports as records: reading them and the LDCs they may name. */

import type { ResultIndicator } from '../../results/taxonomy.ts';

export type IncentiveRow = typeof reportIncentives.$inferSelect;

/** What a reporter gives for one incentive, checked (drafting/incentive-form/input.ts reads it). */
export type IncentiveValues = {
  title: string;
  description: string;
  incentiveType: IncentiveType;
  governmentBody: string;
  eligibleEntities: string;
  beneficiaryCodes: string[];
  sectors: TechnologySector[];
  technologyTransferred: string;
  modeAndTerms: string;
  ldcSpecificity: LdcSpecificity;
  /** numeric(16, 2) as text, "25000.50". */
  amount: string | null;
  currency: string | null;
  enterprises: number | null;
  peopleTrained: number | null;
  /** Result indicators; a spreadsheet row gives none (the form does). */
  results?: ResultIndicator[];
};

export const incentiveValueColumns = [
  'title',
  'description',
  'incentiveType',
  'governmentBody',
  'eligibleEntities',
  'beneficiaryCodes',
  'sectors',
  'technologyTransferred',
  'modeAndTerms',
  'ldcSpecificity',
  'amount',
  'currency',
  'enterprises',
  'peopleTrained',
  'results',
] as const satisfies ReadonlyArray<keyof IncentiveValues>;

/** The fields of a stored incentive a form or a snapshot shows. */
export const valuesOf = (row: IncentiveRow): IncentiveValues =>
  Object.fromEntries(incentiveValueColumns.map((key) => [key, row[key]])) as IncentiveValues;

/** A report's incentives in its order (any status: callers check who may read the report). */
export function incentivesOfReport(db: Db, reportId: number): Promise<IncentiveRow[]> {
  return db
    .select()
    .from(reportIncentives)
    .where(eq(reportIncentives.reportId, reportId))
    .orderBy(asc(reportIncentives.position));
}

/** One incentive of a report, or null when the report has no such incentive. */
export async function incentiveOnReport(db: Db, reportId: number, id: number): Promise<IncentiveRow | null> {
  const [row] = await db
    .select()
    .from(reportIncentives)
    .where(and(eq(reportIncentives.id, id), eq(reportIncentives.reportId, reportId)));
  return row ?? null;
}

/**
 * The parties that were least developed countries on some day of the period (from the dated
 * status history: a party that graduated during the period still counts), sorted by code.
 */
export async function ldcsDuring(db: Db, periodStart: string, periodEnd: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: partyStatusHistory.partyCode })
    .from(partyStatusHistory)
    .where(
      and(
        eq(partyStatusHistory.status, 'ldc'),
        lte(partyStatusHistory.validFrom, periodEnd),
        or(isNull(partyStatusHistory.validTo), gt(partyStatusHistory.validTo, periodStart)),
      ),
    )
    .orderBy(asc(partyStatusHistory.partyCode));
  return rows.map((row) => row.code);
}

/**
 * Copies a report's incentives onto another report (a new draft carried from it, or a revision of
 * it), same order; returns the new ids.
 */
export async function copyIncentives(tx: Db, fromReportId: number, toReportId: number): Promise<number[]> {
  const rows = await tx
    .select()
    .from(reportIncentives)
    .where(eq(reportIncentives.reportId, fromReportId))
    .orderBy(asc(reportIncentives.position));
  if (rows.length === 0) return [];
  const copies = await tx
    .insert(reportIncentives)
    .values(
      rows.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...row }) => ({
        ...row,
        reportId: toReportId,
      })),
    )
    .returning({ id: reportIncentives.id });
  return copies.map((row) => row.id);
}
