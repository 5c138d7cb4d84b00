import { boolean, date, index, integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { editableColumns } from '../db/columns.ts';
import type { KindOfHelp } from '../needs/taxonomy.ts';
import { parties } from '../reference/schema.ts';

export const offerStatuses = ['open', 'closed'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/**
 * What a donor Member (through its reporters) or an agency (through its coordinators) offers to
 * least-developed and developing Members: exactly one of `donorPartyCode` and `agencyId` is set.
 * Public from the moment it is saved; closed offers stay visible, marked closed.
 */
export const offers = pgTable(
  'offers',
  {
    id: serial('id').primaryKey(),
    donorPartyCode: text('donor_party_code').references(() => parties.code),
    agencyId: integer('agency_id').references(() => agencies.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The language the title and description are written in. */
    language: text('language', { enum: ['en', 'fr', 'es'] }).notNull(),
    ipAreas: jsonb('ip_areas').$type<string[]>().notNull().default([]),
    kindsOfHelp: jsonb('kinds_of_help').$type<KindOfHelp[]>().notNull().default([]),
    /** Members it is open to; none listed (and no region) means every LDC and developing Member. */
    eligibleParties: jsonb('eligible_parties').$type<string[]>().notNull().default([]),
    eligibleRegions: jsonb('eligible_regions').$type<string[]>().notNull().default([]),
    /** Languages the help is given in (ISO 639-1). */
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    /** In the donor's words: "12 participants", "two expert missions a year". */
    capacity: text('capacity'),
    deadline: date('deadline'),
    status: text('status', { enum: offerStatuses }).notNull().default('open'),
    /** Made-up offers of a real donor, shown as sample data wherever they appear. */
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...editableColumns(),
  },
  (t) => [index('offers_status_idx').on(t.status), index('offers_donor_idx').on(t.donorPartyCode)],
);
