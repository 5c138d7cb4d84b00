import { z } from 'zod';
import { incentiveTypes, ldcSpecificities, technologySectors } from '../reports/incentives/taxonomy.ts';

const partyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .transform((code) => code.toUpperCase());

/** The filters of the incentives list and API: the route validates with it, the API docs describe it. */
export const incentiveFilters = z.object({
  q: z.string().max(200).optional(),
  type: z.enum(incentiveTypes).optional(),
  sector: z.enum(technologySectors).optional(),
  /** A beneficiary LDC's party code. */
  ldc: partyCode.optional(),
  specificity: z.enum(ldcSpecificities).optional(),
  /** The reporting Member's party code. */
  party: partyCode.optional(),
});

export type IncentiveFilters = z.infer<typeof incentiveFilters>;

/** Filters from query parameters (empty ones left out); null when a value is not a known one (the API answers 400). */
export function readIncentiveFilters(query: (name: string) => string | undefined): IncentiveFilters | null {
  const raw = Object.fromEntries(
    Object.keys(incentiveFilters.shape).flatMap((name) => {
      const value = query(name)?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  const parsed = incentiveFilters.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
