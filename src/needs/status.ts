import type { NeedStatus } from './taxonomy.ts';

/**
 * Where the Member (its focal point, or the Secretariat for it) may move a need by hand. "Offered"
 * and "in progress" are not in the list: they will follow proposals and the activities that
 * deliver a need. "Met" is only ever the Member's word.
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
