import { and, eq, inArray, sql } from 'drizzle-orm';
import { notify } from '../accounts/notifications.ts';
import { activities } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { advanceNeedsOfStartedActivities } from '../needs/delivery/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { reportSnapshot } from '../reports/document/snapshot.ts';
import { freezePublishedReports } from '../reports/freeze.ts';
import { applyPendingEdits, pendingEditsOf } from '../reports/pending-edits.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { reviewText } from './messages.ts';
import { inEveryLanguage, lockSubmitted, ReviewConflict, reporterIds, reportNames } from './service.ts';
import {
  allocateSymbol,
  checkGivenSymbol,
  checkPublicationSymbol,
  loadSymbolPattern,
  revisionSymbol,
  type SymbolProblem,
  symbolTaken,
} from './symbols.ts';

/** The first TRIPS Council reports date from 1995; a date far ahead is a typing slip. */
export const earliestCirculation = '1995-01-01';

/** The day `days` after an ISO date; null when the date is not a real one. */
const addDays = (isoDate: string, days: number) => {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? null : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
};

export type DateProblem =
  | { problem: 'dateInvalid' }
  | { problem: 'dateOutOfRange'; min: string; max: string };

/** A circulation date typed in the form: a real calendar day from 1995 to a year from today. */
export function checkCirculationDate(value: string, today: string): { date: string } | DateProblem {
  const date = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) return { problem: 'dateInvalid' };
  const max = addDays(today, 366) ?? today;
  if (date < earliestCirculation || date > max)
    return { problem: 'dateOutOfRange', min: earliestCirculation, max };
  return { date };
}

type ReportRow = typeof reports.$inferSelect;

/** What the symbol of a report depends on. */
type SymbolSource = Pick<
  ReportRow,
  'reportingPartyCode' | 'kind' | 'revisionOf' | 'revisionKind' | 'revisionNumber'
> & { status: string };

/**
 * How a report gets its symbol on publication: an original's the officer chooses in the party's
 * series (proposed: the next number, when an earlier symbol is known); a corrigendum's, addendum's
 * or revision's is its original's with /Corr.k, /Add.k or /Rev.k.
 */
export type SymbolPlan =
  | { kind: 'chosen'; proposal: string | null; pattern: string }
  | { kind: 'derived'; symbol: string };

export async function symbolPlan(db: Db, report: SymbolSource): Promise<SymbolPlan> {
  if (report.revisionKind === 'original') {
    // Each kind of report has its own series: Art. 67 IP/C/R/TC/…, Art. 66.2 IP/C/R/TTI/….
    const pattern = await loadSymbolPattern(db, report.kind);
    return {
      kind: 'chosen',
      proposal: await allocateSymbol(db, report.reportingPartyCode, pattern),
      pattern,
    };
  }
  const [original] = report.revisionOf
    ? await db.select().from(reports).where(eq(reports.id, report.revisionOf))
    : [];
  if (original?.status !== 'published') throw new ReviewConflict('originalNotPublished', report.status);
  if (!original.symbol) throw new ReviewConflict('originalWithoutSymbol', report.status);
  return {
    kind: 'derived',
    symbol: revisionSymbol(original.symbol, report.revisionKind, report.revisionNumber),
  };
}

/** A symbol refused at the form's field (answered with 400 and the message at the field). */
export class SymbolRefused extends Error {
  constructor(readonly problem: SymbolProblem) {
    super(problem);
  }
}

const publicationFields = (row: ReportRow) => ({
  status: row.status,
  symbol: row.symbol,
  circulationDate: row.circulationDate,
  publishedAt: row.publishedAt,
  version: row.version,
});

/**
 * Publishes a submitted report: its pending edits become the public record of their activities
 * (earlier published reports listing them frozen first), symbol, circulation date, the document
 * frozen as its snapshot, its programmes made public and searchable, its reporters told. Returns the symbol and what to
 * run once committed (mail), or null when there is no such report.
 */
export async function publishReport(
  db: Db,
  actor: Actor,
  id: number,
  circulationDate: string,
  labels: ReferenceLabels,
  /** The symbol the officer typed for an original (ignored for a revision, whose symbol is derived). */
  typedSymbol = '',
): Promise<{ symbol: string; afterCommit: () => Promise<void> } | null> {
  return inTransaction(db, async (tx) => {
    const report = await lockSubmitted(tx, id);
    if (!report) return null;
    // One publication at a time picks a number: two at once could otherwise take the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ipcoop:report-symbols'))`);
    const plan = await symbolPlan(tx, report);
    let symbol: string;
    if (plan.kind === 'derived') symbol = plan.symbol;
    else {
      const checked = checkPublicationSymbol(typedSymbol, plan.pattern, report.reportingPartyCode);
      if ('problem' in checked) throw new SymbolRefused(checked.problem);
      symbol = checked.symbol;
    }
    if (await symbolTaken(tx, symbol, id)) throw new SymbolRefused('taken');
    // Published reports drawn from live rows keep what they said before these edits land.
    await freezePublishedReports(tx, { activityIds: [...(await pendingEditsOf(tx, id)).keys()] });
    const edited = await applyPendingEdits(tx, id, actor);
    for (const activityId of edited) {
      await recordAudit(tx, actor, {
        action: 'publish-edit',
        table: 'activities',
        id: activityId,
        note: `edit pending in report ${id} published (${symbol})`,
      });
    }
    await tx
      .update(reports)
      .set({ status: 'published', symbol, circulationDate, publishedAt: sql`now()`, ...touch(reports) })
      .where(eq(reports.id, id));
    // Taken after the update so the frozen document carries its symbol and date.
    const snapshot = await reportSnapshot(tx, id);
    const [published] = await tx.update(reports).set({ snapshot }).where(eq(reports.id, id)).returning();
    if (!published) throw new Error(`report ${id} vanished while being published`);
    await recordAudit(tx, actor, {
      action: 'publish',
      table: 'reports',
      id,
      before: publicationFields(report),
      after: publicationFields(published),
    });

    const listed = await tx
      .select({ id: activities.id, isPublic: activities.isPublic })
      .from(reportActivities)
      .innerJoin(activities, eq(activities.id, reportActivities.activityId))
      .where(eq(reportActivities.reportId, id));
    const hidden = listed.filter((activity) => !activity.isPublic).map((activity) => activity.id);
    if (hidden.length > 0) {
      await tx
        .update(activities)
        .set({ isPublic: true, ...touch(activities) })
        .where(and(inArray(activities.id, hidden), eq(activities.isPublic, false)));
      for (const activityId of hidden) {
        await recordAudit(tx, actor, {
          action: 'publish',
          table: 'activities',
          id: activityId,
          before: { isPublic: false },
          after: { isPublic: true },
          note: `listed in report ${id} (${symbol})`,
        });
      }
    }
    await refreshActivitySearch(
      tx,
      listed.map((activity) => activity.id),
    );
    // Needs its activities address are now public; those whose activity has started are in progress.
    await advanceNeedsOfStartedActivities(tx, actor, { reportId: id });

    const names = reportNames(labels, report);
    const text = inEveryLanguage((lang) =>
      reviewText(lang)('notifyPublished', { report: names[lang], symbol }),
    );
    const afterCommit = await notify(
      tx,
      await reporterIds(tx, report.reportingPartyCode),
      text,
      `/reports/${id}`,
    );
    return { symbol, afterCommit };
  });
}

/**
 * Gives a symbol to a published original that has none (imported without one), so its
 * corrigenda, addenda and revisions can be numbered; legacy series are accepted. Its frozen
 * document, if any, takes the symbol too.
 */
export async function giveSymbol(
  db: Db,
  actor: Actor,
  id: number,
  typed: string,
): Promise<{ symbol: string } | null> {
  return inTransaction(db, async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
    if (!report) return null;
    if (report.status !== 'published' || report.revisionKind !== 'original' || report.symbol)
      throw new ReviewConflict('symbolNotNeeded', report.status);
    const checked = checkGivenSymbol(
      typed,
      await loadSymbolPattern(tx, report.kind),
      report.reportingPartyCode,
    );
    if ('problem' in checked) throw new SymbolRefused(checked.problem);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ipcoop:report-symbols'))`);
    if (await symbolTaken(tx, checked.symbol, id)) throw new SymbolRefused('taken');
    const snapshot =
      report.snapshot && typeof report.snapshot === 'object'
        ? { ...(report.snapshot as Record<string, unknown>), symbol: checked.symbol }
        : report.snapshot;
    await tx
      .update(reports)
      .set({ symbol: checked.symbol, snapshot, ...touch(reports) })
      .where(eq(reports.id, id));
    await recordAudit(tx, actor, {
      action: 'give-symbol',
      table: 'reports',
      id,
      before: { symbol: null, version: report.version },
      after: { symbol: checked.symbol, version: report.version + 1 },
    });
    return { symbol: checked.symbol };
  });
}
