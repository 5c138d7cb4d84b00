import { focalPointParties, hasRole, isSecretariat } from '../accounts/policy.ts';
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
