import { hasRole, isSecretariat } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';

/**
 * Who sees the suggestions of the matching (on a need's page, an offer's page, the donor's own
 * offers page): the people who can act on them — donors' reporters and coordinators, the Members'
 * focal points and the Secretariat. Anonymous visitors and other roles do not: a ranking of donors
 * is a working tool, not a public statement.
 */
export const seesSuggestions = (account: Account | null | undefined) =>
  isSecretariat(account) ||
  hasRole(account, 'reporter') ||
  hasRole(account, 'coordinator') ||
  hasRole(account, 'focal-point');
