import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { trainingEditions } from '../../training/schema.ts';
import { needEditionLinks } from './schema.ts';
import { publicDeliveries } from './service.ts';

/** How a need is being met, as open data: the activities that address it and the editions that answer it. */
export type NeedDelivery = {
  activities: Array<{ id: number; donor: string; reportId: number; reportSymbol: string | null }>;
  trainingEditions: Array<{ id: number; programmeId: number; year: number; status: string }>;
};

/**
 * The delivery of each of these (published) needs, by the rules of the need's own page: an
 * activity counts while it is on the list of a published report; an edition, once linked.
 */
export async function needDeliveries(db: Db, needIds: readonly number[]): Promise<Map<number, NeedDelivery>> {
  const byNeed = new Map<number, NeedDelivery>(
    needIds.map((id) => [id, { activities: [], trainingEditions: [] }]),
  );
  if (needIds.length === 0) return byNeed;
  for (const link of await publicDeliveries(db, { needIds })) {
    byNeed.get(link.needId)?.activities.push({
      id: link.activityId,
      donor: link.donorCode,
      reportId: link.reportId,
      reportSymbol: link.symbol,
    });
  }
  const editions = await db
    .select({
      needId: needEditionLinks.needId,
      id: trainingEditions.id,
      programmeId: trainingEditions.programmeId,
      year: trainingEditions.year,
      status: trainingEditions.status,
    })
    .from(needEditionLinks)
    .innerJoin(trainingEditions, eq(trainingEditions.id, needEditionLinks.editionId))
    .where(inArray(needEditionLinks.needId, [...needIds]))
    .orderBy(asc(trainingEditions.year), asc(trainingEditions.id));
  for (const { needId, ...edition } of editions) byNeed.get(needId)?.trainingEditions.push(edition);
  return byNeed;
}
