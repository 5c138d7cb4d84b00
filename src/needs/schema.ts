import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { editableColumns, type LocalizedText } from '../db/columns.ts';
import { offers } from '../offers/schema.ts';
import { parties } from '../reference/schema.ts';
import {
  assessmentSources,
  type kindsOfHelp,
  needPriorities,
  needStatuses,
  proposalStatuses,
} from './taxonomy.ts';

/**
 * A Member's needs assessment (a TRIPS Council submission under IP/C/40, a WIPO-assisted
 * assessment, a national IP strategy). It goes public when its Member publishes it: no review.
 */
export const needsAssessments = pgTable(
  'needs_assessments',
  {
    id: serial('id').primaryKey(),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
    symbol: text('symbol'),
    /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document is. */
    documentDate: text('document_date'),
    source: text('source', { enum: assessmentSources }).notNull(),
    language: text('language', { enum: ['en', 'fr', 'es'] }).notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    /** Made-up needs of a real Member, shown as sample data wherever they appear. */
    isSample: boolean('is_sample').notNull().default(false),
    /** Shown only to signed-in accounts of delegations, focal points, reporters and the Secretariat. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [index('needs_assessments_party_idx').on(t.partyCode)],
);

export const needs = pgTable(
  'needs',
  {
    id: serial('id').primaryKey(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => needsAssessments.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    ipAreas: jsonb('ip_areas').$type<string[]>().notNull().default([]),
    kindsOfHelp: jsonb('kinds_of_help').$type<Array<(typeof kindsOfHelp)[number]>>().notNull().default([]),
    institution: text('institution'),
    priority: text('priority', { enum: needPriorities }).notNull(),
    /** Wished dates, YYYY, YYYY-MM or YYYY-MM-DD. */
    wishedStart: text('wished_start'),
    wishedEnd: text('wished_end'),
    status: text('status', { enum: needStatuses }).notNull().default('open'),
    ...editableColumns(),
  },
  (t) => [index('needs_assessment_idx').on(t.assessmentId), index('needs_status_idx').on(t.status)],
);

/** Every change of a need's status: dated, explained and by whom (the audit trail has it too). */
export const needStatusChanges = pgTable(
  'need_status_changes',
  {
    id: serial('id').primaryKey(),
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: needStatuses }),
    toStatus: text('to_status', { enum: needStatuses }).notNull(),
    note: text('note').notNull(),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('need_status_changes_need_idx').on(t.needId)],
);

/** The fields of a need a revision keeps, as they were before the change. */
export type NeedFieldValues = {
  title: LocalizedText;
  description: LocalizedText;
  ipAreas: string[];
  kindsOfHelp: string[];
  institution: string | null;
  priority: string;
  wishedStart: string | null;
  wishedEnd: string | null;
};

/**
 * Every change of a published need's text and facts: the values before it, which fields changed,
 * the explanation, when, by whom (kept, never shown publicly) and on which side (the Member's focal
 * point or the Secretariat for it). Written in the same transaction as the change.
 */
export const needRevisions = pgTable(
  'need_revisions',
  {
    id: serial('id').primaryKey(),
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    /** 1 for the first edit of the need, then 2, 3… */
    revision: integer('revision').notNull(),
    previous: jsonb('previous').$type<NeedFieldValues>().notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    note: text('note').notNull(),
    revisedBy: integer('revised_by').references(() => users.id, { onDelete: 'set null' }),
    byRole: text('by_role', { enum: ['member', 'secretariat'] }).notNull(),
    revisedAt: timestamp('revised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('need_revisions_need_revision_idx').on(t.needId, t.revision)],
);

/**
 * A donor's answer to a need: a donor Member (through its reporters) or an agency (through its
 * coordinators) proposes help, with or without one of its offers; the Member's focal point (or the
 * Secretariat) accepts or declines it. The need's status follows (./status.ts).
 */
export const needProposals = pgTable(
  'need_proposals',
  {
    id: serial('id').primaryKey(),
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    offerId: integer('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    donorPartyCode: text('donor_party_code').references(() => parties.code),
    agencyId: integer('agency_id').references(() => agencies.id),
    text: text('text').notNull(),
    /** The language the proposal is written in (the page's language when it was made). */
    language: text('language', { enum: ['en', 'fr', 'es'] }).notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('pending'),
    proposedBy: integer('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** When the proposing side withdrew it (pending or accepted), by whom, with its optional note. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawalNote: text('withdrawal_note'),
    /** When the proposing side last changed its text (null: never); shown on the need's page. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    isSample: boolean('is_sample').notNull().default(false),
    ...editableColumns(),
  },
  (t) => [index('need_proposals_need_idx').on(t.needId)],
);
