import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  activities,
  activityAgencies,
  activityBeneficiaries,
  type FundingShare,
} from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import type { LocalizedText } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { elementsOf } from '../elements/service.ts';
import type { ElementCode, ElementState } from '../elements/taxonomy.ts';
import type { Language } from '../i18n/languages.ts';
import type { PeriodPrecision } from '../reports/period.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { resultsOf } from '../results/service.ts';
import type { ResultIndicator } from '../results/taxonomy.ts';

type Precision = 'day' | 'month' | 'year';

/** A beneficiary in source order; `name` is the text as the source wrote it. */
export type ExportBeneficiary = {
  kind: 'party' | 'region' | 'unresolved';
  /** Party or region code; null when nobody could resolve the name. */
  code: string | null;
  name: string;
};

export type ExportAgency = {
  code: string;
  name: LocalizedText;
  acronym: string | null;
  /** The party the agency belongs to (an IGO code for WIPO and the like), if known. */
  partyCode: string | null;
  role: 'implementing' | 'partner';
};

/** Where the activity appears in an Art. 67 report, and at which row of its numbered list. */
export type ExportReportLink = {
  reportId: number;
  reportingParty: string;
  periodStart: string;
  periodEnd: string;
  periodPrecision: PeriodPrecision;
  rowNumber: number;
  symbol: string | null;
};

/** Everything any export format needs about one activity, codes only (formats add labels). */
export type ExportActivity = {
  id: number;
  donorCode: string;
  title: LocalizedText;
  description: LocalizedText;
  originalLanguage: Language;
  startDate: string | null;
  startPrecision: Precision | null;
  endDate: string | null;
  endPrecision: Precision | null;
  level: string | null;
  activityType: string | null;
  ipAreas: string[];
  /** Decimal as stored ("12500.00"), never a float, so no cent is lost on the way out. */
  budgetAmount: string | null;
  budgetCurrency: string | null;
  fundingSource: 'donor' | 'co-financed' | 'beneficiary' | null;
  fundingShares: FundingShare[];
  deliveryMode: 'in-person' | 'online' | 'blended' | null;
  deliveryLanguages: string[];
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  status: 'planned' | 'ongoing' | 'completed' | 'cancelled' | null;
  /** ISO 8601 timestamp. */
  updatedAt: string;
  beneficiaries: ExportBeneficiary[];
  agencies: ExportAgency[];
  reports: ExportReportLink[];
  /** Elements of Article 67, in the taxonomy's order; suggested by the rules or confirmed. */
  elements: Array<{ code: ElementCode; state: ElementState }>;
  /** Result indicators, in the order entered (IATI `result`). */
  results: ResultIndicator[];
};

export type LoadExportOptions = {
  /** Exports are public: by default only published reports are linked. */
  includeUnpublishedReports?: boolean;
};

// Keeps each IN (...) list far below PostgreSQL's 65,535 bind parameters.
const chunkSize = 1000;

/**
 * The activities with these ids, in the order given (unknown ids are skipped, repeats kept once).
 * Four queries per thousand ids, whatever the number of beneficiaries, agencies or reports.
 */
export async function loadExportActivities(
  db: Db,
  ids: number[],
  options: LoadExportOptions = {},
): Promise<ExportActivity[]> {
  const wanted = [...new Set(ids)];
  const loaded = new Map<number, ExportActivity>();
  for (let start = 0; start < wanted.length; start += chunkSize) {
    for (const activity of await loadChunk(db, wanted.slice(start, start + chunkSize), options)) {
      loaded.set(activity.id, activity);
    }
  }
  return wanted.flatMap((id) => loaded.get(id) ?? []);
}

async function loadChunk(db: Db, ids: number[], options: LoadExportOptions): Promise<ExportActivity[]> {
  const [rows, beneficiaryRows, agencyRows, reportRows, elements, results] = await Promise.all([
    db.select().from(activities).where(inArray(activities.id, ids)),
    db
      .select()
      .from(activityBeneficiaries)
      .where(inArray(activityBeneficiaries.activityId, ids))
      .orderBy(asc(activityBeneficiaries.activityId), asc(activityBeneficiaries.position)),
    db
      .select({
        activityId: activityAgencies.activityId,
        role: activityAgencies.role,
        code: agencies.code,
        name: agencies.name,
        acronym: agencies.acronym,
        partyCode: agencies.partyCode,
      })
      .from(activityAgencies)
      .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
      .where(inArray(activityAgencies.activityId, ids))
      .orderBy(asc(activityAgencies.activityId), asc(activityAgencies.role), asc(agencies.code)),
    db
      .select({
        activityId: reportActivities.activityId,
        reportId: reports.id,
        reportingParty: reports.reportingPartyCode,
        periodStart: reports.periodStart,
        periodEnd: reports.periodEnd,
        periodPrecision: reports.periodPrecision,
        rowNumber: reportActivities.rowNumber,
        symbol: reports.symbol,
      })
      .from(reportActivities)
      .innerJoin(reports, eq(reports.id, reportActivities.reportId))
      .where(
        and(
          inArray(reportActivities.activityId, ids),
          options.includeUnpublishedReports ? undefined : eq(reports.status, 'published'),
        ),
      )
      .orderBy(asc(reportActivities.activityId), asc(reports.periodStart), asc(reports.id)),
    elementsOf(db, ids),
    resultsOf(db, ids),
  ]);

  const beneficiaries = groupBy(beneficiaryRows, (row) => ({
    kind: row.kind,
    code: row.partyCode ?? row.regionCode,
    name: row.nameAsWritten,
  }));
  const agencyLinks = groupBy(agencyRows, ({ activityId: _, ...agency }) => agency);
  const reportLinks = groupBy(reportRows, ({ activityId: _, ...link }) => link);

  return rows.map((row) => ({
    id: row.id,
    donorCode: row.donorPartyCode,
    title: row.title,
    description: row.description,
    originalLanguage: row.originalLanguage,
    startDate: row.startDate,
    startPrecision: row.startPrecision,
    endDate: row.endDate,
    endPrecision: row.endPrecision,
    level: row.level,
    activityType: row.activityType,
    ipAreas: row.ipAreas,
    budgetAmount: row.budgetAmount,
    budgetCurrency: row.budgetCurrency,
    fundingSource: row.fundingSource,
    fundingShares: row.fundingShares,
    deliveryMode: row.deliveryMode,
    deliveryLanguages: row.deliveryLanguages,
    website: row.website,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
    beneficiaries: beneficiaries.get(row.id) ?? [],
    agencies: agencyLinks.get(row.id) ?? [],
    reports: reportLinks.get(row.id) ?? [],
    elements: elements.get(row.id) ?? [],
    results: results.get(row.id) ?? [],
  }));
}

function groupBy<Row extends { activityId: number }, Item>(
  rows: Row[],
  toItem: (row: Row) => Item,
): Map<number, Item[]> {
  const grouped = new Map<number, Item[]>();
  for (const row of rows) {
    const list = grouped.get(row.activityId) ?? [];
    list.push(toItem(row));
    grouped.set(row.activityId, list);
  }
  return grouped;
}
