import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import type { PartyInfo, ReferenceLabels } from '../reference/labels.ts';
import type { ReportKind } from '../reports/incentives/taxonomy.ts';
import type { RevisionKind } from '../reports/lifecycle/status.ts';
import { reports } from '../reports/schema.ts';
import { settings } from '../settings/schema.ts';

export const cycleStates = ['published', 'submitted', 'returned', 'drafting', 'notStarted'] as const;
export type CycleState = (typeof cycleStates)[number];

/** A reporting cycle, named as the Council names it: "2021-2022" (one year: "2021-2021"). */
export type Period = { startYear: number; endYear: number; key: string };

export function parsePeriod(value: string): Period | null {
  const match = /^(\d{4})-(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const [startYear, endYear] = [Number(match[1]), Number(match[2])];
  if (startYear < 1995 || endYear < startYear || endYear - startYear > 4) return null;
  return { startYear, endYear, key: `${startYear}-${endYear}` };
}

const developedOn = (party: PartyInfo, day: string) =>
  party.status.some((s) => s.status === 'developed' && s.from <= day && (s.to === null || s.to >= day));

/**
 * Who is expected to report for a cycle when the Secretariat has kept no list yet: parties
 * developed on its first day (Article 67 binds developed country Members) and the
 * intergovernmental organizations, the WTO Secretariat (WTO-OMC) among them, which report by
 * invitation.
 */
export function expectedParties(labels: ReferenceLabels, period: Period): string[] {
  const firstDay = `${period.startYear}-01-01`;
  return [...labels.parties.values()]
    .filter((party) => party.kind === 'igo' || developedOn(party, firstDay))
    .map((party) => party.code);
}

/**
 * The list of expected reporters the Secretariat keeps per cycle lives in the settings table, one
 * row per cycle ("expectedReporters:2021-2022" → party codes): a list of codes, changed as a whole.
 */
const listPrefix = 'expectedReporters:';
export const expectedListKey = (period: Period) => `${listPrefix}${period.key}`;

export type ExpectedList = {
  codes: string[];
  /** Saved for this cycle, carried from an earlier cycle's list (its key), or the default. */
  source: { kind: 'saved' } | { kind: 'previous'; cycle: string } | { kind: 'default' };
};

const codesOf = (value: unknown, labels: ReferenceLabels) =>
  Array.isArray(value)
    ? value.filter((code): code is string => typeof code === 'string' && labels.parties.has(code))
    : [];

/**
 * The cycle's list: its own once saved, else the latest earlier cycle's list (the Secretariat
 * starts from last year's invitations), else the default (expectedParties).
 */
export async function expectedList(db: Db, labels: ReferenceLabels, period: Period): Promise<ExpectedList> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(like(settings.key, `${listPrefix}%`));
  const own = rows.find((row) => row.key === expectedListKey(period));
  if (own) return { codes: codesOf(own.value, labels), source: { kind: 'saved' } };
  const earlier = rows
    .map((row) => ({ row, cycle: parsePeriod(row.key.slice(listPrefix.length)) }))
    .filter((entry) => entry.cycle && entry.cycle.key < period.key)
    .sort((a, b) => (a.cycle?.key ?? '').localeCompare(b.cycle?.key ?? ''))
    .at(-1);
  if (earlier?.cycle)
    return {
      codes: codesOf(earlier.row.value, labels),
      source: { kind: 'previous', cycle: earlier.cycle.key },
    };
  return { codes: expectedParties(labels, period), source: { kind: 'default' } };
}

/** Codes that are no party, or null when every code is known. */
export function unknownCodes(labels: ReferenceLabels, codes: string[]): string[] | null {
  const unknown = codes.filter((code) => !labels.parties.has(code));
  return unknown.length > 0 ? unknown : null;
}

/** Saves the cycle's list (codes the caller checked with unknownCodes), audited. */
export async function saveExpectedList(db: Db, actor: Actor, period: Period, codes: string[]): Promise<void> {
  const key = expectedListKey(period);
  const value = [...new Set(codes)].sort();
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
    const [after] = await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, ...touch(settings) } })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      table: 'settings',
      id: key,
      before: before ? { value: before.value, version: before.version } : null,
      after: after ? { value: after.value, version: after.version } : null,
    });
  });
}

export type CycleReport = {
  id: number;
  status: string;
  symbol: string | null;
  revisionKind: RevisionKind;
  revisionNumber: number;
};

export type CycleRow = {
  partyCode: string;
  expected: boolean;
  state: CycleState;
  /** The original report of the cycle, if any. */
  report: CycleReport | null;
  revisions: CycleReport[];
};

export type CycleOverview = {
  period: Period;
  /** Art. 67 or Art. 66.2: each kind has its own cycle of reports. */
  kind: ReportKind;
  rows: CycleRow[];
  counts: Record<CycleState, number>;
  expected: ExpectedList;
};

const stateOf = (report: CycleReport | null): CycleState => {
  if (!report) return 'notStarted';
  if (report.status === 'draft') return 'drafting';
  return report.status as CycleState;
};

/**
 * Every expected party (and any other that reported) with where its report of the kind stands.
 * Art. 66.2 binds the developed country Members only: its expected list is they, on the cycle's
 * first day (the Secretariat's kept list is the Art. 67 one, with its invited organizations).
 */
export async function cycleOverview(
  db: Db,
  labels: ReferenceLabels,
  period: Period,
  kind: ReportKind = 'art67',
): Promise<CycleOverview> {
  const filed = await db
    .select({
      id: reports.id,
      partyCode: reports.reportingPartyCode,
      status: reports.status,
      symbol: reports.symbol,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
    })
    .from(reports)
    .where(
      and(
        eq(reports.kind, kind),
        sql`extract(year from ${reports.periodStart}) = ${period.startYear}`,
        sql`extract(year from ${reports.periodEnd}) = ${period.endYear}`,
      ),
    )
    .orderBy(asc(reports.revisionNumber), asc(reports.id));
  const firstDay = `${period.startYear}-01-01`;
  const list: ExpectedList =
    kind === 'art66-2'
      ? {
          codes: [...labels.parties.values()]
            .filter((party) => party.kind === 'member' && developedOn(party, firstDay))
            .map((party) => party.code),
          source: { kind: 'default' },
        }
      : await expectedList(db, labels, period);
  const expected = new Set(list.codes);
  const codes = new Set([...expected, ...filed.map((report) => report.partyCode)]);
  const rows = [...codes].map((partyCode): CycleRow => {
    const own = filed.filter((report) => report.partyCode === partyCode);
    const report = own.find((r) => r.revisionKind === 'original') ?? null;
    return {
      partyCode,
      expected: expected.has(partyCode),
      state: stateOf(report),
      report,
      revisions: own.filter((r) => r.revisionKind !== 'original'),
    };
  });
  const counts = Object.fromEntries(cycleStates.map((state) => [state, 0])) as Record<CycleState, number>;
  for (const row of rows) counts[row.state] += 1;
  return { period, kind, rows, counts, expected: list };
}

/** Cycles that have reports, newest first, for the period picker. */
export async function knownPeriods(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({
      key: sql<string>`extract(year from ${reports.periodStart})::int || '-' || extract(year from ${reports.periodEnd})::int`,
      end: reports.periodEnd,
    })
    .from(reports)
    .orderBy(desc(reports.periodEnd));
  return [...new Set(rows.map((row) => row.key))];
}

/** The latest cycle with reports, else the last two full years. */
export function defaultPeriod(known: string[], today: Date = new Date()): Period {
  const year = today.getUTCFullYear();
  return (
    (known[0] && parsePeriod(known[0])) || {
      startYear: year - 2,
      endYear: year - 1,
      key: `${year - 2}-${year - 1}`,
    }
  );
}
