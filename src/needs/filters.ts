import { z } from 'zod';
import { kindsOfHelp, needStatuses } from './taxonomy.ts';

/** The filters of the needs list and of GET /api/v1/needs. */
export const needFilters = z.object({
  party: z
    .string()
    .regex(/^[A-Z0-9-]{2,12}$/)
    .optional(),
  status: z.enum(needStatuses).optional(),
  kind: z.enum(kindsOfHelp).optional(),
  q: z.string().max(200).optional(),
});
