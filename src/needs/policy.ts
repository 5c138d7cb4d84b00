import {
  coordinatedAgencies,
  focalPointParties,
  hasRole,
  isSecretariat,
  reportingParties,
} from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';

/** Who records and follows a Member's needs: its focal points, and the Secretariat on its behalf. */
export const managesNeedsOf = (account: Account | null | undefined, partyCode: string) =>
  isSecretariat(account) || focalPointParties(account).includes(partyCode);

export const managesAnyNeeds = (account: Account) =>
  isSecretariat(account) || focalPointParties(account).length > 0;

/** Contact details of an assessment: signed-in focal points, reporting officers and the Secretariat. */
export const seesNeedContacts = (account: Account | null | undefined) =>
  isSecretariat(account) || hasRole(account, 'focal-point') || hasRole(account, 'reporter');

/** Needs are recorded for Members and observers that are least-developed or developing today. */
export function mayHaveNeeds(labels: ReferenceLabels, partyCode: string): boolean {
  const party = labels.parties.get(partyCode);
  if (!party || party.kind === 'igo') return false;
  const today = new Date().toISOString().slice(0, 10);
  const current = party.status.find((period) => period.from <= today && (!period.to || period.to >= today));
  return current?.status === 'ldc' || current?.status === 'developing';
}

/**
 * Who speaks for a proposal of help, to change or withdraw it: whoever made it, its donor Member's
 * reporters or its agency's coordinators (the people told of the Member's answer).
 */
export function speaksForProposal(
  account: Account | null | undefined,
  proposal: { proposedBy: number | null; donorPartyCode: string | null; agencyId: number | null },
): boolean {
  if (!account) return false;
  if (proposal.proposedBy === account.id) return true;
  if (proposal.donorPartyCode && reportingParties(account).includes(proposal.donorPartyCode)) return true;
  return proposal.agencyId !== null && coordinatedAgencies(account).includes(proposal.agencyId);
}

/** On whose side a change is recorded: the Member's own focal point, or the Secretariat for it. */
export const sideOf = (account: Account, partyCode: string): 'member' | 'secretariat' =>
  focalPointParties(account).includes(partyCode) ? 'member' : 'secretariat';
