import { and, asc, desc, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { agencies } from '../agencies/schema.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record.ts';
import { auditLog } from '../audit/schema.ts';
import { type LocalizedText, touch } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { defineMessages } from '../i18n/catalogue.ts';
import { type Language, languages } from '../i18n/languages.ts';
import { counted } from '../i18n/plural.ts';
import { carryEditionNeeds } from '../needs/delivery/editions.ts';
import { parties, regions, taxonomyTerms } from '../reference/schema.ts';
import { appendToReport } from '../reports/activity-list.ts';
import {
  type PendingActivityValues,
  pendingEditsOf,
  publicValues,
  savePendingEdit,
} from '../reports/pending-edits.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { resultsOf } from '../results/service.ts';
import { editionResults, refreshEditionResults, withComputedFirst } from './edition-results.ts';
import { participants, programmeOrganizers, trainingEditions, trainingProgrammes } from './schema.ts';

/** Syncs the edition of a participant (after a change to its certificates or research projects). */
export async function syncEditionOf(db: Db, participantId: number, actor: Actor): Promise<void> {
  const [row] = await db
    .select({ editionId: participants.editionId })
    .from(participants)
    .where(eq(participants.id, participantId));
  if (row) await syncEditionActivity(db, row.editionId, actor);
}

/** Reports the reporter may still change; a submitted one is with the Secretariat and stays as it is. */
const openReportStatuses = ['draft', 'returned'] as const;

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
  /**
   * True when the activity was left as it was: not yet public and listed in a submitted report,
   * or published and listed in no open draft.
   */
  frozen: boolean;
};

/**
 * Keeps the Art. 67 activity of a training edition in step with the edition: organizer's party as
 * donor, "<programme> <year>" as title, the edition's dates, the distinct parties of its
 * participants as beneficiaries, organizer as implementing agency and partners as partners; then
 * lists it at the end of the organizer party's open draft report whose period covers the edition.
 * While the report listing it is submitted, nothing changes. Once a report listing it is published,
 * the activity is the public record and is never written here again: the edition's changes go to
 * the pending version of the open drafts listing it (reports/pending-edits.ts), public when one of
 * them is published. Runs in the caller's transaction (pass the transaction as db); audit-recorded.
 *
 * The reporter's word wins over the edition's:
 * - Once a reporter has edited the activity (an 'update' of it in the audit trail by anyone but
 *   the system; syncs record themselves as 'create-edition-activity' / 'sync-edition-activity'),
 *   the sync keeps every field as the reporter left it (title, description, dates, status,
 *   beneficiaries, agencies…) and only appends, after the reporter's beneficiaries, the parties
 *   of participants selected since the last sync that are not listed yet. It never removes one.
 * - A draft the reporter took the activity out of ('remove-activity' in the audit trail) does not
 *   get it back: the sync no longer lists it there.
 * - The needs the edition answers (need_edition_links) are linked to the activity in each open
 *   draft listing it, but for a link a reporter removed there (needs/delivery/editions.ts).
 */
export async function syncEditionActivity(
  db: Db,
  editionId: number,
  actor: Actor = systemActor,
): Promise<EditionActivitySync> {
  const synced = await syncActivityFields(db, editionId, actor);
  // The needs the edition answers go with its activity into the open drafts that list it.
  if (synced.activityId && !synced.frozen) await carryEditionNeeds(db, actor, editionId);
  return synced;
}

async function syncActivityFields(db: Db, editionId: number, actor: Actor): Promise<EditionActivitySync> {
  const [row] = await db
    .select({ edition: trainingEditions, programme: trainingProgrammes })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(eq(trainingEditions.id, editionId));
  if (!row) throw new Error(`no training edition ${editionId}`);
  const { edition, programme } = row;

  const isPublic = edition.activityId ? await isPublicActivity(db, edition.activityId) : false;
  // Not yet public: the one report listing it is with the Secretariat, so it stays as sent.
  if (edition.activityId && !isPublic && (await inSubmittedReport(db, edition.activityId))) {
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
  const { startDate, endDate } = editionDates(edition);
  const agencyRows = organizers.map((o) => ({
    agencyId: o.agencyId,
    role: o.role === 'organizer' ? ('implementing' as const) : ('partner' as const),
  }));

  // Published in a report: the activity is that report's public record now. The edition's changes
  // go to the pending version of the open drafts that list it (carried forward, or a corrigendum),
  // never to it. A public activity listed in no published report (a programme's own record, such
  // as the demo's 2024 edition read from WIPO's article) follows its edition directly.
  if (edition.activityId && isPublic && (await inPublishedReport(db, edition.activityId))) {
    const fields = await editionFields(db, edition, programme, organizers, beneficiaries, donor);
    return syncIntoDrafts(db, actor, {
      editionId,
      edition,
      activityId: edition.activityId,
      fields,
      beneficiaries,
      agencies: agencyRows,
    });
  }

  if (edition.activityId && (await editedByReporter(db, edition.activityId))) {
    const id = edition.activityId;
    const added = await appendNewBeneficiaries(db, id, beneficiaries);
    // The edition's own results are never the reporter's to type: they follow the edition.
    const [language] = await db
      .select({ lang: activities.originalLanguage })
      .from(activities)
      .where(eq(activities.id, id));
    await refreshEditionResults(db, id, edition, language?.lang ?? 'en');
    await recordAudit(db, actor, {
      action: 'sync-edition-activity',
      table: 'activities',
      id,
      note: "kept the reporter's edits; only parties of newly selected participants are added",
      after: {
        editionId,
        keptReporterEdits: true,
        editionBeneficiaries: beneficiaries.map(beneficiaryCode),
        addedBeneficiaries: added.map(beneficiaryCode),
      },
    });
    // The listing follows the activity's dates, which are the reporter's now.
    const [kept] = await db
      .select({ startDate: activities.startDate })
      .from(activities)
      .where(eq(activities.id, id));
    const onDate = kept?.startDate ?? startDate;
    const reportId = await listInOpenDraft(db, actor, id, donor, onDate);
    return { activityId: id, reportId, frozen: false };
  }

  const { values, ipAreas } = await editionFields(db, edition, programme, organizers, beneficiaries, donor);

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
  if (agencyRows.length > 0)
    await db.insert(activityAgencies).values(agencyRows.map((link) => ({ ...link, activityId: id })));
  await refreshEditionResults(db, id, edition, values.originalLanguage);
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
      beneficiaries: beneficiaries.map(beneficiaryCode),
    },
  });

  const reportId = await listInOpenDraft(db, actor, id, donor, startDate);
  return { activityId: id, reportId, frozen: false };
}

type Beneficiary = Awaited<ReturnType<typeof editionBeneficiaries>>[number];

/** The activity's fields as the edition gives them, and the IP areas the programme names. */
async function editionFields(
  db: Db,
  edition: typeof trainingEditions.$inferSelect,
  programme: typeof trainingProgrammes.$inferSelect,
  organizers: Array<{ role: string; partyCode: string | null }>,
  beneficiaries: Beneficiary[],
  donor: string,
) {
  const { startDate, endDate, precision } = editionDates(edition);
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participants)
    .where(eq(participants.editionId, edition.id));
  const participantCount = Number(counted?.n ?? 0);
  const ipAreas = await ipAreaCodes(db, programme.interestAreas);
  const partnerIsIgo = await anyIgo(
    db,
    organizers.filter((o) => o.role === 'partner').flatMap((o) => (o.partyCode ? [o.partyCode] : [])),
  );
  const values = {
    donorPartyCode: donor,
    title: editionTitle(programme.name, edition.year),
    description: editionDescription(programme.name, edition, beneficiaries, participantCount || undefined),
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
  return { values, ipAreas };
}

async function isPublicActivity(db: Db, activityId: number): Promise<boolean> {
  const [row] = await db
    .select({ isPublic: activities.isPublic })
    .from(activities)
    .where(eq(activities.id, activityId));
  return row?.isPublic ?? false;
}

/**
 * A published edition activity: the edition's values written as the pending version of each open
 * draft that lists it, by the same rules as before publication (the reporter's edits win; then only
 * the parties of newly selected participants are appended). Frozen when no open draft lists it.
 */
async function syncIntoDrafts(
  db: Db,
  actor: Actor,
  sync: {
    editionId: number;
    edition: typeof trainingEditions.$inferSelect;
    activityId: number;
    fields: Awaited<ReturnType<typeof editionFields>>;
    beneficiaries: Beneficiary[];
    agencies: PendingActivityValues['agencies'];
  },
): Promise<EditionActivitySync> {
  const { activityId, beneficiaries } = sync;
  const drafts = await db
    .select({ id: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(and(eq(reportActivities.activityId, activityId), inArray(reports.status, [...openReportStatuses])))
    .orderBy(asc(reports.revisionNumber), desc(reports.periodStart), asc(reports.id));
  if (drafts.length === 0) return { activityId, reportId: null, frozen: true };
  const keepReporterEdits = await editedByReporter(db, activityId);
  const known = keepReporterEdits ? await lastSyncedCodes(db, activityId) : new Set<unknown>();
  for (const draft of drafts) {
    // Locks the report row as every change to a draft does, then reads the draft's version.
    await db.select({ id: reports.id }).from(reports).where(eq(reports.id, draft.id)).for('update');
    await db
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.id, activityId))
      .for('update');
    const current =
      (await pendingEditsOf(db, draft.id, [activityId])).get(activityId) ??
      (await publicValues(db, activityId).then((found) => (found ? { ...found, activityId } : undefined)));
    if (!current) continue;
    // The edition's computed results replace the previous ones; results a person typed stay.
    const before = current.values.results ?? (await resultsOf(db, [activityId])).get(activityId) ?? [];
    const results = withComputedFirst(
      await editionResults(db, sync.edition, current.values.activity.originalLanguage),
      before,
    );
    let values: PendingActivityValues;
    if (keepReporterEdits) {
      const present = new Set(current.values.beneficiaries.map(beneficiaryCode));
      const added = beneficiaries.filter(
        (b) => !known.has(beneficiaryCode(b)) && !present.has(beneficiaryCode(b)),
      );
      if (added.length === 0 && JSON.stringify(results) === JSON.stringify(before)) continue;
      values = { ...current.values, beneficiaries: [...current.values.beneficiaries, ...added], results };
    } else {
      const { donorPartyCode: _donor, source: _source, ...fields } = sync.fields.values;
      values = {
        activity: {
          ...current.values.activity,
          ...fields,
          ipAreas: sync.fields.ipAreas.length ? sync.fields.ipAreas : current.values.activity.ipAreas,
        },
        beneficiaries,
        agencies: sync.agencies,
        results,
      };
    }
    await savePendingEdit(db, { reportId: draft.id, activityId, expectedVersion: current.version, values });
  }
  await recordAudit(db, actor, {
    action: 'sync-edition-activity',
    table: 'activities',
    id: activityId,
    note: 'published activity: the edition is synced into the pending version of open drafts',
    after: {
      editionId: sync.editionId,
      keptReporterEdits: keepReporterEdits,
      drafts: drafts.map((draft) => draft.id),
      editionBeneficiaries: beneficiaries.map(beneficiaryCode),
    },
  });
  return { activityId, reportId: drafts[0]?.id ?? null, frozen: false };
}

const beneficiaryCode = (b: { partyCode: string | null; regionCode: string | null }) =>
  b.partyCode ?? b.regionCode;

/** Whether anyone but the system (a reporter, the Secretariat, the command line) edited the activity. */
async function editedByReporter(db: Db, activityId: number): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tableName, 'activities'),
        eq(auditLog.recordId, String(activityId)),
        eq(auditLog.action, 'update'),
        ne(auditLog.actor, systemActor.label),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * For an activity the reporter edited: the edition's beneficiaries that the last sync did not
 * know (newly selected participants' parties) and the activity does not list, appended after the
 * reporter's. A beneficiary the reporter removed stays removed. Returns what was added.
 */
async function appendNewBeneficiaries(
  db: Db,
  activityId: number,
  beneficiaries: Beneficiary[],
): Promise<Beneficiary[]> {
  const known = await lastSyncedCodes(db, activityId);
  const listed = await db
    .select({
      position: activityBeneficiaries.position,
      partyCode: activityBeneficiaries.partyCode,
      regionCode: activityBeneficiaries.regionCode,
    })
    .from(activityBeneficiaries)
    .where(eq(activityBeneficiaries.activityId, activityId));
  const present = new Set(listed.map(beneficiaryCode));
  const added = beneficiaries.filter(
    (b) => !known.has(beneficiaryCode(b)) && !present.has(beneficiaryCode(b)),
  );
  if (added.length === 0) return [];
  const last = Math.max(0, ...listed.map((b) => b.position));
  await db
    .insert(activityBeneficiaries)
    .values(added.map((b, index) => ({ activityId, position: last + index + 1, ...b })));
  // A new version: a reporter's form opened before this is told rather than overwriting it.
  await db.update(activities).set(touch(activities)).where(eq(activities.id, activityId));
  await refreshActivitySearch(db, [activityId]);
  return added;
}

/** The beneficiary codes the last sync of the activity knew from its edition. */
async function lastSyncedCodes(db: Db, activityId: number): Promise<Set<unknown>> {
  const [lastSync] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tableName, 'activities'),
        eq(auditLog.recordId, String(activityId)),
        inArray(auditLog.action, ['create-edition-activity', 'sync-edition-activity']),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const synced = (lastSync?.after ?? {}) as { beneficiaries?: unknown; editionBeneficiaries?: unknown };
  return new Set<unknown>(
    [synced.beneficiaries, synced.editionBeneficiaries].flatMap((list) => (Array.isArray(list) ? list : [])),
  );
}

async function inPublishedReport(db: Db, activityId: number): Promise<boolean> {
  const rows = await db
    .select({ id: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(and(eq(reportActivities.activityId, activityId), eq(reports.status, 'published')))
    .limit(1);
  return rows.length > 0;
}

async function inSubmittedReport(db: Db, activityId: number): Promise<boolean> {
  const rows = await db
    .select({ id: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .where(and(eq(reportActivities.activityId, activityId), eq(reports.status, 'submitted')))
    .limit(1);
  return rows.length > 0;
}

export function editionTitle(name: LocalizedText, year: number): LocalizedText {
  return Object.fromEntries(
    Object.entries(name).flatMap(([lang, text]) => (text ? [[lang, `${text} ${year}`]] : [])),
  ) as LocalizedText;
}

/** The activity's description in the three languages; programme names and topics as they are stored. */
export const descriptionText = defineMessages({
  en: {
    edition: '{programme}, {year} edition',
    participantsOne: ': {count} participant',
    participantsOther: ': {count} participants',
    fromPartiesOne: ' from {count} party',
    fromPartiesOther: ' from {count} parties',
    topics: ' Topics: {topics}.',
  },
  fr: {
    edition: '{programme}, édition {year}',
    participantsOne: '\u202f: {count} participant',
    participantsOther: '\u202f: {count} participants',
    fromPartiesOne: ' de {count} partie',
    fromPartiesOther: ' de {count} parties',
    topics: ' Thèmes\u202f: {topics}.',
  },
  es: {
    edition: '{programme}, edición {year}',
    participantsOne: ': {count} participante',
    participantsOther: ': {count} participantes',
    fromPartiesOne: ' de {count} parte',
    fromPartiesOther: ' de {count} partes',
    topics: ' Temas: {topics}.',
  },
});

/** Counts and topics only: the description of a public activity never names a participant. */
function editionDescription(
  name: LocalizedText,
  edition: { year: number; topics: string[]; reportedParticipants: number | null },
  beneficiaries: Array<{ kind: string }>,
  participantCount?: number,
): LocalizedText {
  const parties = beneficiaries.filter((b) => b.kind === 'party').length;
  const count = participantCount ?? edition.reportedParticipants;
  const inLanguage = (lang: Language) => {
    const text = descriptionText(lang);
    const programme = name[lang] ?? name.en ?? name.fr ?? name.es ?? '';
    const from = parties ? counted(text, lang, 'fromParties', parties) : '';
    const who = count ? `${counted(text, lang, 'participants', count)}${from}` : '';
    const topics = edition.topics.length ? text('topics', { topics: edition.topics.join('; ') }) : '';
    return `${text('edition', { programme, year: edition.year })}${who}.${topics}`;
  };
  return Object.fromEntries(languages.map((lang) => [lang, inLanguage(lang)])) as LocalizedText;
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
export async function editionBeneficiaries(db: Db, editionId: number, reportedRegions: string[]) {
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
 * covers it, e.g. after the dates moved to another year. Never lists it again in a draft a
 * reporter removed it from.
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
    await removeRow(db, stale.reportId, activityId);
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
  // The reporter took it out of this draft: their choice stands.
  if (await removedByReporter(db, draft.id, activityId)) return null;
  // The drafting side's append: it locks the report row, so a reporter's append and this one queue.
  await appendToReport(db, draft.id, [activityId], 'training-edition');
  const [added] = await db
    .select({ rowNumber: reportActivities.rowNumber })
    .from(reportActivities)
    .where(and(eq(reportActivities.reportId, draft.id), eq(reportActivities.activityId, activityId)));
  await recordAudit(db, actor, {
    action: 'add-to-report',
    table: 'report_activities',
    id: `${draft.id}:${activityId}`,
    after: { reportId: draft.id, activityId, rowNumber: added?.rowNumber, origin: 'training-edition' },
  });
  return draft.id;
}

/** Whether a reporter took the activity off this report's list (drafting's removeFromReport). */
async function removedByReporter(db: Db, reportId: number, activityId: number): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tableName, 'report_activities'),
        eq(auditLog.recordId, `${reportId}:${activityId}`),
        eq(auditLog.action, 'remove-activity'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Deletes a row and closes the gap, the report row locked as appends lock it; rows are moved
 * through negative numbers so the unique key holds.
 */
async function removeRow(db: Db, reportId: number, activityId: number) {
  await db.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId)).for('update');
  const [removed] = await db
    .delete(reportActivities)
    .where(and(eq(reportActivities.reportId, reportId), eq(reportActivities.activityId, activityId)))
    .returning({ rowNumber: reportActivities.rowNumber });
  if (!removed) return;
  const after = and(
    eq(reportActivities.reportId, reportId),
    gt(reportActivities.rowNumber, removed.rowNumber),
  );
  await db
    .update(reportActivities)
    .set({ rowNumber: sql`-(${reportActivities.rowNumber} - 1)` })
    .where(after);
  await db
    .update(reportActivities)
    .set({ rowNumber: sql`-${reportActivities.rowNumber}` })
    .where(and(eq(reportActivities.reportId, reportId), sql`${reportActivities.rowNumber} < 0`));
}
