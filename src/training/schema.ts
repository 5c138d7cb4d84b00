import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { activities } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { editableColumns, type LocalizedText } from '../db/columns.ts';
import { parties } from '../reference/schema.ts';

export type Signatory = { name: string; title: string; organization: string };

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

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

/**
 * Who signs a programme's certificates: kept apart from the signatories of its agreements (those
 * signed the memorandum, not certificates). An optional signature image (PNG or JPEG, checked by
 * its first bytes) is drawn above the name.
 */
export const certificateSignatories = pgTable(
  'certificate_signatories',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    organization: text('organization').notNull(),
    signatureType: text('signature_type', { enum: ['image/png', 'image/jpeg'] }),
    signature: bytea('signature'),
    ...editableColumns(),
  },
  (t) => [index('certificate_signatories_programme_idx').on(t.programmeId, t.position)],
);

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
  /** Whether anyone may nominate through the public form while the edition is open. */
  publicNominations: boolean('public_nominations').notNull().default(false),
  nominationDeadline: date('nomination_deadline'),
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

export const nominationStatuses = ['nominated', 'selected', 'waitlisted', 'declined', 'withdrawn'] as const;
export const genders = ['female', 'male', 'other'] as const;

/** A candidate put forward by a beneficiary's IP office (or through the public form). */
export const nominations = pgTable(
  'nominations',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => trainingEditions.id, { onDelete: 'cascade' }),
    /** The focal point who nominated; null for the public form. */
    nominatedBy: integer('nominated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Who sent the public form (it has no account): name and address, erased with the candidate's data. */
    nominatorName: text('nominator_name'),
    nominatorEmail: text('nominator_email'),
    candidateName: text('candidate_name').notNull(),
    position: text('position').notNull(),
    office: text('office').notNull(),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
    email: text('email').notNull(),
    phone: text('phone'),
    motivation: text('motivation').notNull(),
    gender: text('gender', { enum: genders }),
    consentPublicName: boolean('consent_public_name').notNull().default(false),
    status: text('status', { enum: nominationStatuses }).notNull().default('nominated'),
    /** The coordinator's ranking, 1 first. */
    rank: integer('rank'),
    ...editableColumns(),
  },
  (t) => [index('nominations_edition_idx').on(t.editionId, t.status)],
);

/** A person taking part in an edition: personal data seen only by coordinators, their advisor and themselves. */
export const participants = pgTable(
  'participants',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => trainingEditions.id, { onDelete: 'cascade' }),
    nominationId: integer('nomination_id')
      .unique()
      .references(() => nominations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    position: text('position'),
    office: text('office').notNull(),
    partyCode: text('party_code')
      .notNull()
      .references(() => parties.code),
    email: text('email'),
    /** Optional, self-declared, for participation statistics only. */
    gender: text('gender', { enum: genders }),
    consentPublicName: boolean('consent_public_name').notNull().default(false),
    /** Demo people are invented: marked so no page passes them off as real. */
    isSample: boolean('is_sample').notNull().default(false),
    advisorId: integer('advisor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set by the coordinator when the requirements (presentation, project) are met. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...editableColumns(),
  },
  (t) => [
    index('participants_edition_idx').on(t.editionId),
    index('participants_advisor_idx').on(t.advisorId),
  ],
);

/** Files a participant hands in, such as the presentation of their office. Kept in the database so every app process serves them. */
export const participantFiles = pgTable('participant_files', {
  id: serial('id').primaryKey(),
  participantId: integer('participant_id')
    .notNull()
    .references(() => participants.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['office-presentation'] }).notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const projectStatuses = ['proposed', 'in-progress', 'submitted', 'completed'] as const;

/** The research project each participant runs with a dedicated advisor. */
export const researchProjects = pgTable('research_projects', {
  id: serial('id').primaryKey(),
  participantId: integer('participant_id')
    .notNull()
    .unique()
    .references(() => participants.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  plan: text('plan').notNull().default(''),
  status: text('status', { enum: projectStatuses }).notNull().default('proposed'),
  ...editableColumns(),
});

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => researchProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    ...editableColumns(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId)],
);

export const projectComments = pgTable(
  'project_comments',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => researchProjects.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_comments_project_idx').on(t.projectId)],
);

/** A certificate of completion; the code in its verification URL is random, so certificates cannot be guessed. */
export const certificates = pgTable(
  'certificates',
  {
    id: serial('id').primaryKey(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('certificates_code_key').on(t.code),
    unique('certificates_participant_key').on(t.participantId),
  ],
);
