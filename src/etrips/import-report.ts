import { and, asc, desc, eq, inArray, ne, notExists } from 'drizzle-orm';
import { activities, activityBeneficiaries } from '../activities/schema.ts';
import { refreshActivitySearch } from '../activities/search-index.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { suggestElementsFor } from '../elements/service.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { trainingEditions } from '../training/schema.ts';
import type { ParsedPage, ParsedProgramme } from './page-types.ts';
import { etripsImports } from './schema.ts';

export type ImportSummary = {
  reportId: number;
  reportCreated: boolean;
  activitiesCreated: number;
  activitiesUpdated: number;
  activitiesRemoved: number;
};

export const etripsSource = 'etrips-import';

/** The report was changed in the hub since it was imported (or was never imported): it is not overwritten. */
export class ImportConflictError extends Error {
  constructor(
    message: string,
    readonly reportId: number,
  ) {
    super(message);
  }
}

/** A page whose data cannot be stored as it is (a symbol another report already carries). */
export class ImportRefusedError extends Error {}

export type StoreOptions = {
  /** Identifies what was read; recorded so that the same file is skipped next time. */
  contentHash?: string;
  file?: string;
  /** Overwrite a report edited in the hub since its import. */
  force?: boolean;
};

/** What the hub holds of a report, in one string: any edit (report, symbol, list, an activity) changes it. */
async function hubState(tx: Db, reportId: number): Promise<string> {
  const [report] = await tx
    .select({ version: reports.version, symbol: reports.symbol, circulationDate: reports.circulationDate })
    .from(reports)
    .where(eq(reports.id, reportId));
  const links = await tx
    .select({ id: activities.id, version: activities.version, row: reportActivities.rowNumber })
    .from(reportActivities)
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(eq(reportActivities.reportId, reportId))
    .orderBy(asc(reportActivities.rowNumber));
  return [
    `v${report?.version}`,
    report?.symbol ?? '',
    report?.circulationDate ?? '',
    links.map((l) => `${l.row}:${l.id}@${l.version}`).join(','),
  ].join('|');
}

const titleKey = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Stores a parsed page as one report and its ordered activities, in one transaction.
 * The same report (party and period) imported again is updated in place; a programme already
 * known for this donor under the same title is the same activity, linked again, never copied.
 */
export async function storeEtripsReport(
  db: Db,
  page: ParsedPage,
  source: string,
  options: StoreOptions = {},
): Promise<ImportSummary> {
  const { reporter, period } = page;
  if (!reporter || !period)
    throw new Error('a report needs its reporting party and period before it is stored');
  return inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: reports.id, source: reports.source })
      .from(reports)
      .where(
        and(
          eq(reports.reportingPartyCode, reporter.code),
          eq(reports.periodStart, period.start),
          eq(reports.periodEnd, period.end),
          eq(reports.revisionKind, 'original'),
        ),
      )
      .for('update');
    if (existing && !options.force) {
      const [last] = await tx
        .select({ hubState: etripsImports.hubState, importedAt: etripsImports.importedAt })
        .from(etripsImports)
        .where(eq(etripsImports.reportId, existing.id))
        .orderBy(desc(etripsImports.id))
        .limit(1);
      if (last && last.hubState !== (await hubState(tx, existing.id))) {
        throw new ImportConflictError(
          `report ${existing.id} was changed in the hub since it was imported on ${last.importedAt.toISOString().slice(0, 10)}; nothing overwritten (give --force to replace it with this page)`,
          existing.id,
        );
      }
      if (!last && !existing.source.startsWith('e-TRIPS page')) {
        throw new ImportConflictError(
          `report ${existing.id} for this party and period was written in the hub, not imported; nothing overwritten (give --force to replace it with this page)`,
          existing.id,
        );
      }
    }
    if (page.symbol) {
      const [holder] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.symbol, page.symbol), ...(existing ? [ne(reports.id, existing.id)] : [])));
      if (holder)
        throw new ImportRefusedError(`the symbol ${page.symbol} already belongs to report ${holder.id}`);
    }
    const reportValues = {
      reportingPartyCode: reporter.code,
      periodStart: period.start,
      periodEnd: period.end,
      periodPrecision: period.precision,
      originalLanguage: page.contentLanguage,
      narrative: page.paragraphs,
      narrativeOutline: page.outline.map(({ kind, number, text }) => ({ kind, number, text })),
      ...(page.symbol ? { symbol: page.symbol } : {}),
      ...(page.circulationDate ? { circulationDate: page.circulationDate } : {}),
      status: 'published' as const,
      source,
    };
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await tx
        .update(reports)
        .set({ ...reportValues, ...touch(reports) })
        .where(eq(reports.id, reportId));
    } else {
      const [inserted] = await tx.insert(reports).values(reportValues).returning({ id: reports.id });
      if (!inserted) throw new Error('report insert returned nothing');
      reportId = inserted.id;
    }

    const previousLinks = await tx
      .select({ activityId: reportActivities.activityId })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, reportId));
    await tx.delete(reportActivities).where(eq(reportActivities.reportId, reportId));

    const known = await tx
      .select({
        id: activities.id,
        title: activities.title,
        startDate: activities.startDate,
        startPrecision: activities.startPrecision,
      })
      .from(activities)
      .where(eq(activities.donorPartyCode, reporter.code));
    const claimed = new Set<number>();
    const findKnown = (programme: ParsedProgramme) => {
      const sameTitle = known.filter(
        (a) =>
          !claimed.has(a.id) && titleKey(a.title[page.contentLanguage] ?? '') === titleKey(programme.title),
      );
      return (
        sameTitle.find((a) => a.startDate === programme.start) ??
        (sameTitle.length === 1 ? sameTitle[0] : undefined)
      );
    };

    let created = 0;
    let updated = 0;
    const touched: number[] = [];
    const linkedBefore = new Set(previousLinks.map((link) => link.activityId));
    for (const programme of page.programmes) {
      const match = findKnown(programme);
      // A programme carried over from another report keeps what that report said when this one
      // is silent (no date, no beneficiaries): the order of imports must not erase facts.
      const carried = match !== undefined && !linkedBefore.has(match.id);
      const keepStart = carried && programme.start === null;
      const keepBeneficiaries = carried && programme.beneficiaries.length === 0;
      const values = {
        donorPartyCode: reporter.code,
        title: { ...(match?.title ?? {}), [page.contentLanguage]: programme.title },
        originalLanguage: page.contentLanguage,
        startDate: keepStart ? (match?.startDate ?? null) : programme.start,
        startPrecision: keepStart
          ? (match?.startPrecision ?? null)
          : programme.start
            ? ('day' as const)
            : null,
        source: etripsSource,
      };
      let activityId: number;
      if (match) {
        activityId = match.id;
        await tx
          .update(activities)
          .set({ ...values, ...touch(activities) })
          .where(eq(activities.id, activityId));
        if (!keepBeneficiaries) {
          await tx.delete(activityBeneficiaries).where(eq(activityBeneficiaries.activityId, activityId));
        }
        updated++;
      } else {
        const [inserted] = await tx.insert(activities).values(values).returning({ id: activities.id });
        if (!inserted) throw new Error('activity insert returned nothing');
        activityId = inserted.id;
        created++;
      }
      claimed.add(activityId);
      touched.push(activityId);
      if (programme.beneficiaries.length > 0) {
        await tx.insert(activityBeneficiaries).values(
          programme.beneficiaries.map((b, index) => ({
            activityId,
            position: index + 1,
            kind: b.kind,
            partyCode: b.kind === 'party' ? b.code : null,
            regionCode: b.kind === 'region' ? b.code : null,
            nameAsWritten: b.name,
          })),
        );
      }
      await tx.insert(reportActivities).values({ reportId, activityId, rowNumber: programme.n });
    }

    // Programmes dropped from a re-imported page: remove the imported ones nothing else refers to.
    const dropped = previousLinks.map((l) => l.activityId).filter((id) => !claimed.has(id));
    let removed = 0;
    if (dropped.length > 0) {
      const deleted = await tx
        .delete(activities)
        .where(
          and(
            inArray(activities.id, dropped),
            eq(activities.source, etripsSource),
            notExists(
              tx.select().from(reportActivities).where(eq(reportActivities.activityId, activities.id)),
            ),
            notExists(
              tx.select().from(trainingEditions).where(eq(trainingEditions.activityId, activities.id)),
            ),
          ),
        )
        .returning({ id: activities.id });
      removed = deleted.length;
    }
    // Elements of Article 67 suggested from the titles, until a person confirms them.
    await suggestElementsFor(tx, touched);
    await refreshActivitySearch(tx, touched);
    await tx.insert(etripsImports).values({
      reportId,
      contentHash: options.contentHash ?? '',
      file: options.file ?? source,
      hubState: await hubState(tx, reportId),
    });
    return {
      reportId,
      reportCreated: !existing,
      activitiesCreated: created,
      activitiesUpdated: updated,
      activitiesRemoved: removed,
    };
  });
}
