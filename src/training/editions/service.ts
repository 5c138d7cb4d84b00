import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../accounts/schema.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { reportActivities, reports } from '../../reports/schema.ts';
import { coordinatedProgrammeIds, type Edition, type Programme } from '../access.ts';
import { syncEditionActivity } from '../edition-activity.ts';
import {
  type editionSessions,
  editionStatuses,
  type nominations,
  participants,
  trainingEditions,
  trainingProgrammes,
} from '../schema.ts';
import { sessionsOf } from './agenda.ts';
import { type EditionFormValues, type EditionInput, editionValuesOf } from './forms.ts';
import { editionNominations } from './selection.ts';

export type EditionStatus = (typeof editionStatuses)[number];

/** The one status an edition may move to next; null once completed. Editions only move forward. */
export function nextStatus(status: EditionStatus): EditionStatus | null {
  return editionStatuses[editionStatuses.indexOf(status) + 1] ?? null;
}

/** The programmes a coordinator runs, each with its editions, newest first. */
export async function coordinatorProgrammes(db: Db, account: Account) {
  const ids = await coordinatedProgrammeIds(db, account);
  if (ids.length === 0) return [];
  const [programmes, editions] = await Promise.all([
    db
      .select({ id: trainingProgrammes.id, name: trainingProgrammes.name })
      .from(trainingProgrammes)
      .where(inArray(trainingProgrammes.id, ids))
      .orderBy(sql`${trainingProgrammes.name}->>'en'`),
    db
      .select({
        id: trainingEditions.id,
        programmeId: trainingEditions.programmeId,
        year: trainingEditions.year,
        startDate: trainingEditions.startDate,
        endDate: trainingEditions.endDate,
        status: trainingEditions.status,
        capacity: trainingEditions.capacity,
        participants: sql<number>`(SELECT count(*)::int FROM participants p WHERE p.edition_id = ${trainingEditions.id})`,
        nominations: sql<number>`(SELECT count(*)::int FROM nominations n WHERE n.edition_id = ${trainingEditions.id})`,
      })
      .from(trainingEditions)
      .where(inArray(trainingEditions.programmeId, ids))
      .orderBy(desc(trainingEditions.year), desc(trainingEditions.id)),
  ]);
  return programmes.map((p) => ({ ...p, editions: editions.filter((e) => e.programmeId === p.id) }));
}

export async function participantCount(db: Db, editionId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.editionId, editionId));
  return Number(row?.n ?? 0);
}

export async function createEdition(
  db: Db,
  account: Account,
  programmeId: number,
  input: EditionInput,
): Promise<number> {
  return inTransaction(db, async (t) => {
    const [created] = await t
      .insert(trainingEditions)
      .values({ programmeId, ...input, status: 'planned', source: 'ipcoop workspace' })
      .returning({ id: trainingEditions.id });
    if (!created) throw new Error('edition insert returned nothing');
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'training_editions',
      id: created.id,
      after: input,
    });
    await syncEditionActivity(t, created.id, actorOf(account));
    return created.id;
  });
}

export type EditionUpdate = { ok: true } | { ok: false; field: string; message: 'capacityBelowSelected' };

export async function updateEdition(
  db: Db,
  account: Account,
  edition: Edition,
  input: EditionInput,
): Promise<EditionUpdate> {
  return inTransaction(db, async (t) => {
    // Locked before counting, as selections lock it: no one can be selected between count and save.
    await t
      .select({ id: trainingEditions.id })
      .from(trainingEditions)
      .where(eq(trainingEditions.id, edition.id))
      .for('update');
    // Capacity may not drop under the people already selected.
    if (input.capacity !== null && input.capacity < (await participantCount(t, edition.id)))
      return { ok: false, field: 'capacity', message: 'capacityBelowSelected' };
    await t
      .update(trainingEditions)
      .set({ ...input, ...touch(trainingEditions) })
      .where(eq(trainingEditions.id, edition.id));
    const before = Object.fromEntries(Object.keys(input).map((key) => [key, edition[key as keyof Edition]]));
    await recordAudit(t, actorOf(account), {
      action: 'update',
      table: 'training_editions',
      id: edition.id,
      before,
      after: input,
    });
    await syncEditionActivity(t, edition.id, actorOf(account));
    return { ok: true };
  });
}

/** Moves the edition one step forward; false when `to` is not the next status (a stale page, a forged form). */
export async function advanceStatus(
  db: Db,
  account: Account,
  edition: Edition,
  to: string,
): Promise<boolean> {
  if (nextStatus(edition.status) !== to) return false;
  return inTransaction(db, async (t) => {
    const moved = await t
      .update(trainingEditions)
      .set({ status: to as EditionStatus, ...touch(trainingEditions) })
      // Only from the status the page showed: two coordinators clicking at once move it one step.
      .where(and(eq(trainingEditions.id, edition.id), eq(trainingEditions.status, edition.status)))
      .returning({ id: trainingEditions.id });
    if (moved.length === 0) return false;
    await recordAudit(t, actorOf(account), {
      action: 'change-status',
      table: 'training_editions',
      id: edition.id,
      before: { status: edition.status },
      after: { status: to },
    });
    await syncEditionActivity(t, edition.id, actorOf(account));
    return true;
  });
}

/** The edition's participants with their advisor's name, by name. */
export const editionParticipants = async (db: Db, editionId: number) =>
  (
    await db
      .select({ participant: participants, advisorName: users.displayName })
      .from(participants)
      .leftJoin(users, eq(users.id, participants.advisorId))
      .where(eq(participants.editionId, editionId))
      .orderBy(participants.name)
  ).map((row) => ({ ...row.participant, advisorName: row.advisorName }));

/**
 * Where the edition's activity is reported: the open draft listing it (for a published activity,
 * the draft whose pending copy the edition now updates), or whether it is frozen (not yet public
 * and in a submitted report, or published and in no open draft).
 */
async function editionReport(db: Db, activityId: number | null) {
  const links = activityId
    ? await db
        .select({ reportId: reports.id, status: reports.status })
        .from(reportActivities)
        .innerJoin(reports, eq(reports.id, reportActivities.reportId))
        .where(eq(reportActivities.activityId, activityId))
    : [];
  const open = links.find((r) => r.status === 'draft' || r.status === 'returned');
  const published = links.some((r) => r.status === 'published');
  return {
    activityId,
    reportId: open?.reportId ?? null,
    published,
    frozen: published ? !open : links.some((r) => r.status === 'submitted'),
  };
}

/** Everything the coordinator's edition page shows. */
export type EditionPageData = {
  edition: Edition;
  programme: { id: number; name: Programme['name'] };
  sessions: Array<typeof editionSessions.$inferSelect>;
  nominations: Array<typeof nominations.$inferSelect>;
  participants: Array<typeof participants.$inferSelect & { advisorName: string | null }>;
  nextStatus: EditionStatus | null;
  editionValues: EditionFormValues;
  report: { activityId: number | null; reportId: number | null; published: boolean; frozen: boolean };
};

export async function editionPageData(
  db: Db,
  edition: Edition,
  programme: Programme,
): Promise<EditionPageData> {
  const [sessions, nominationRows, participantRows, report] = await Promise.all([
    sessionsOf(db, edition.id),
    editionNominations(db, edition.id),
    editionParticipants(db, edition.id),
    editionReport(db, edition.activityId),
  ]);
  return {
    edition,
    programme,
    sessions,
    nominations: nominationRows,
    participants: participantRows,
    nextStatus: nextStatus(edition.status),
    editionValues: editionValuesOf(edition),
    report,
  };
}
