import { z } from 'zod';
import { kindsOfHelp } from '../needs/taxonomy.ts';
import { offerStatuses } from './schema.ts';

/** The filters of the offers list and of GET /api/v1/offers. */
export const offerFilters = z.object({
  q: z.string().max(200).optional(),
  area: z
    .string()
    .regex(/^[a-z-]{2,60}$/)
    .optional(),
  kind: z.enum(kindsOfHelp).optional(),
  region: z
    .string()
    .regex(/^[A-Z0-9-]{2,20}$/)
    .optional(),
  status: z.enum(offerStatuses).optional(),
});
