import { isSecretariat, reportsFor } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';

/**
 * Who may confirm or change an activity's elements of Article 67: the Secretariat, and the
 * reporters of a party whose report lists the activity (or of its donor).
 */
export const mayConfirmElements = (account: Account | null | undefined, parties: string[]) =>
  !!account && (isSecretariat(account) || parties.some((party) => reportsFor(account, party)));
