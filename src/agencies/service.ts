import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../db/columns.ts';
import { touch } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { agencies } from './schema.ts';

export type AgencyInput = {
  code: string;
  partyCode: string | null;
  acronym: string | null;
  name: LocalizedText;
  website?: string | null;
};

/** Inserts or updates agencies by code; returns their ids by code. */
export async function upsertAgencies(db: Db, list: AgencyInput[]): Promise<Map<string, number>> {
  if (list.length === 0) return new Map();
  const rows = await db
    .insert(agencies)
    .values(list.map((a) => ({ ...a, website: a.website ?? null })))
    .onConflictDoUpdate({
      target: agencies.code,
      set: {
        partyCode: sql`excluded.party_code`,
        acronym: sql`excluded.acronym`,
        name: sql`excluded.name`,
        website: sql`excluded.website`,
        ...touch(agencies),
      },
    })
    .returning({ id: agencies.id, code: agencies.code });
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Every agency, for pickers (the people pages' role scope): id, code and a short name. */
export async function agencyChoices(db: Db) {
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, acronym: agencies.acronym, name: agencies.name })
    .from(agencies);
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
