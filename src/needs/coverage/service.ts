import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { agencies } from '../../agencies/schema.ts';
import type { LocalizedText } from '../../db/columns.ts';
import { type Db, queryRows } from '../../db/database.ts';
import { parsePartialDate } from '../../http/partial-date.ts';
import { type PublicDelivery, publicDeliveries } from '../delivery/service.ts';
import { needProposals, needStatusChanges, needs, needsAssessments } from '../schema.ts';
import { type KindOfHelp, type NeedStatus, needStatuses, type ProposalStatus } from '../taxonomy.ts';

/** Needs still waiting for help: nobody has met them and the Member has not withdrawn them. */
export const outstandingStatuses: readonly NeedStatus[] = ['open', 'offered', 'in-progress'];
export const isOutstanding = (status: NeedStatus) => outstandingStatuses.includes(status);

export type StatusCounts = Record<NeedStatus, number>;

/** One published need as the coverage pages and the Secretariat's overview show it. */
export type CoveredNeed = {
  id: number;
  partyCode: string;
  title: Record<string, string>;
  language: 'en' | 'fr' | 'es';
  status: NeedStatus;
  kindsOfHelp: KindOfHelp[];
  ipAreas: string[];
  priority: string;
  isSample: boolean;
  /** When the need reached its status, and the explanation given then (null when never changed). */
  since: Date | null;
  note: string | null;
};

/** One Member: its published needs by status, and the help it received since its first assessment. */
export type MemberCoverage = {
  partyCode: string;
  counts: StatusCounts;
  total: number;
  outstanding: number;
  isSample: boolean;
  /** Outstanding needs by kind of help and by IP area (a need counts under each of its own). */
  outstandingKinds: Array<{ key: KindOfHelp; count: number }>;
  outstandingAreas: Array<{ key: string; count: number }>;
  /** The earliest published assessment's date (YYYY, YYYY-MM or YYYY-MM-DD), if it gives one. */
  assessedOn: string | null;
  /**
   * Published activities listing the Member as a beneficiary since then, by donor, most first —
   * whether or not they answer one of its needs.
   */
  delivered: Array<{ donorCode: string; activities: number }>;
  /** How many of its needs activities of published reports address (the links), and by whom. */
  addressed: number;
  addressedBy: Array<{ donorCode: string; needs: number }>;
  /** Who proposed help for its needs (a donor Member or an agency), by the proposals' status. */
  responded: Responder[];
};

export type Responder = {
  donorCode: string | null;
  agency: { acronym: string | null; name: LocalizedText } | null;
  status: ProposalStatus;
  count: number;
};

const noCounts = (): StatusCounts =>
  Object.fromEntries(needStatuses.map((status) => [status, 0])) as StatusCounts;

/** Every published need with its latest status change, Member by Member; drafts never. */
export async function coveredNeeds(db: Db, partyCode?: string): Promise<CoveredNeed[]> {
  const latest = db
    .selectDistinctOn([needStatusChanges.needId], {
      needId: needStatusChanges.needId,
      changedAt: needStatusChanges.changedAt,
      note: needStatusChanges.note,
    })
    .from(needStatusChanges)
    .orderBy(needStatusChanges.needId, desc(needStatusChanges.changedAt), desc(needStatusChanges.id))
    .as('latest');
  const rows = await db
    .select({ need: needs, assessment: needsAssessments, since: latest.changedAt, note: latest.note })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .leftJoin(latest, eq(latest.needId, needs.id))
    .where(
      and(
        eq(needsAssessments.status, 'published'),
        partyCode ? eq(needsAssessments.partyCode, partyCode) : undefined,
      ),
    )
    .orderBy(asc(needsAssessments.partyCode), asc(needs.id));
  return rows.map(({ need, assessment, since, note }) => ({
    id: need.id,
    partyCode: assessment.partyCode,
    title: need.title,
    language: assessment.language,
    status: need.status,
    kindsOfHelp: need.kindsOfHelp,
    ipAreas: need.ipAreas,
    priority: need.priority,
    isSample: assessment.isSample,
    since,
    note,
  }));
}

/** The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers, or null. */
function firstDay(text: string | null): string | null {
  const parsed = text ? parsePartialDate(text) : null;
  return parsed && typeof parsed !== 'string' ? parsed.date : null;
}

/**
 * Coverage of every Member with published needs (or of one): counts by status, how many of its
 * needs activities of published reports address (the links their reporters made), and what was
 * delivered to it since its first assessment — published activities naming it as a beneficiary,
 * whoever gave them, whether or not they answer a recorded need.
 */
export async function coverageByMember(db: Db, partyCode?: string): Promise<MemberCoverage[]> {
  const [covered, deliveries] = await Promise.all([
    coveredNeeds(db, partyCode),
    publicDeliveries(db, { partyCode }),
  ]);
  return membersOf(db, covered, deliveries, partyCode);
}

/**
 * Every Member's coverage and every published need, with the activities that address each, read
 * once: what the overview document needs.
 */
export async function coverageOverview(db: Db) {
  const [needs, deliveries] = await Promise.all([coveredNeeds(db), publicDeliveries(db)]);
  const addressing = new Map<number, PublicDelivery[]>();
  for (const delivery of deliveries) {
    const list = addressing.get(delivery.needId) ?? [];
    // The same activity carried into a later report addresses the need once.
    if (!list.some((one) => one.activityId === delivery.activityId)) list.push(delivery);
    addressing.set(delivery.needId, list);
  }
  return { needs, members: await membersOf(db, needs, deliveries), addressing };
}

async function membersOf(
  db: Db,
  covered: CoveredNeed[],
  deliveries: PublicDelivery[],
  partyCode?: string,
): Promise<MemberCoverage[]> {
  const assessments = await db
    .select({ partyCode: needsAssessments.partyCode, documentDate: needsAssessments.documentDate })
    .from(needsAssessments)
    .where(
      and(
        eq(needsAssessments.status, 'published'),
        partyCode ? eq(needsAssessments.partyCode, partyCode) : undefined,
      ),
    );
  const members = new Map<string, MemberCoverage>();
  for (const need of covered) {
    const member = members.get(need.partyCode) ?? {
      partyCode: need.partyCode,
      counts: noCounts(),
      total: 0,
      outstanding: 0,
      isSample: false,
      outstandingKinds: [],
      outstandingAreas: [],
      assessedOn: null,
      delivered: [],
      addressed: 0,
      addressedBy: [],
      responded: [],
    };
    member.counts[need.status] += 1;
    member.total += 1;
    if (isOutstanding(need.status)) {
      member.outstanding += 1;
      for (const kind of need.kindsOfHelp) bump(member.outstandingKinds, kind);
      for (const area of need.ipAreas) bump(member.outstandingAreas, area);
    }
    member.isSample ||= need.isSample;
    members.set(need.partyCode, member);
  }
  for (const { partyCode: code, documentDate } of assessments) {
    const member = members.get(code);
    const day = firstDay(documentDate);
    if (member && day && (!member.assessedOn || day < (firstDay(member.assessedOn) ?? day))) {
      member.assessedOn = documentDate;
    }
  }
  for (const row of await respondersOf(db, partyCode)) members.get(row.member)?.responded.push(row.responder);
  addressedCounts(members, deliveries);
  for (const row of await deliveredTo(db, [...members.values()])) {
    members.get(row.member)?.delivered.push({ donorCode: row.donorCode, activities: row.activities });
  }
  for (const member of members.values()) {
    member.outstandingKinds.sort((a, b) => b.count - a.count);
    member.outstandingAreas.sort((a, b) => b.count - a.count);
  }
  return [...members.values()];
}

function bump<K extends string>(tally: Array<{ key: K; count: number }>, key: K) {
  const entry = tally.find((item) => item.key === key);
  if (entry) entry.count += 1;
  else tally.push({ key, count: 1 });
}

/** Proposals of help for the Members' published needs, by Member, proposer and status. */
async function respondersOf(db: Db, partyCode?: string) {
  const rows = await db
    .select({
      member: needsAssessments.partyCode,
      donorCode: needProposals.donorPartyCode,
      acronym: agencies.acronym,
      name: agencies.name,
      status: needProposals.status,
      count: sql<number>`count(*)::int`,
    })
    .from(needProposals)
    .innerJoin(needs, eq(needs.id, needProposals.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .leftJoin(agencies, eq(agencies.id, needProposals.agencyId))
    .where(
      and(
        eq(needsAssessments.status, 'published'),
        partyCode ? eq(needsAssessments.partyCode, partyCode) : undefined,
      ),
    )
    .groupBy(
      needsAssessments.partyCode,
      needProposals.donorPartyCode,
      agencies.acronym,
      agencies.name,
      needProposals.status,
    )
    .orderBy(asc(needProposals.status), desc(sql`count(*)`));
  return rows.map(({ member, donorCode, acronym, name, status, count }) => ({
    member,
    responder: { donorCode, agency: name ? { acronym, name } : null, status, count } satisfies Responder,
  }));
}

/** Needs addressed by public links, by Member, and by donor (a need counts once per donor). */
function addressedCounts(members: Map<string, MemberCoverage>, deliveries: PublicDelivery[]) {
  const needsOf = new Map<string, Set<number>>();
  const byDonor = new Map<string, Map<string, Set<number>>>();
  for (const { partyCode, needId, donorCode } of deliveries) {
    needsOf.set(partyCode, (needsOf.get(partyCode) ?? new Set()).add(needId));
    const donors = byDonor.get(partyCode) ?? new Map<string, Set<number>>();
    donors.set(donorCode, (donors.get(donorCode) ?? new Set()).add(needId));
    byDonor.set(partyCode, donors);
  }
  for (const member of members.values()) {
    member.addressed = needsOf.get(member.partyCode)?.size ?? 0;
    member.addressedBy = [...(byDonor.get(member.partyCode) ?? new Map<string, Set<number>>())]
      .map(([donorCode, ids]) => ({ donorCode, needs: ids.size }))
      .sort((a, b) => b.needs - a.needs || a.donorCode.localeCompare(b.donorCode));
  }
}

/**
 * What was delivered to every Member since its first assessment, in one grouped query: public
 * activities naming it as a beneficiary whose end (or start) falls on or after that date, by donor.
 */
async function deliveredTo(db: Db, members: MemberCoverage[]) {
  if (members.length === 0) return [];
  const since = sql.join(
    members.map((member) => sql`(${member.partyCode}::text, ${firstDay(member.assessedOn)}::date)`),
    sql`, `,
  );
  // An activity still running when the assessment was made counts; its end is what matters.
  return queryRows<{ member: string; donorCode: string; activities: number }>(
    db,
    sql`SELECT m.party AS member, a.donor_party_code AS "donorCode", count(DISTINCT a.id)::int AS activities
          FROM (VALUES ${since}) AS m(party, since)
          JOIN activity_beneficiaries b ON b.party_code = m.party
          JOIN activities a ON a.id = b.activity_id
         WHERE a.is_public
           AND (m.since IS NULL OR coalesce(a.end_date, a.start_date, m.since) >= m.since)
         GROUP BY m.party, a.donor_party_code
         ORDER BY m.party, count(DISTINCT a.id) DESC, a.donor_party_code`,
  );
}

/** Totals over every Member: what the overview's first paragraph says. */
export function coverageTotals(members: MemberCoverage[]) {
  const counts = noCounts();
  for (const member of members) for (const status of needStatuses) counts[status] += member.counts[status];
  const total = members.reduce((sum, member) => sum + member.total, 0);
  const outstanding = members.reduce((sum, member) => sum + member.outstanding, 0);
  return { counts, total, outstanding, members: members.length };
}
