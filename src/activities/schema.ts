import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
} from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/schema.ts';
import { editableColumns, type LocalizedText, tsvector } from '../db/columns.ts';
import { parties, regions } from '../reference/schema.ts';

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export type FundingShare = { partyCode?: string; agencyCode?: string; sharePercent: number };

/** A programme or project. One record, however many yearly reports list it. */
export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    donorPartyCode: text('donor_party_code')
      .notNull()
      .references(() => parties.code),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    originalLanguage: text('original_language', { enum: ['en', 'fr', 'es'] }).notNull(),
    startDate: date('start_date'),
    startPrecision: text('start_precision', { enum: datePrecisions }),
    endDate: date('end_date'),
    endPrecision: text('end_precision', { enum: datePrecisions }),
    level: text('level'),
    activityType: text('activity_type'),
    ipAreas: text('ip_areas').array().notNull().default([]),
    budgetAmount: numeric('budget_amount', { precision: 16, scale: 2 }),
    budgetCurrency: text('budget_currency'),
    fundingSource: text('funding_source', { enum: ['donor', 'co-financed', 'beneficiary'] }),
    fundingShares: jsonb('funding_shares').$type<FundingShare[]>().notNull().default([]),
    deliveryLanguages: text('delivery_languages').array().notNull().default([]),
    deliveryMode: text('delivery_mode', { enum: ['in-person', 'online', 'blended'] }),
    website: text('website'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    status: text('status', { enum: ['planned', 'ongoing', 'completed', 'cancelled'] }),
    /** Where the record came from, e.g. "etrips-import". */
    source: text('source').notNull(),
    /** False while the activity exists only in drafts: the gateway, search and exports skip it. */
    isPublic: boolean('is_public').notNull().default(true),
    ...editableColumns(),
  },
  (t) => [index('activities_donor_start_idx').on(t.donorPartyCode, t.startDate)],
);

/**
 * Beneficiaries in the order the source lists them. A row is a party, a named region,
 * or a name nobody could resolve, kept verbatim so nothing is dropped.
 */
export const activityBeneficiaries = pgTable(
  'activity_beneficiaries',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['party', 'region', 'unresolved'] }).notNull(),
    partyCode: text('party_code').references(() => parties.code),
    regionCode: text('region_code').references(() => regions.code),
    nameAsWritten: text('name_as_written').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.position] }),
    index('activity_beneficiaries_party_idx').on(t.partyCode, t.activityId),
    index('activity_beneficiaries_region_idx').on(t.regionCode, t.activityId),
  ],
);

export const activityAgencies = pgTable(
  'activity_agencies',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: ['implementing', 'partner'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.agencyId, t.role] }),
    index('activity_agencies_agency_idx').on(t.agencyId),
  ],
);

/**
 * The search index: one narrow row per activity with what matching, ordering and facets read
 * (codes as arrays, the LDC flag, the full-text vector), so a search never touches the wide
 * activity rows but for the page it shows. Derived data, rebuilt by refreshActivitySearch()
 * whenever an activity, its beneficiaries or its agencies change.
 */
export const activitySearch = pgTable(
  'activity_search',
  {
    activityId: integer('activity_id')
      .primaryKey()
      .references(() => activities.id, { onDelete: 'cascade' }),
    donor: text('donor').notNull(),
    startDate: date('start_date'),
    ipAreas: text('ip_areas').array().notNull(),
    activityType: text('activity_type'),
    level: text('level'),
    status: text('status'),
    /** Parties named as beneficiaries. */
    beneficiaryCodes: text('beneficiary_codes').array().notNull(),
    /** Regions named, and every region that contains a named party or region. */
    regionCodes: text('region_codes').array().notNull(),
    /** A beneficiary was an LDC when the activity started. */
    benefitsLdc: boolean('benefits_ldc').notNull(),
    /** Elements of Article 67 (activity_elements), suggested or confirmed. */
    elements: text('elements').array().notNull().default([]),
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('activity_search_vector_idx').using('gin', t.searchVector),
    index('activity_search_beneficiaries_idx').using('gin', t.beneficiaryCodes),
    index('activity_search_regions_idx').using('gin', t.regionCodes),
    index('activity_search_ip_areas_idx').using('gin', t.ipAreas),
    index('activity_search_elements_idx').using('gin', t.elements),
    // Listing order (newest first, undated last, then id), alone and per donor.
    index('activity_search_start_idx').on(t.startDate.desc().nullsLast(), t.activityId),
    index('activity_search_donor_start_idx').on(t.donor, t.startDate.desc().nullsLast(), t.activityId),
  ],
);
