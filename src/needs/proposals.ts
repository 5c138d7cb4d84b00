import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { notify } from '../accounts/notifications.ts';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { inEveryLanguage } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';
import { offers } from '../offers/schema.ts';
import { needsText } from './messages.ts';
import { needProposals, needStatusChanges, needs, needsAssessments } from './schema.ts';
import { statusAfterProposals, takesProposals } from './status.ts';
import type { NeedStatus } from './taxonomy.ts';

export type Proposal = typeof needProposals.$inferSelect;

/** Whose proposal it is: a donor Member's or an agency's, as the form's owner field says it. */
export type ProposalInput = {
  donorPartyCode: string | null;
  agencyId: number | null;
  text: string;
  language: Language;
  offerId: number | null;
};

export type ProposalResult =
  | { ok: true; id: number }
  | { ok: false; reason: 'closed' | 'offer' | 'stale' | 'not-found' };

/**
 * Moves the need's status as its proposals say (./status.ts), on record: dated, explained by a
 * note "proposal:<id>:<what happened>" the need's page turns into words, and audited.
 */
async function followProposals(tx: Db, actor: Actor, need: { id: number; status: NeedStatus }, note: string) {
  const rows = await tx
    .select({ status: needProposals.status })
    .from(needProposals)
    .where(eq(needProposals.needId, need.id));
  const next = statusAfterProposals(
    need.status,
    rows.map((row) => row.status),
  );
  if (next === need.status) return;
  await tx
    .update(needs)
    .set({ status: next, ...touch(needs) })
    .where(eq(needs.id, need.id));
  await tx
    .insert(needStatusChanges)
    .values({ needId: need.id, fromStatus: need.status, toStatus: next, note, changedBy: actor.userId });
  await recordAudit(tx, actor, {
    action: 'change-status',
    table: 'needs',
    id: need.id,
    before: { status: need.status },
    after: { status: next, note },
  });
}

/** The accounts that answer for a Member's needs: its focal points (the Secretariat sees them all anyway). */
async function focalPointsOf(tx: Db, partyCode: string): Promise<number[]> {
  const rows = await tx
    .select({ id: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(eq(userRoles.role, 'focal-point'), eq(userRoles.partyCode, partyCode), isNull(users.disabledAt)),
    );
  return rows.map((row) => row.id);
}

/** The accounts that speak for the proposing side: the proposer, its Member's reporters or its agency's coordinators. */
async function proposingSide(tx: Db, proposal: Proposal): Promise<number[]> {
  const conditions = [];
  if (proposal.donorPartyCode)
    conditions.push(and(eq(userRoles.role, 'reporter'), eq(userRoles.partyCode, proposal.donorPartyCode)));
  if (proposal.agencyId)
    conditions.push(and(eq(userRoles.role, 'coordinator'), eq(userRoles.agencyId, proposal.agencyId)));
  const rows = conditions.length
    ? await tx
        .select({ id: userRoles.userId })
        .from(userRoles)
        .where(or(...conditions))
    : [];
  return [...(proposal.proposedBy ? [proposal.proposedBy] : []), ...rows.map((row) => row.id)];
}

/**
 * A donor proposes help for a published need still open or offered, optionally with one of its own
 * open offers. The need becomes "offered"; the Member's focal points are told (in the app, and by
 * mail when it is configured, once the change is committed).
 */
export async function proposeHelp(
  db: Db,
  actor: Actor,
  needId: number,
  input: ProposalInput,
  options: { isSample?: boolean } = {},
): Promise<ProposalResult> {
  let tell: (() => Promise<void>) | undefined;
  const result = await inTransaction(db, async (tx): Promise<ProposalResult> => {
    const [row] = await tx
      .select({ need: needs, assessment: needsAssessments })
      .from(needs)
      .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
      .where(eq(needs.id, needId))
      .for('update', { of: needs });
    if (row?.assessment.status !== 'published') return { ok: false, reason: 'not-found' };
    if (!takesProposals(row.need.status)) return { ok: false, reason: 'closed' };
    if (input.offerId !== null) {
      const [offer] = await tx.select().from(offers).where(eq(offers.id, input.offerId));
      const sameOwner =
        offer &&
        offer.status === 'open' &&
        offer.donorPartyCode === input.donorPartyCode &&
        offer.agencyId === input.agencyId;
      if (!sameOwner) return { ok: false, reason: 'offer' };
    }
    const [created] = await tx
      .insert(needProposals)
      .values({ needId, ...input, proposedBy: actor.userId, isSample: options.isSample ?? false })
      .returning({ id: needProposals.id });
    if (!created) throw new Error('proposal insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'create',
      table: 'need_proposals',
      id: created.id,
      after: { needId, ...input },
    });
    await followProposals(tx, actor, row.need, `proposal:${created.id}:pending`);
    const title = Object.values(row.need.title)[0] ?? '';
    tell = await notify(
      tx,
      await focalPointsOf(tx, row.assessment.partyCode),
      inEveryLanguage(needsText, 'notifyProposal', { need: title }),
      `/needs/${needId}`,
    );
    return { ok: true, id: created.id };
  });
  await tell?.();
  return result;
}

/**
 * The Member (its focal point, or the Secretariat) accepts or declines a pending proposal, with a
 * note; the need's status follows (back to "open" when every proposal is declined) and the
 * proposing side is told.
 */
export async function decideProposal(
  db: Db,
  actor: Actor,
  needId: number,
  proposalId: number,
  decision: 'accepted' | 'declined',
  note: string,
): Promise<ProposalResult> {
  let tell: (() => Promise<void>) | undefined;
  const result = await inTransaction(db, async (tx): Promise<ProposalResult> => {
    const [need] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update');
    if (!need) return { ok: false, reason: 'not-found' };
    const [proposal] = await tx
      .select()
      .from(needProposals)
      .where(and(eq(needProposals.id, proposalId), eq(needProposals.needId, needId)))
      .for('update');
    if (!proposal) return { ok: false, reason: 'not-found' };
    if (proposal.status !== 'pending') return { ok: false, reason: 'stale' };
    await tx
      .update(needProposals)
      .set({
        status: decision,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        decisionNote: note || null,
        ...touch(needProposals),
      })
      .where(eq(needProposals.id, proposalId));
    await recordAudit(tx, actor, {
      action: decision === 'accepted' ? 'accept' : 'decline',
      table: 'need_proposals',
      id: proposalId,
      before: { status: 'pending' },
      after: { status: decision, note },
    });
    await followProposals(tx, actor, need, `proposal:${proposalId}:${decision}`);
    const title = Object.values(need.title)[0] ?? '';
    tell = await notify(
      tx,
      await proposingSide(tx, proposal),
      inEveryLanguage(needsText, decision === 'accepted' ? 'notifyAccepted' : 'notifyDeclined', {
        need: title,
      }),
      `/needs/${needId}`,
    );
    return { ok: true, id: proposalId };
  });
  await tell?.();
  return result;
}

/** A proposal's text cut for a notification: one line, at most 140 characters, "…" when cut. */
export function shortened(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The proposing side changes the text of its proposal while it waits for the Member's answer. The
 * form's `seenVersion` must be the proposal's version (a change or an answer meanwhile wins). The
 * Member's focal points are told what changed (the old and new text, shortened); the need's page
 * shows when it was changed (`editedAt`).
 */
export async function editProposal(
  db: Db,
  actor: Actor,
  needId: number,
  proposalId: number,
  seenVersion: number,
  text: string,
): Promise<ProposalResult> {
  let tell: (() => Promise<void>) | undefined;
  const result = await inTransaction(db, async (tx): Promise<ProposalResult> => {
    const found = await lockedProposal(tx, needId, proposalId);
    if (!found) return { ok: false, reason: 'not-found' };
    const { row, proposal } = found;
    if (proposal.status !== 'pending' || proposal.version !== seenVersion)
      return { ok: false, reason: 'stale' };
    await tx
      .update(needProposals)
      .set({ text, editedAt: new Date(), ...touch(needProposals) })
      .where(eq(needProposals.id, proposalId));
    await recordAudit(tx, actor, {
      action: 'update',
      table: 'need_proposals',
      id: proposalId,
      before: { text: proposal.text },
      after: { text },
    });
    tell = await notify(
      tx,
      await focalPointsOf(tx, row.assessment.partyCode),
      inEveryLanguage(needsText, 'notifyProposalEdited', {
        need: Object.values(row.need.title)[0] ?? '',
        before: shortened(proposal.text),
        after: shortened(text),
      }),
      `/needs/${needId}#proposal-${proposalId}`,
    );
    return { ok: true, id: proposalId };
  });
  await tell?.();
  return result;
}

/**
 * The proposing side withdraws its proposal, pending or accepted, with an optional note. It then
 * counts for nothing in the need's status (an offered need with no other live proposal is open
 * again, on record), and the Member's focal points are told.
 */
export async function withdrawProposal(
  db: Db,
  actor: Actor,
  needId: number,
  proposalId: number,
  seenVersion: number,
  note: string,
): Promise<ProposalResult> {
  let tell: (() => Promise<void>) | undefined;
  const result = await inTransaction(db, async (tx): Promise<ProposalResult> => {
    const found = await lockedProposal(tx, needId, proposalId);
    if (!found) return { ok: false, reason: 'not-found' };
    const { row, proposal } = found;
    const live = proposal.status === 'pending' || proposal.status === 'accepted';
    if (!live || proposal.version !== seenVersion) return { ok: false, reason: 'stale' };
    await tx
      .update(needProposals)
      .set({
        status: 'withdrawn',
        withdrawnAt: new Date(),
        withdrawnBy: actor.userId,
        withdrawalNote: note || null,
        ...touch(needProposals),
      })
      .where(eq(needProposals.id, proposalId));
    await recordAudit(tx, actor, {
      action: 'withdraw',
      table: 'need_proposals',
      id: proposalId,
      before: { status: proposal.status },
      after: { status: 'withdrawn', note },
    });
    await followProposals(tx, actor, row.need, `proposal:${proposalId}:withdrawn`);
    tell = await notify(
      tx,
      await focalPointsOf(tx, row.assessment.partyCode),
      inEveryLanguage(needsText, 'notifyWithdrawn', { need: Object.values(row.need.title)[0] ?? '' }),
      `/needs/${needId}#proposal-${proposalId}`,
    );
    return { ok: true, id: proposalId };
  });
  await tell?.();
  return result;
}

/** A published need and one of its proposals, both locked for the change. */
async function lockedProposal(tx: Db, needId: number, proposalId: number) {
  const [row] = await tx
    .select({ need: needs, assessment: needsAssessments })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .where(eq(needs.id, needId))
    .for('update', { of: needs });
  if (row?.assessment.status !== 'published') return null;
  const [proposal] = await tx
    .select()
    .from(needProposals)
    .where(and(eq(needProposals.id, proposalId), eq(needProposals.needId, needId)))
    .for('update');
  return proposal ? { row, proposal } : null;
}

/** A proposal by id, on its need (null when it is not that need's). */
export async function proposalOf(db: Db, needId: number, proposalId: number): Promise<Proposal | null> {
  const [proposal] = await db
    .select()
    .from(needProposals)
    .where(and(eq(needProposals.id, proposalId), eq(needProposals.needId, needId)));
  return proposal ?? null;
}

/** A need's proposals, oldest first, with the name of the agency that made one and the offer's title. */
export async function proposalsOf(db: Db, needId: number) {
  return db
    .select({
      proposal: needProposals,
      agency: { id: agencies.id, code: agencies.code, acronym: agencies.acronym, name: agencies.name },
      offer: { id: offers.id, title: offers.title, language: offers.language },
    })
    .from(needProposals)
    .leftJoin(agencies, eq(agencies.id, needProposals.agencyId))
    .leftJoin(offers, eq(offers.id, needProposals.offerId))
    .where(eq(needProposals.needId, needId))
    .orderBy(asc(needProposals.createdAt), asc(needProposals.id));
}
export type ProposalRow = Awaited<ReturnType<typeof proposalsOf>>[number];

/** Open offers of the parties and agencies given, for the offer choice of the proposal form. */
export async function openOffersOf(db: Db, parties: string[], agencyIds: number[]) {
  const conditions = [];
  if (parties.length) conditions.push(inArray(offers.donorPartyCode, parties));
  if (agencyIds.length) conditions.push(inArray(offers.agencyId, agencyIds));
  if (!conditions.length) return [];
  return db
    .select()
    .from(offers)
    .where(and(eq(offers.status, 'open'), or(...conditions)))
    .orderBy(asc(offers.title));
}

/** Pending proposals for the needs of some Members (or of all, for the Secretariat), oldest first. */
export async function pendingProposalsFor(db: Db, parties: string[] | 'all') {
  if (parties !== 'all' && parties.length === 0) return [];
  return db
    .select({
      proposalId: needProposals.id,
      needId: needs.id,
      title: needs.title,
      language: needsAssessments.language,
    })
    .from(needProposals)
    .innerJoin(needs, eq(needs.id, needProposals.needId))
    .innerJoin(needsAssessments, eq(needsAssessments.id, needs.assessmentId))
    .where(
      and(
        eq(needProposals.status, 'pending'),
        parties === 'all' ? undefined : inArray(needsAssessments.partyCode, parties),
      ),
    )
    .orderBy(asc(needProposals.createdAt), asc(needProposals.id));
}
