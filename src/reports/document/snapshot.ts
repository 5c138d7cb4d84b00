import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { activities, activityAgencies, datePrecisions } from '../../activities/schema.ts';
import { agencies } from '../../agencies/schema.ts';
import type { Db } from '../../db/database.ts';
import { languages } from '../../i18n/languages.ts';
import { incentivesOfReport } from '../incentives/service.ts';
import { incentiveTypes, ldcSpecificities, reportFormats, reportKinds } from '../incentives/taxonomy.ts';
import { agenciesById, pendingEditsOf, withPendingValues } from '../pending-edits.ts';
import { periodPrecisions } from '../period.ts';
import { reportActivities, reportGroupings, reports, revisionKinds } from '../schema.ts';
import { beneficiariesOf } from '../service.ts';

const localizedText = z.object({
  en: z.string().optional(),
  fr: z.string().optional(),
  es: z.string().optional(),
});
const precision = z.enum(datePrecisions).nullable();

const snapshotProgramme = z.object({
  rowNumber: z.number().int(),
  activityId: z.number().int(),
  title: localizedText,
  description: localizedText,
  originalLanguage: z.enum(languages),
  startDate: z.string().nullable(),
  startPrecision: precision,
  endDate: z.string().nullable(),
  endPrecision: precision,
  level: z.string().nullable(),
  activityType: z.string().nullable(),
  ipAreas: z.array(z.string()),
  beneficiaries: z.array(
    z.object({
      kind: z.enum(['party', 'region', 'unresolved']),
      code: z.string().nullable(),
      nameAsWritten: z.string(),
    }),
  ),
  // Agency names are kept, not just codes: a renamed agency must not change a published document.
  agencies: z.array(
    z.object({
      code: z.string(),
      role: z.enum(['implementing', 'partner']),
      name: localizedText,
      acronym: z.string().nullable(),
    }),
  ),
});

/** One incentive of an Art. 66.2 report as the document states it. */
const snapshotIncentive = z.object({
  position: z.number().int(),
  incentiveId: z.number().int(),
  title: z.string(),
  description: z.string(),
  incentiveType: z.enum(incentiveTypes),
  governmentBody: z.string(),
  eligibleEntities: z.string(),
  beneficiaryCodes: z.array(z.string()),
  sectors: z.array(z.string()),
  technologyTransferred: z.string(),
  modeAndTerms: z.string(),
  ldcSpecificity: z.enum(ldcSpecificities),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  enterprises: z.number().int().nullable(),
  peopleTrained: z.number().int().nullable(),
});

/**
 * What a report's document says, in no particular language (codes, not labels): stored in
 * reports.snapshot on publication, and rendered in EN/FR/ES by buildReportDocument().
 */
export const reportSnapshotSchema = z.object({
  format: z.literal(1),
  reportId: z.number().int(),
  reportingPartyCode: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  symbol: z.string().nullable(),
  originalLanguage: z.enum(languages),
  circulationDate: z.string().nullable(),
  narrative: z.array(z.string()),
  /** Added later: snapshots published before read as year periods without an outline. */
  periodPrecision: z.enum(periodPrecisions).optional(),
  narrativeOutline: z
    .array(
      z.object({
        kind: z.enum(['preamble', 'heading', 'paragraph']),
        number: z.string().nullable(),
        text: z.string(),
      }),
    )
    .nullable()
    .optional(),
  grouping: z.enum(reportGroupings),
  revisionKind: z.enum(revisionKinds),
  revisionNumber: z.number().int(),
  programmes: z.array(snapshotProgramme),
  /** Added with Art. 66.2 reports: snapshots published before are Art. 67 reports without incentives. */
  kind: z.enum(reportKinds).optional(),
  reportFormat: z.enum(reportFormats).nullable().optional(),
  incentives: z.array(snapshotIncentive).optional(),
});

export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;
export type SnapshotProgramme = z.infer<typeof snapshotProgramme>;
export type SnapshotIncentive = z.infer<typeof snapshotIncentive>;

/** A stored snapshot, checked: a malformed one is an error, never silently replaced by live rows. */
export function parseReportSnapshot(value: unknown, reportId: number): ReportSnapshot {
  const parsed = reportSnapshotSchema.safeParse(value);
  if (!parsed.success) throw new Error(`report ${reportId} has a snapshot this version cannot read`);
  return parsed.data;
}

/**
 * The report's document data from the live rows, with the report's pending edits over the public
 * values of its activities (a draft's document shows the draft), ready to be stored as its
 * snapshot; null if no such report.
 */
export async function reportSnapshot(db: Db, reportId: number): Promise<ReportSnapshot | null> {
  const [report] = await db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) return null;
  const rows = await db
    .select({ rowNumber: reportActivities.rowNumber, activity: activities })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, reportId))
    .orderBy(asc(reportActivities.rowNumber));
  const ids = rows.map((row) => row.activity.id);
  const [beneficiaries, agencyLinks, pending] = await Promise.all([
    beneficiariesOf(db, ids),
    agenciesOf(db, ids),
    pendingEditsOf(db, reportId),
  ]);
  const pendingAgencies = await agenciesById(
    db,
    [...pending.values()].flatMap((edit) => edit.values.agencies.map((link) => link.agencyId)),
  );
  for (const [activityId, edit] of pending) {
    beneficiaries.set(
      activityId,
      edit.values.beneficiaries.map((b) => ({
        name: b.nameAsWritten,
        kind: b.kind,
        code: b.partyCode ?? b.regionCode,
      })),
    );
    agencyLinks.set(
      activityId,
      [...edit.values.agencies]
        .sort((a, b) => a.agencyId - b.agencyId)
        .flatMap((link) => {
          const agency = pendingAgencies.get(link.agencyId);
          return agency
            ? [{ code: agency.code, role: link.role, name: agency.name, acronym: agency.acronym }]
            : [];
        }),
    );
  }
  const incentives = report.kind === 'art66-2' ? await incentivesOfReport(db, reportId) : [];
  const drafted = rows.map((row) => ({
    ...row,
    activity: withPendingValues(row.activity, pending.get(row.activity.id)),
  }));
  return {
    format: 1,
    reportId: report.id,
    reportingPartyCode: report.reportingPartyCode,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    symbol: report.symbol,
    originalLanguage: report.originalLanguage,
    circulationDate: report.circulationDate,
    narrative: report.narrative,
    periodPrecision: report.periodPrecision,
    narrativeOutline: report.narrativeOutline,
    grouping: report.grouping,
    revisionKind: report.revisionKind,
    revisionNumber: report.revisionNumber,
    kind: report.kind,
    reportFormat: report.format,
    incentives: incentives.map(
      ({ id, reportId: _report, createdAt: _c, updatedAt: _u, version: _v, ...row }) => ({
        ...row,
        incentiveId: id,
      }),
    ),
    programmes: drafted.map(({ rowNumber, activity: a }) => ({
      rowNumber,
      activityId: a.id,
      title: a.title,
      description: a.description,
      originalLanguage: a.originalLanguage,
      startDate: a.startDate,
      startPrecision: a.startPrecision,
      endDate: a.endDate,
      endPrecision: a.endPrecision,
      level: a.level,
      activityType: a.activityType,
      ipAreas: a.ipAreas,
      beneficiaries: (beneficiaries.get(a.id) ?? []).map((b) => ({
        kind: b.kind as 'party' | 'region' | 'unresolved',
        code: b.code,
        nameAsWritten: b.name,
      })),
      agencies: agencyLinks.get(a.id) ?? [],
    })),
  };
}

async function agenciesOf(db: Db, activityIds: number[]) {
  const byActivity = new Map<number, SnapshotProgramme['agencies']>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .select({
      activityId: activityAgencies.activityId,
      role: activityAgencies.role,
      code: agencies.code,
      name: agencies.name,
      acronym: agencies.acronym,
    })
    .from(activityAgencies)
    .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
    .where(inArray(activityAgencies.activityId, activityIds))
    // Registration order: stable, and the demo registers the lead agencies first.
    .orderBy(asc(activityAgencies.activityId), asc(agencies.id));
  for (const { activityId, ...agency } of rows) {
    byActivity.set(activityId, [...(byActivity.get(activityId) ?? []), agency]);
  }
  return byActivity;
}
