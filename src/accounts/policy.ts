import type { Role } from './schema.ts';
import type { Account } from './service.ts';

/** Role checks shared by every feature; a feature's own rules build on these. */
export const hasRole = (account: Account | null | undefined, role: Role) =>
  !!account?.roles.some((grant) => grant.role === role);

export const isAdmin = (account: Account | null | undefined) => hasRole(account, 'admin');

/** The Secretariat reviews and publishes; an admin may act as it. */
export const isSecretariat = (account: Account | null | undefined) =>
  hasRole(account, 'secretariat') || isAdmin(account);

/** Parties the account reports for. */
export const reportingParties = (account: Account | null | undefined): string[] =>
  account?.roles.flatMap((g) => (g.role === 'reporter' && g.partyCode ? [g.partyCode] : [])) ?? [];

export const reportsFor = (account: Account | null | undefined, partyCode: string) =>
  reportingParties(account).includes(partyCode);

/** Parties the account nominates for, as a beneficiary focal point. */
export const focalPointParties = (account: Account | null | undefined): string[] =>
  account?.roles.flatMap((g) => (g.role === 'focal-point' && g.partyCode ? [g.partyCode] : [])) ?? [];

/** Agencies whose programmes the account coordinates. */
export const coordinatedAgencies = (account: Account | null | undefined): number[] =>
  account?.roles.flatMap((g) => (g.role === 'coordinator' && g.agencyId ? [g.agencyId] : [])) ?? [];

/** Agencies the account advises participants for. */
export const advisingAgencies = (account: Account | null | undefined): number[] =>
  account?.roles.flatMap((g) => (g.role === 'advisor' && g.agencyId ? [g.agencyId] : [])) ?? [];

/** Participant records that are the account holder's own. */
export const ownParticipantIds = (account: Account | null | undefined): number[] =>
  account?.roles.flatMap((g) => (g.role === 'participant' && g.participantId ? [g.participantId] : [])) ?? [];

/** Roles the Secretariat hands out itself; every other role is the administrators'. */
export const secretariatManagedRoles: readonly Role[] = ['reporter', 'focal-point'];

/** Who may see the people pages: administrators, and the Secretariat for its roles. */
export const managesPeople = (account: Account | null | undefined) => isSecretariat(account);

/** Whether the account may grant or withdraw this role. */
export const mayGrantRole = (account: Account | null | undefined, role: Role) =>
  isAdmin(account) || (hasRole(account, 'secretariat') && secretariatManagedRoles.includes(role));

/**
 * Whether the account may act on another one (roles, password link, disable): administrators on
 * any; the Secretariat on accounts that hold only reporter or focal-point roles. Nobody disables
 * or withdraws roles from themselves here (the command line can), so an admin cannot lock all out.
 */
export const mayManageAccount = (
  account: Account | null | undefined,
  target: { id: number; roles: Array<{ role: Role }> },
) =>
  !!account &&
  account.id !== target.id &&
  (isAdmin(account) ||
    (hasRole(account, 'secretariat') &&
      target.roles.every((grant) => secretariatManagedRoles.includes(grant.role))));
