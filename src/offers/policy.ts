import { coordinatedAgencies, reportingParties } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';

/** Whose offer it is: a donor Member's (its reporters publish) or an agency's (its coordinators). */
export type OfferOwner = { donorPartyCode: string | null; agencyId: number | null };

/** Whether the account publishes offers at all: reporters for their party, coordinators for their agency. */
export const publishesOffers = (account: Account | null | undefined) =>
  reportingParties(account).length > 0 || coordinatedAgencies(account).length > 0;

/** Whether the account may change this offer: the reporters of its Member or the coordinators of its agency. */
export const managesOffer = (account: Account | null | undefined, offer: OfferOwner) =>
  (offer.donorPartyCode !== null && reportingParties(account).includes(offer.donorPartyCode)) ||
  (offer.agencyId !== null && coordinatedAgencies(account).includes(offer.agencyId));
