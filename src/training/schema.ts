import { date, integer, jsonb, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { activities } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { editableColumns, type LocalizedText } from '../db/columns.ts';
import { parties } from '../reference/schema.ts';

export type Signatory = { name: string; title: string; organization: string };

/** A training programme such as the WIPO–CIPO Executive Training Program. */
export const trainingProgrammes = pgTable('training_programmes', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull().default({}),
  foundingYear: integer('founding_year'),
  targetAudience: jsonb('target_audience').$type<LocalizedText>().notNull().default({}),
  interestAreas: jsonb('interest_areas').$type<string[]>().notNull().default([]),
  /** Figures for the years before records were kept here, as the organizer states them. */
  historicParticipants: integer('historic_participants'),
  historicCountries: integer('historic_countries'),
  historicNote: text('historic_note'),
  source: text('source').notNull(),
  ...editableColumns(),
});

export const programmeOrganizers = pgTable(
  'programme_organizers',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: ['organizer', 'partner'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.agencyId] })],
);

export const programmeAgreements = pgTable('programme_agreements', {
  id: serial('id').primaryKey(),
  programmeId: integer('programme_id')
    .notNull()
    .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  signedOn: date('signed_on'),
  signatories: jsonb('signatories').$type<Signatory[]>().notNull().default([]),
  ...editableColumns(),
});

export const editionStatuses = ['planned', 'open', 'selection', 'running', 'completed'] as const;

export const trainingEditions = pgTable('training_editions', {
  id: serial('id').primaryKey(),
  programmeId: integer('programme_id')
    .notNull()
    .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  startDate: date('start_date'),
  endDate: date('end_date'),
  venue: text('venue'),
  venueCity: text('venue_city'),
  venuePartyCode: text('venue_party_code').references(() => parties.code),
  mode: text('mode', { enum: ['in-person', 'online', 'blended'] }),
  deliveryLanguages: text('delivery_languages').array().notNull().default([]),
  capacity: integer('capacity'),
  status: text('status', { enum: editionStatuses }).notNull().default('planned'),
  topics: jsonb('topics').$type<string[]>().notNull().default([]),
  /** Headcount stated by the organizer when participant records are not (yet) kept here. */
  reportedParticipants: integer('reported_participants'),
  reportedParticipantRegions: jsonb('reported_participant_regions').$type<string[]>().notNull().default([]),
  /** The Art. 67 activity this edition is reported as. */
  activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
  source: text('source').notNull(),
  ...editableColumns(),
});

export const editionSessions = pgTable('edition_sessions', {
  id: serial('id').primaryKey(),
  editionId: integer('edition_id')
    .notNull()
    .references(() => trainingEditions.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  kind: text('kind', {
    enum: ['fireside-conversation', 'practical-session', 'participant-presentation', 'lecture', 'ceremony'],
  }).notNull(),
  startsAt: text('starts_at'),
  speakers: jsonb('speakers').$type<string[]>().notNull().default([]),
});
