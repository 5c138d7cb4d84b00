import { asc, count, eq, sql } from 'drizzle-orm';
import { notify } from '../../accounts/notifications.ts';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { languages } from '../../i18n/languages.ts';
import { syncEditionActivity } from '../edition-activity.ts';
import { editionWithProgramme } from '../nominations/service.ts';
import {
  certificates,
  nominations,
  participantFiles,
  participants,
  researchProjects,
  trainingEditions,
} from '../schema.ts';
import { editionsText } from './messages.ts';

/** Selection: the coordinator ranks the candidates of an edition and selects, waitlists or declines them. */

/** Nominations of an edition for its coordinator: ranked first (1 first), then in the order they came. */
export const editionNominations = (db: Db, editionId: number) =>
  db
    .select()
    .from(nominations)
    .where(eq(nominations.editionId, editionId))
    .orderBy(sql`${nominations.rank} ASC NULLS LAST`, asc(nominations.id));

/**
 * Where a decision's notification leads; it names the nomination, so erasing the candidate's data
 * also deletes the notifications that name them (src/training/privacy.ts).
 */
export const nominationNoticeLink = (nominationId: number) =>
  `/training/nominations#nomination-${nominationId}`;

export const decisions = ['select', 'waitlist', 'decline', 'rank'] as const;
export type Decision = (typeof decisions)[number];

export type DecisionOutcome = { ok: true; status: string } | { ok: false; reason: DecisionRefusal };

/** Why a decision was not taken; the edition page says so after its redirect (?refused=…). */
export const decisionRefusals = [
  'capacityFull',
  'notDeciding',
  'participantHasRecords',
  'withdrawnByOffice',
  'decisionRequired',
  'invalidRank',
] as const;
export type DecisionRefusal = (typeof decisionRefusals)[number];

const decidingStatuses = new Set(['open', 'selection', 'running']);
const statusOf = { select: 'selected', waitlist: 'waitlisted', decline: 'declined' } as const;

export async function nominationById(db: Db, nominationId: number) {
  const [row] = await db.select().from(nominations).where(eq(nominations.id, nominationId));
  return row ?? null;
}

/**
 * The coordinator's decision on a nomination. Selecting creates the participant record (copied
 * from the nomination) unless the edition is full; moving a selected person back to the waitlist
 * or declining removes the record, but only while nothing hangs on it. The nominating focal point
 * is told in the app (and by mail when configured) after the transaction.
 */
export async function decideNomination(
  db: Db,
  account: Account,
  nominationId: number,
  decision: Decision,
  rank: number | null | undefined,
): Promise<DecisionOutcome> {
  let tell: (() => Promise<void>) | undefined;
  const outcome = await inTransaction(db, async (t): Promise<DecisionOutcome> => {
    const [nomination] = await t.select().from(nominations).where(eq(nominations.id, nominationId));
    if (!nomination) throw new Error(`no nomination ${nominationId}`);
    // Locking the edition serializes selections: two coordinators cannot both take the last seat.
    const [edition] = await t
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, nomination.editionId))
      .for('update');
    if (!edition || !decidingStatuses.has(edition.status)) return { ok: false, reason: 'notDeciding' };
    // The office took the candidate back: nothing left to decide.
    if (nomination.status === 'withdrawn') return { ok: false, reason: 'withdrawnByOffice' };
    const newRank = rank === undefined ? nomination.rank : rank;
    const newStatus = decision === 'rank' ? nomination.status : statusOf[decision];
    // The same decision again (a second click, an old tab) changes nothing and tells no one.
    if (newStatus === nomination.status && newRank === nomination.rank)
      return { ok: true, status: newStatus };
    let participantsChanged = false;

    if (newStatus !== nomination.status) {
      const [existing] = await t
        .select()
        .from(participants)
        .where(eq(participants.nominationId, nominationId));
      if (newStatus === 'selected' && !existing) {
        const [seats] = await t
          .select({ n: count() })
          .from(participants)
          .where(eq(participants.editionId, edition.id));
        if (edition.capacity !== null && Number(seats?.n ?? 0) >= edition.capacity)
          return { ok: false, reason: 'capacityFull' };
        await t.insert(participants).values({
          editionId: edition.id,
          nominationId,
          name: nomination.candidateName,
          position: nomination.position,
          office: nomination.office,
          partyCode: nomination.partyCode,
          email: nomination.email,
          gender: nomination.gender,
          consentPublicName: nomination.consentPublicName,
        });
        participantsChanged = true;
      } else if (newStatus !== 'selected' && existing) {
        if (await hasRecords(t, existing.id)) return { ok: false, reason: 'participantHasRecords' };
        await t.delete(participants).where(eq(participants.id, existing.id));
        participantsChanged = true;
      }
    }
    await t
      .update(nominations)
      .set({ status: newStatus, rank: newRank, ...touch(nominations) })
      .where(eq(nominations.id, nominationId));
    await recordAudit(t, actorOf(account), {
      action: 'decide',
      table: 'nominations',
      id: nominationId,
      before: { status: nomination.status, rank: nomination.rank },
      after: { status: newStatus, rank: newRank },
    });
    if (participantsChanged) await syncEditionActivity(t, edition.id, actorOf(account));
    if (newStatus !== nomination.status && nomination.nominatedBy) {
      tell = await notify(
        t,
        [nomination.nominatedBy],
        await decisionText(t, edition.id, nomination.candidateName, newStatus),
        nominationNoticeLink(nominationId),
      );
    }
    return { ok: true, status: newStatus };
  });
  await tell?.();
  return outcome;
}

/** A participant with a project, files, a certificate or a completion is no longer just a selection. */
async function hasRecords(db: Db, participantId: number): Promise<boolean> {
  const [row] = await db
    .select({
      completed: participants.completedAt,
      projects: db.$count(researchProjects, eq(researchProjects.participantId, participantId)),
      files: db.$count(participantFiles, eq(participantFiles.participantId, participantId)),
      certificates: db.$count(certificates, eq(certificates.participantId, participantId)),
    })
    .from(participants)
    .where(eq(participants.id, participantId));
  return !!row && (row.completed !== null || row.projects + row.files + row.certificates > 0);
}

/**
 * The focal point's notice in the three languages, naming the candidate and the edition: the
 * focal point nominated them, and a number alone told them nothing.
 */
async function decisionText(db: Db, editionId: number, candidate: string, status: string) {
  const row = await editionWithProgramme(db, editionId);
  const key =
    status === 'selected'
      ? 'noticeSelected'
      : status === 'waitlisted'
        ? 'noticeWaitlisted'
        : 'noticeDeclined';
  return Object.fromEntries(
    languages.map((lang) => {
      const name = row?.programmeName[lang] ?? row?.programmeName.en ?? '';
      return [lang, editionsText(lang)(key, { candidate, edition: `${name} ${row?.edition.year ?? ''}` })];
    }),
  ) as Record<(typeof languages)[number], string>;
}
