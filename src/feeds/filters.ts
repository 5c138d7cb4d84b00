import { z } from 'zod';

/** The feed's filters, also described in the OpenAPI document: ?reporter=CAN&beneficiary=CRI. */
const feedParty = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'a party code such as CAN')
  .optional();
export const feedFilters = z.object({ reporter: feedParty, beneficiary: feedParty });
