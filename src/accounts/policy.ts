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
