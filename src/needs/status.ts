import type { NeedStatus, ProposalStatus } from './taxonomy.ts';

/**
 * Where the Member (its focal point, or the Secretariat for it) may move a need by hand. "Offered"
 * and "in progress" are not in the list: "offered" follows proposals (statusAfterProposals below),
 * "in progress" will follow the activities that deliver a need. "Met" is only ever the Member's word.
 */
const byHand: Record<NeedStatus, readonly NeedStatus[]> = {
  open: ['met', 'withdrawn'],
  offered: ['met', 'withdrawn'],
  'in-progress': ['met', 'withdrawn'],
  met: ['open'],
  withdrawn: ['open'],
};

export const statusesAfter = (current: NeedStatus): readonly NeedStatus[] => byHand[current];

export const mayMoveByHand = (from: NeedStatus, to: NeedStatus) => byHand[from].includes(to);

/**
 * What proposals make of an open or offered need: "offered" while one is pending or accepted, back
 * to "open" when every one is declined or withdrawn by its donor. A need in progress, met or withdrawn keeps its status: a
 * proposal does not undo the Member's word or the work under way.
 */
export function statusAfterProposals(current: NeedStatus, proposals: readonly ProposalStatus[]): NeedStatus {
  if (current !== 'open' && current !== 'offered') return current;
  return proposals.some((status) => status === 'pending' || status === 'accepted') ? 'offered' : 'open';
}

/** Whether donors may still propose help for a need in this status. */
export const takesProposals = (status: NeedStatus) => status === 'open' || status === 'offered';
