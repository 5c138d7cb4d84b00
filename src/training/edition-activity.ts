import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { agencies } from '../agencies/schema.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record.ts';
import { type LocalizedText, touch } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { parties, regions, taxonomyTerms } from '../reference/schema.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { participants, programmeOrganizers, trainingEditions, trainingProgrammes } from './schema.ts';

/** Reports the reporter may still change; once submitted or published, a report's rows are history. */
const openReportStatuses = ['draft', 'returned'] as const;
const closedReportStatuses = ['submitted', 'published'] as const;

const activityStatusOf = {
  planned: 'planned',
  open: 'planned',
  selection: 'planned',
  running: 'ongoing',
  completed: 'completed',
} as const;

export type EditionActivitySync = {
  activityId: number | null;
  /** The open draft the activity is listed in, if any. */
  reportId: number | null;
  /** True when the activity is listed in a submitted or published report and was left as it was. */
  frozen: boolean;
};

/**
 * Keeps the Art. 67 activity of a training edition in step with the edition: organizer's party as
 * donor, "<programme> <year>" as title, the edition's dates, the distinct parties of its
 * participants as beneficiaries, organizer as implementing agency and partners as partners; then
 * lists it at the end of the organizer party's open draft report whose period covers the edition.
 * Once the activity is in a submitted or published report, the report is the record: nothing
 * changes any more. Runs in the caller's transaction (pass the transaction as db); audit-recorded.
 */
export async function syncEditionActivity(
  db: Db,
  editionId: number,
  actor: Actor = systemActor,
): Promise<EditionActivitySync> {
  const [row] = await db
    .select({ edition: trainingEditions, programme: trainingProgrammes })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(trainingEditions.id, editionId));
  if (!row) throw new Error(`no training edition ${editionId}`);
  const { edition, programme } = row;

  if (edition.activityId && (await inClosedReport(db, edition.activityId))) {
    return { activityId: edition.activityId, reportId: null, frozen: true };
  }

  const organizers = await db
    .select({
      agencyId: programmeOrganizers.agencyId,
      role: programmeOrganizers.role,
      partyCode: agencies.partyCode,
    })
    .from(programmeOrganizers)
    .innerJoin(agencies, eq(agencies.id, programmeOrganizers.agencyId))
    .where(eq(programmeOrganizers.programmeId, programme.id))
    .orderBy(asc(programmeOrganizers.agencyId));
  const donor = organizers.find((o) => o.role === 'organizer' && o.partyCode)?.partyCode;
  // An organizer outside any party (e.g. an IGO without a code) has no report to enter.
  if (!donor) return { activityId: edition.activityId, reportId: null, frozen: false };

  const beneficiaries = await editionBeneficiaries(db, editionId, edition.reportedParticipantRegions);
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participants)
    .where(eq(participants.editionId, editionId));
  const participantCount = Number(counted?.n ?? 0);
  const ipAreas = await ipAreaCodes(db, programme.interestAreas);
  const partnerIsIgo = await anyIgo(
    db,
    organizers.filter((o) => o.role === 'partner').flatMap((o) => (o.partyCode ? [o.partyCode] : [])),
  );
  const { startDate, endDate, precision } = editionDates(edition);
  const values = {
    donorPartyCode: donor,
    title: editionTitle(programme.name, edition.year),
    description: {
      en: editionDescription(programme.name, edition, beneficiaries, participantCount || undefined),
    },
    originalLanguage: programme.name.en
      ? ('en' as const)
      : programme.name.fr
        ? ('fr' as const)
        : ('es' as const),
    startDate,
    startPrecision: precision,
    endDate,
    endPrecision: precision,
    // Through an IGO partner it is multilateral; otherwise by the number of beneficiary parties.
    level: partnerIsIgo ? 'multilateral' : beneficiaries.length > 1 ? 'plurilateral' : 'bilateral',
    activityType: 'training',
    deliveryMode: edition.mode,
    deliveryLanguages: edition.deliveryLanguages,
    status: activityStatusOf[edition.status],
    source: 'training-edition',
  };

  let activityId = edition.activityId;
  if (activityId) {
    const [before] = await db
      .select({ ipAreas: activities.ipAreas })
      .from(activities)
      .where(eq(activities.id, activityId));
    await db
      .update(activities)
      // Areas typed on the activity stay when the programme names none from the taxonomy.
      .set({ ...values, ipAreas: ipAreas.length ? ipAreas : (before?.ipAreas ?? []), ...touch(activities) })
      .where(eq(activities.id, activityId));
    await db.delete(activityBeneficiaries).where(eq(activityBeneficiaries.activityId, activityId));
    await db.delete(activityAgencies).where(eq(activityAgencies.activityId, activityId));
  } else {
    // Not public until a report listing it is published.
    const [inserted] = await db
      .insert(activities)
      .values({ ...values, ipAreas, isPublic: false })
      .returning({ id: activities.id });
    if (!inserted) throw new Error('activity insert returned nothing');
    activityId = inserted.id;
    await db.update(trainingEditions).set({ activityId }).where(eq(trainingEditions.id, editionId));
  }
  const id = activityId;
  if (beneficiaries.length > 0) {
    await db
      .insert(activityBeneficiaries)
      .values(beneficiaries.map((b, index) => ({ activityId: id, position: index + 1, ...b })));
  }
  const agencyRows = organizers.map((o) => ({
    activityId: id,
    agencyId: o.agencyId,
    role: o.role === 'organizer' ? ('implementing' as const) : ('partner' as const),
  }));
  if (agencyRows.length > 0) await db.insert(activityAgencies).values(agencyRows);
  await refreshActivitySearch(db, [id]);
  await recordAudit(db, actor, {
    action: edition.activityId ? 'sync-edition-activity' : 'create-edition-activity',
    table: 'activities',
    id,
    // Codes and dates only: an activity never carries a participant's personal data.
    after: {
      editionId,
      title: values.title,
      startDate,
      endDate,
      status: values.status,
      beneficiaries: beneficiaries.map((b) => b.partyCode ?? b.regionCode),
    },
  });

  const reportId = await listInOpenDraft(db, actor, id, donor, startDate ?? `${edition.year}-01-01`);
  return { activityId: id, reportId, frozen: false };
}

async function inClosedReport(db: Db, activityId: number): Promise<boolean> {
  const rows = await db
    .select({ id: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(
      and(eq(reportActivities.activityId, activityId), inArray(reports.status, [...closedReportStatuses])),
    )
    .limit(1);
  return rows.length > 0;
}

export function editionTitle(name: LocalizedText, year: number): LocalizedText {
  return Object.fromEntries(
    Object.entries(name).flatMap(([lang, text]) => (text ? [[lang, `${text} ${year}`]] : [])),
  ) as LocalizedText;
}

/** Counts and topics only: the description of a public activity never names a participant. */
function editionDescription(
  name: LocalizedText,
  edition: { year: number; topics: string[]; reportedParticipants: number | null },
  beneficiaries: Array<{ kind: string }>,
  participantCount?: number,
): string {
  const programmeName = name.en ?? name.fr ?? name.es ?? '';
  const parties = beneficiaries.filter((b) => b.kind === 'party').length;
  const count = participantCount ?? edition.reportedParticipants;
  const who = count
    ? `: ${count} participants${parties ? ` from ${parties} ${parties === 1 ? 'party' : 'parties'}` : ''}`
    : '';
  const topics = edition.topics.length ? ` Topics: ${edition.topics.join('; ')}.` : '';
  return `${programmeName}, ${edition.year} edition${who}.${topics}`;
}

/** Known days, or the year alone (stored as 1 January, precision "year"). */
function editionDates(edition: { year: number; startDate: string | null; endDate: string | null }) {
  if (edition.startDate)
    return {
      startDate: edition.startDate,
      endDate: edition.endDate ?? edition.startDate,
      precision: 'day' as const,
    };
  return { startDate: `${edition.year}-01-01`, endDate: `${edition.year}-01-01`, precision: 'year' as const };
}

/**
 * The distinct parties of the edition's participants, by English name; for an edition whose
 * participants are not recorded here, the regions the organizer reported.
 */
async function editionBeneficiaries(db: Db, editionId: number, reportedRegions: string[]) {
  const partyRows = await db
    .selectDistinct({ code: parties.code, name: parties.nameEn })
    .from(participants)
    .innerJoin(parties, eq(parties.code, participants.partyCode))
    .where(eq(participants.editionId, editionId))
    .orderBy(asc(parties.nameEn));
  if (partyRows.length > 0) {
    return partyRows.map((p) => ({
      kind: 'party' as const,
      partyCode: p.code,
      regionCode: null,
      nameAsWritten: p.name,
    }));
  }
  if (reportedRegions.length === 0) return [];
  const regionRows = await db
    .select({ code: regions.code, name: regions.nameEn })
    .from(regions)
    .where(inArray(regions.code, reportedRegions));
  return reportedRegions.flatMap((code) => {
    const region = regionRows.find((r) => r.code === code);
    return region
      ? [{ kind: 'region' as const, partyCode: null, regionCode: code, nameAsWritten: region.name }]
      : [];
  });
}

async function ipAreaCodes(db: Db, interestAreas: string[]): Promise<string[]> {
  if (interestAreas.length === 0) return [];
  const known = await db
    .select({ key: taxonomyTerms.key })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.taxonomy, 'ip-area'), inArray(taxonomyTerms.key, interestAreas)));
  const keys = new Set(known.map((k) => k.key));
  return [...new Set(interestAreas.filter((area) => keys.has(area)))];
}

async function anyIgo(db: Db, partyCodes: string[]): Promise<boolean> {
  if (partyCodes.length === 0) return false;
  const rows = await db
    .select({ code: parties.code })
    .from(parties)
    .where(and(inArray(parties.code, partyCodes), eq(parties.kind, 'igo')))
    .limit(1);
  return rows.length > 0;
}

/**
 * Lists the activity at the end of the donor's open draft whose period covers `onDate`; takes it
 * out of open drafts it entered by itself (origin 'training-edition') whose period no longer
 * covers it, e.g. after the dates moved to another year.
 */
async function listInOpenDraft(
  db: Db,
  actor: Actor,
  activityId: number,
  donor: string,
  onDate: string,
): Promise<number | null> {
  const listed = await db
    .select({
      reportId: reports.id,
      origin: reportActivities.origin,
      rowNumber: reportActivities.rowNumber,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      status: reports.status,
    })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(eq(reportActivities.activityId, activityId));
  const covers = (r: { periodStart: string; periodEnd: string }) =>
    r.periodStart <= onDate && onDate <= r.periodEnd;
  for (const stale of listed.filter(
    (r) =>
      r.origin === 'training-edition' &&
      !covers(r) &&
      (openReportStatuses as readonly string[]).includes(r.status),
  )) {
    await removeRow(db, stale.reportId, activityId, stale.rowNumber);
    await recordAudit(db, actor, {
      action: 'remove-from-report',
      table: 'report_activities',
      id: `${stale.reportId}:${activityId}`,
      note: 'training edition moved out of the report period',
    });
  }
  const already = listed.find((r) => covers(r));
  if (already) return already.reportId;

  const [draft] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.reportingPartyCode, donor),
        inArray(reports.status, [...openReportStatuses]),
        lte(reports.periodStart, onDate),
        sql`${reports.periodEnd} >= ${onDate}`,
      ),
    )
    // The original document before corrigenda and addenda; the latest period first.
    .orderBy(asc(reports.revisionNumber), desc(reports.periodStart), asc(reports.id))
    .limit(1);
  if (!draft) return null;
  const [last] = await db
    .select({ max: sql<number | null>`max(${reportActivities.rowNumber})` })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, draft.id));
  const rowNumber = Number(last?.max ?? 0) + 1;
  await db
    .insert(reportActivities)
    .values({ reportId: draft.id, activityId, rowNumber, origin: 'training-edition' });
  await recordAudit(db, actor, {
    action: 'add-to-report',
    table: 'report_activities',
    id: `${draft.id}:${activityId}`,
    after: { reportId: draft.id, activityId, rowNumber, origin: 'training-edition' },
  });
  return draft.id;
}

/** Deletes a row and closes the gap; rows are moved through negative numbers so the unique key holds. */
async function removeRow(db: Db, reportId: number, activityId: number, rowNumber: number) {
  await db
    .delete(reportActivities)
    .where(and(eq(reportActivities.reportId, reportId), eq(reportActivities.activityId, activityId)));
  const after = and(eq(reportActivities.reportId, reportId), gt(reportActivities.rowNumber, rowNumber));
  await db
    .update(reportActivities)
    .set({ rowNumber: sql`-(${reportActivities.rowNumber} - 1)` })
    .where(after);
  await db
    .update(reportActivities)
    .set({ rowNumber: sql`-${reportActivities.rowNumber}` })
    .where(and(eq(reportActivities.reportId, reportId), sql`${reportActivities.rowNumber} < 0`));
}
