import { and, asc, eq } from 'drizzle-orm';
import { activities, activityAgencies, activityBeneficiaries } from '../../activities/schema.ts';
import { refreshActivitySearch } from '../../activities/search-index.ts';
import { agencies } from '../../agencies/schema.ts';
import { type Actor, type AuditEntry, recordAudit, recordAudits } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import {
  confirmElements,
  elementsOf,
  returnToSuggestions,
  suggestElementsFor,
} from '../../elements/service.ts';
import { type ElementCode, orderedElements } from '../../elements/taxonomy.ts';
import { type ActivityOrigin, appendToReport } from '../../reports/activity-list.ts';
import {
  agenciesById,
  editableFields,
  type PendingActivityValues,
  pendingEditsOf,
  savePendingEdit,
  withPendingValues,
} from '../../reports/pending-edits.ts';
import { reportActivities } from '../../reports/schema.ts';
import { replaceResults, resultsOf, withComputedResults } from '../../results/service.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import { lockReportForChange, type ReportLocked } from '../report.ts';
import { type ActivityInput, activityValuesFromInput } from './input.ts';

/** Provenance of activities typed or uploaded here. */
export const draftedActivitySource = {
  manual: 'drafting-form',
  spreadsheet: 'drafting-spreadsheet',
} as const;

export type StoredActivity = typeof activities.$inferSelect & {
  beneficiaries: Array<{
    kind: 'party' | 'region' | 'unresolved';
    partyCode: string | null;
    regionCode: string | null;
    nameAsWritten: string;
  }>;
  agencies: Array<{ role: 'implementing' | 'partner'; code: string }>;
  /** Elements of Article 67 a person set (the report's pending choice, else the confirmed record). */
  elements: ElementCode[];
  /** Elements the rules suggest and nobody has confirmed yet: shown, not ticked. */
  suggestedElements: ElementCode[];
  /** Result indicators as the report sees them (its pending version, else the stored ones). */
  results: ResultIndicator[];
};

/**
 * An activity as listed on this report, with its beneficiaries and agencies, as the report sees it
 * (its pending edit over the public record, if it has one); null if not on it.
 */
export async function activityOnReport(
  db: Db,
  reportId: number,
  activityId: number,
): Promise<StoredActivity | null> {
  const [row] = await db
    .select({ activity: activities })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(and(eq(reportActivities.reportId, reportId), eq(reportActivities.activityId, activityId)));
  if (!row) return null;
  const pending = (await pendingEditsOf(db, reportId, [activityId])).get(activityId);
  const stored = (await elementsOf(db, [activityId])).get(activityId) ?? [];
  const codesIn = (state: 'suggested' | 'confirmed') =>
    stored.filter((element) => element.state === state).map((element) => element.code);
  const recorded = codesIn('confirmed');
  const suggestedElements = codesIn('suggested');
  const storedResults = (await resultsOf(db, [activityId])).get(activityId) ?? [];
  if (pending) {
    const named = await agenciesById(
      db,
      pending.values.agencies.map((link) => link.agencyId),
    );
    return {
      ...withPendingValues(row.activity, pending),
      beneficiaries: pending.values.beneficiaries,
      agencies: pending.values.agencies
        .flatMap((link) => {
          const code = named.get(link.agencyId)?.code;
          return code ? [{ role: link.role, code }] : [];
        })
        .sort((a, b) => a.code.localeCompare(b.code)),
      elements: pending.values.elements ? orderedElements(pending.values.elements) : recorded,
      suggestedElements: pending.values.elements ? [] : suggestedElements,
      results: pending.values.results ?? storedResults,
    };
  }
  const [beneficiaries, agencyRows] = await Promise.all([
    db
      .select({
        kind: activityBeneficiaries.kind,
        partyCode: activityBeneficiaries.partyCode,
        regionCode: activityBeneficiaries.regionCode,
        nameAsWritten: activityBeneficiaries.nameAsWritten,
      })
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, activityId))
      .orderBy(asc(activityBeneficiaries.position)),
    db
      .select({ role: activityAgencies.role, code: agencies.code })
      .from(activityAgencies)
      .innerJoin(agencies, eq(agencies.id, activityAgencies.agencyId))
      .where(eq(activityAgencies.activityId, activityId))
      .orderBy(asc(agencies.code)),
  ]);
  return {
    ...row.activity,
    beneficiaries,
    agencies: agencyRows,
    elements: recorded,
    suggestedElements,
    results: storedResults,
  };
}

const agencyKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** "University of Ottawa" → "UNIVERSITY-OF-OTTAWA": a readable code for an agency first named here. */
function codeFromName(name: string): string {
  const code = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return code || 'AGENCY';
}

/** Agencies by code, acronym and names, loaded once per batch of activities. */
type AgencyIndex = { byKey: Map<string, number>; codes: Set<string> };

async function agencyIndex(db: Db): Promise<AgencyIndex> {
  const known = await db
    .select({ id: agencies.id, code: agencies.code, acronym: agencies.acronym, name: agencies.name })
    .from(agencies);
  const byKey = new Map<string, number>();
  for (const agency of known) {
    for (const text of [agency.code, agency.acronym, ...Object.values(agency.name)]) {
      if (text && !byKey.has(agencyKey(text))) byKey.set(agencyKey(text), agency.id);
    }
  }
  return { byKey, codes: new Set(known.map((agency) => agency.code)) };
}

/**
 * Agency ids for names or codes as typed: an agency known by code, acronym or name in any
 * language is reused; another is created (implementing agencies belong to the donor).
 */
async function agencyIds(
  db: Db,
  actor: Actor,
  index: AgencyIndex,
  wanted: Array<{ role: 'implementing' | 'partner'; nameOrCode: string }>,
  donorPartyCode: string,
  language: string,
): Promise<Array<{ agencyId: number; role: 'implementing' | 'partner' }>> {
  const links: Array<{ agencyId: number; role: 'implementing' | 'partner' }> = [];
  for (const { role, nameOrCode } of wanted) {
    let id = index.byKey.get(agencyKey(nameOrCode));
    if (id === undefined) {
      let code = codeFromName(nameOrCode);
      for (let n = 2; index.codes.has(code); n++) code = `${codeFromName(nameOrCode).slice(0, 36)}-${n}`;
      const values = {
        code,
        name: { [language]: nameOrCode.trim() },
        partyCode: role === 'implementing' ? donorPartyCode : null,
      };
      const [created] = await db.insert(agencies).values(values).returning({ id: agencies.id });
      if (!created) throw new Error('agency insert returned nothing');
      id = created.id;
      index.codes.add(code);
      index.byKey.set(agencyKey(nameOrCode), id);
      await recordAudit(db, actor, { action: 'create', table: 'agencies', id, after: values });
    }
    if (!links.some((link) => link.agencyId === id && link.role === role)) links.push({ agencyId: id, role });
  }
  return links;
}

type BeneficiaryRow = typeof activityBeneficiaries.$inferInsert;
type AgencyLinkRow = typeof activityAgencies.$inferInsert;

/** The beneficiary and agency rows of an activity, agencies found or created on the way. */
async function linkRows(
  db: Db,
  actor: Actor,
  index: AgencyIndex,
  activityId: number,
  input: ActivityInput,
  donorPartyCode: string,
): Promise<{ beneficiaries: BeneficiaryRow[]; agencies: AgencyLinkRow[] }> {
  const values = activityValuesFromInput(input, donorPartyCode);
  const links = await agencyIds(db, actor, index, values.agencies, donorPartyCode, input.originalLanguage);
  return {
    beneficiaries: values.beneficiaries.map((b) => ({ ...b, activityId })),
    agencies: links.map((link) => ({ ...link, activityId })),
  };
}

/** Rows in statements of a few hundred: one per row would make a 2,000-row upload crawl. */
async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** A history line that names what was stored, without the search index or timestamps. */
const auditView = (activity: StoredActivity | null) => {
  if (!activity) return null;
  const { createdAt: _created, updatedAt: _updated, ...rest } = activity;
  return rest;
};

export type AddResult = { ok: true; activityIds: number[] } | ReportLocked | null;

/**
 * New activities on a draft, out of public view until the report is published, donor = the
 * report's party, appended to the list with their origin. Inside the caller's transaction; nothing
 * is written when the report is no longer editable (locked) or gone (null).
 */
export async function addActivitiesToReport(
  tx: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  inputs: Array<ActivityInput & { results?: ResultIndicator[] }>,
  origin: Extract<ActivityOrigin, 'manual' | 'spreadsheet'>,
): Promise<AddResult> {
  const locked = await lockReportForChange(tx, report);
  if (!locked?.ok) return locked;
  const index = await agencyIndex(tx);
  const rows = inputs.map((input) => ({
    input,
    values: activityValuesFromInput(input, report.reportingPartyCode, {
      source: draftedActivitySource[origin],
      isPublic: false,
    }),
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const created = await tx
      .insert(activities)
      .values(chunk.map((row) => row.values.activity))
      .returning({ id: activities.id, title: activities.title });
    // RETURNING follows the VALUES order in PostgreSQL; checked, so a surprise aborts the transaction.
    created.forEach((row, n) => {
      if (JSON.stringify(row.title) !== JSON.stringify(chunk[n]?.values.activity.title))
        throw new Error('inserted activities came back out of order');
    });
    ids.push(...created.map((row) => row.id));
  }
  const beneficiaries: BeneficiaryRow[] = [];
  const agencyLinks: AgencyLinkRow[] = [];
  const audits: AuditEntry[] = [];
  for (const [n, { input, values }] of rows.entries()) {
    const id = ids[n] as number;
    const links = await linkRows(tx, actor, index, id, input, report.reportingPartyCode);
    beneficiaries.push(...links.beneficiaries);
    agencyLinks.push(...links.agencies);
    // What was written, as validated: no reload per row (an upload may hold 2,000 of them).
    audits.push({
      action: 'create',
      table: 'activities',
      id,
      after: { ...values, results: input.results ?? [], reportId: report.id, origin },
    });
  }
  await recordAudits(tx, actor, audits);
  await insertInChunks(beneficiaries, (chunk) => tx.insert(activityBeneficiaries).values(chunk));
  await insertInChunks(agencyLinks, (chunk) => tx.insert(activityAgencies).values(chunk));
  await appendToReport(tx, report.id, ids, origin);
  // Elements the reporter set are confirmed; the others are suggested by the rules.
  const unset: number[] = [];
  for (const [n, { values }] of rows.entries()) {
    const id = ids[n] as number;
    if (values.elements.length > 0) await confirmElements(tx, id, values.elements, actor);
    else unset.push(id);
  }
  await suggestElementsFor(tx, unset);
  for (const [n, { input }] of rows.entries()) {
    if (input.results?.length) await replaceResults(tx, ids[n] as number, input.results);
  }
  await refreshActivitySearch(tx, ids);
  return { ok: true, activityIds: ids };
}

export async function createActivity(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  input: ActivityInput & { results?: ResultIndicator[] },
): Promise<{ ok: true; activityId: number } | ReportLocked | null> {
  const added = await inTransaction(db, (tx) => addActivitiesToReport(tx, actor, report, [input], 'manual'));
  if (!added?.ok) return added;
  const [activityId] = added.activityIds;
  if (activityId === undefined) throw new Error('no activity was created');
  return { ok: true, activityId };
}

export type UpdateResult =
  | { ok: true }
  /** Someone saved the activity since the form was opened: what is stored now. */
  | { ok: false; reason: 'conflict'; current: StoredActivity }
  | ReportLocked
  | null;

/**
 * Saves the reporter's edit if the activity is still at the version their form was opened on
 * (optimistic locking); otherwise writes nothing and returns what is stored now. Titles and
 * descriptions keep their translations in other languages. An activity that is already public is
 * not changed: the edit is kept as this report's pending version of it (reports/pending-edits.ts)
 * until the report is published; one created in this draft (listed in no other report) is edited
 * in place. So no other report ever sees the change, even one under review that lists it too.
 */
export async function updateActivity(
  db: Db,
  actor: Actor,
  report: { id: number; reportingPartyCode: string },
  activityId: number,
  version: number,
  input: ActivityInput,
  /** The indicators typed (computed ones are kept); undefined leaves them as they are. */
  results?: ResultIndicator[],
): Promise<UpdateResult> {
  const reportId = report.id;
  return inTransaction(db, async (tx) => {
    const locked = await lockReportForChange(tx, report);
    if (!locked?.ok) return locked;
    // FOR UPDATE: two saves of the same activity queue, so the version check below sees the first.
    await tx
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.id, activityId))
      .for('update');
    const before = await activityOnReport(tx, reportId, activityId);
    if (!before) return null;
    const { activity } = activityValuesFromInput(input, before.donorPartyCode);
    const lang = input.originalLanguage;
    const description = { ...before.description };
    if (input.description) description[lang] = input.description;
    else delete description[lang];
    const { donorPartyCode: _donor, source: _source, isPublic: _public, ...changes } = activity;
    const conflict = async () =>
      ({
        ok: false,
        reason: 'conflict',
        current: (await activityOnReport(tx, reportId, activityId)) ?? before,
      }) as const;
    const edited = { ...changes, title: { ...before.title, [lang]: input.title }, description };
    if (before.isPublic) {
      // Checked before agencies are found or created: a refused save writes nothing at all.
      if (before.version !== version) return conflict();
      const links = await linkRows(
        tx,
        actor,
        await agencyIndex(tx),
        activityId,
        input,
        before.donorPartyCode,
      );
      const values: PendingActivityValues = {
        activity: { ...editableFields(before), ...edited },
        beneficiaries: links.beneficiaries.map((b) => ({
          kind: b.kind,
          partyCode: b.partyCode ?? null,
          regionCode: b.regionCode ?? null,
          nameAsWritten: b.nameAsWritten,
        })),
        agencies: links.agencies.map((link) => ({ agencyId: link.agencyId, role: link.role })),
        // The draft's elements stay with the pending edit: the public record changes on publication.
        ...(input.elements.length > 0 ? { elements: input.elements } : {}),
        // Results too: a result typed in a draft is public only once the report is published.
        results: results ? withComputedResults(before.results, results) : before.results,
      };
      if (!(await savePendingEdit(tx, { reportId, activityId, expectedVersion: version, values })))
        return conflict();
      await recordAudit(tx, actor, {
        action: 'update',
        table: 'activities',
        id: activityId,
        before: auditView(before),
        after: auditView(await activityOnReport(tx, reportId, activityId)),
        note: `pending in report ${reportId} until it is published`,
      });
      return { ok: true } as const;
    }
    const updated = await tx
      .update(activities)
      .set({ ...edited, ...touch(activities) })
      .where(and(eq(activities.id, activityId), eq(activities.version, version)))
      .returning({ id: activities.id });
    if (updated.length === 0) return conflict();
    const links = await linkRows(tx, actor, await agencyIndex(tx), activityId, input, before.donorPartyCode);
    await tx.delete(activityBeneficiaries).where(eq(activityBeneficiaries.activityId, activityId));
    if (links.beneficiaries.length > 0) await tx.insert(activityBeneficiaries).values(links.beneficiaries);
    await tx.delete(activityAgencies).where(eq(activityAgencies.activityId, activityId));
    if (links.agencies.length > 0) await tx.insert(activityAgencies).values(links.agencies);
    if (input.elements.length > 0) await confirmElements(tx, activityId, input.elements, actor);
    else await returnToSuggestions(tx, activityId, actor);
    if (results) await replaceResults(tx, activityId, withComputedResults(before.results, results));
    await refreshActivitySearch(tx, [activityId]);
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'activities',
      id: activityId,
      before: auditView(before),
      after: auditView(await activityOnReport(tx, reportId, activityId)),
    });
    return { ok: true } as const;
  });
}
