import type { Db } from '../db/database.ts';
import { addressNetwork } from '../operations/address.ts';
import {
  type CountOutcome,
  clearRequests,
  countRequest,
  type Limit,
  uncountRequest,
} from '../operations/request-counters.ts';

/**
 * Sign-in throttling, counted atomically in the database so that every app process counts the
 * same tries. A network (an IPv4 address, an IPv6 /64) takes 30 tries per 15 minutes (a shared
 * office NAT); one account takes 5 from one network. Wrong passwords typed from one network
 * therefore never lock the owner out from another one, nor from a mailed password link (setting a
 * password clears the account's counts). A try that succeeds is given back.
 */
export const throttleWindowMinutes = 15;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerAddress = 30;

const window = throttleWindowMinutes * 60;
export const addressLimit: Limit = { max: maxFailuresPerAddress, windowSeconds: window };
export const accountLimit: Limit = { max: maxFailuresPerAccount, windowSeconds: window };

const addressKey = (address: string) => `sign-in:net:${addressNetwork(address)}`;
const accountPrefix = (email: string) => `sign-in:account:${email}\n`;
const accountKey = (email: string, address: string) => `${accountPrefix(email)}${addressNetwork(address)}`;

export type SignInTry = { release(): Promise<void> };

/** Counts a sign-in try from `address` for `email`; refused with the seconds to wait. */
export async function countSignInTry(
  db: Db,
  email: string,
  address: string,
): Promise<CountOutcome & { release?: () => Promise<void> }> {
  const byAddress = await countRequest(db, addressKey(address), addressLimit);
  if (!byAddress.allowed) return byAddress;
  const byAccount = await countRequest(db, accountKey(email, address), accountLimit);
  if (!byAccount.allowed) {
    // The network's count is not spent on a try that the account's limit stopped.
    await uncountRequest(db, addressKey(address), addressLimit);
    return byAccount;
  }
  return {
    allowed: true,
    release: async () => {
      await uncountRequest(db, addressKey(address), addressLimit);
      await uncountRequest(db, accountKey(email, address), accountLimit);
    },
  };
}

/** The account's counts from every network: its owner has just proved who they are. */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await clearRequests(db, accountPrefix(email));
}
