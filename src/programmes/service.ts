import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { activities } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import type { LocalizedText } from '../db/columns.ts';
import type { Db } from '../db/database.ts';
import { type AnsweredNeed, needsAnsweredByEditions } from '../needs/delivery/editions.ts';
import { publicResultsWhere } from '../results/service.ts';
import { type ResultSums, sumResults } from '../results/sums.ts';
import { type ProgrammeFigures, programmeFigures } from '../training/programme/figures.ts';
import {
  editionSessions,
  participants,
  programmeAgreements,
  programmeOrganizers,
  type Signatory,
  trainingEditions,
  trainingProgrammes,
} from '../training/schema.ts';
import { editionStarted } from '../training/took-part.ts';

export type Organizer = {
  programmeId: number;
  role: 'organizer' | 'partner';
  code: string;
  acronym: string | null;
  name: LocalizedText;
  website: string | null;
};

export type ProgrammeSummary = {
  id: number;
  name: LocalizedText;
  foundingYear: number | null;
  organizers: Organizer[];
  editions: number;
  participantsSinceInception: number;
};

async function organizersOf(db: Db, programmeIds: number[]): Promise<Organizer[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select({
      programmeId: programmeOrganizers.programmeId,
      role: programmeOrganizers.role,
      code: agencies.code,
      acronym: agencies.acronym,
      name: agencies.name,
      website: agencies.website,
    })
    .from(programmeOrganizers)
    .innerJoin(agencies, eq(agencies.id, programmeOrganizers.agencyId))
    .where(inArray(programmeOrganizers.programmeId, programmeIds))
    .orderBy(asc(programmeOrganizers.role), asc(agencies.code));
}

/** Every programme with its organizers and headline figures (historic aggregate + recorded participants). */
export async function listProgrammes(db: Db): Promise<ProgrammeSummary[]> {
  const rows = await db
    .select({
      id: trainingProgrammes.id,
      name: trainingProgrammes.name,
      foundingYear: trainingProgrammes.foundingYear,
      historicParticipants: trainingProgrammes.historicParticipants,
      editions: sql<number>`(SELECT count(*)::int FROM training_editions e WHERE e.programme_id = training_programmes.id)`,
      recorded: sql<number>`(SELECT count(*)::int FROM participants p JOIN training_editions e ON e.id = p.edition_id
                               WHERE e.programme_id = training_programmes.id AND ${editionStarted(sql`e`)})`,
    })
    .from(trainingProgrammes)
    .orderBy(sql`${trainingProgrammes.name}->>'en'`, asc(trainingProgrammes.id));
  const organizers = await organizersOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    foundingYear: row.foundingYear,
    organizers: organizers.filter((o) => o.programmeId === row.id),
    editions: Number(row.editions),
    participantsSinceInception: (row.historicParticipants ?? 0) + Number(row.recorded),
  }));
}

export type EditionView = {
  id: number;
  year: number;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  venueCity: string | null;
  venuePartyCode: string | null;
  mode: 'in-person' | 'online' | 'blended' | null;
  deliveryLanguages: string[];
  capacity: number | null;
  status: (typeof trainingEditions.$inferSelect)['status'];
  topics: string[];
  reportedParticipants: number | null;
  publicNominations: boolean;
  nominationDeadline: string | null;
  activityId: number | null;
  sessions: Array<{ kind: (typeof editionSessions.$inferSelect)['kind']; title: string; speakers: string[] }>;
  participantCount: number;
  /** Whether the edition has started: before, its participants are only "selected". */
  started: boolean;
  byParty: Array<{ partyCode: string; count: number }>;
  /** Only people who agreed to be named in public. */
  namedParticipants: Array<{ name: string; partyCode: string; office: string; isSample: boolean }>;
  sampleParticipants: number;
  /** The published needs the edition answers, as its coordinators said (public at once). */
  answersNeeds: AnsweredNeed[];
};

export type ProgrammeDetail = {
  id: number;
  name: LocalizedText;
  description: LocalizedText;
  targetAudience: LocalizedText;
  interestAreas: string[];
  foundingYear: number | null;
  source: string;
  organizers: Organizer[];
  agreements: Array<{ title: string; signedOn: string | null; signatories: Signatory[] }>;
  figures: ProgrammeFigures;
  sampleParticipants: number;
  editions: EditionView[];
  /** Result indicators of the editions' public activities, added up where units agree. */
  results: ResultSums;
};

/** One programme for its public page; null when there is none with that id. */
export async function programmeDetail(db: Db, id: number): Promise<ProgrammeDetail | null> {
  const [programme] = await db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, id));
  if (!programme) return null;
  const [organizers, agreements, figures, editionRows, results] = await Promise.all([
    organizersOf(db, [id]),
    db
      .select({
        title: programmeAgreements.title,
        signedOn: programmeAgreements.signedOn,
        signatories: programmeAgreements.signatories,
      })
      .from(programmeAgreements)
      .where(eq(programmeAgreements.programmeId, id))
      .orderBy(desc(programmeAgreements.signedOn), asc(programmeAgreements.id)),
    programmeFigures(db, id),
    db
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.programmeId, id))
      .orderBy(desc(trainingEditions.year), desc(trainingEditions.id)),
    publicResultsWhere(
      db,
      sql`a.id IN (SELECT e.activity_id FROM training_editions e WHERE e.programme_id = ${id})`,
    ),
  ]);
  if (!figures) return null;
  const editions = await editionViews(db, editionRows);
  return {
    id,
    name: programme.name,
    description: programme.description,
    targetAudience: programme.targetAudience,
    interestAreas: programme.interestAreas,
    foundingYear: programme.foundingYear,
    source: programme.source,
    organizers,
    agreements,
    figures,
    sampleParticipants: editions.reduce((sum, e) => sum + e.sampleParticipants, 0),
    editions,
    results: sumResults(results),
  };
}

/** The rule of src/training/took-part.ts, for an edition already loaded. */
const editionHasStarted = (row: { status: string; startDate: string | null; year: number }) =>
  row.status === 'running' ||
  row.status === 'completed' ||
  (row.startDate ?? `${row.year}-12-31`) <= new Date().toISOString().slice(0, 10);

async function editionViews(
  db: Db,
  rows: Array<typeof trainingEditions.$inferSelect>,
): Promise<EditionView[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const activityIds = rows.flatMap((row) => (row.activityId ? [row.activityId] : []));
  const [sessions, partyCounts, named, publicActivities, answered] = await Promise.all([
    db
      .select({
        editionId: editionSessions.editionId,
        kind: editionSessions.kind,
        title: editionSessions.title,
        speakers: editionSessions.speakers,
      })
      .from(editionSessions)
      .where(inArray(editionSessions.editionId, ids))
      .orderBy(asc(editionSessions.position)),
    db
      .select({
        editionId: participants.editionId,
        partyCode: participants.partyCode,
        count: count(),
        samples: sql<number>`count(*) FILTER (WHERE ${participants.isSample})::int`,
      })
      .from(participants)
      .where(inArray(participants.editionId, ids))
      .groupBy(participants.editionId, participants.partyCode),
    // Names leave the database only for people who said yes.
    db
      .select({
        editionId: participants.editionId,
        name: participants.name,
        partyCode: participants.partyCode,
        office: participants.office,
        isSample: participants.isSample,
      })
      .from(participants)
      .where(and(inArray(participants.editionId, ids), eq(participants.consentPublicName, true)))
      .orderBy(asc(participants.partyCode), asc(participants.name)),
    activityIds.length > 0
      ? db
          .select({ id: activities.id })
          .from(activities)
          .where(and(inArray(activities.id, activityIds), eq(activities.isPublic, true)))
      : Promise.resolve([]),
    needsAnsweredByEditions(db, ids),
  ]);
  // An edition reported only in a draft links to nothing yet: its activity page is not public.
  const isPublic = new Set(publicActivities.map((a) => a.id));
  return rows.map((row) => {
    const counts = partyCounts
      .filter((c) => c.editionId === row.id)
      .map((c) => ({ partyCode: c.partyCode, count: Number(c.count), samples: Number(c.samples) }))
      .sort((a, b) => b.count - a.count || a.partyCode.localeCompare(b.partyCode));
    return {
      id: row.id,
      year: row.year,
      startDate: row.startDate,
      endDate: row.endDate,
      venue: row.venue,
      venueCity: row.venueCity,
      venuePartyCode: row.venuePartyCode,
      mode: row.mode,
      deliveryLanguages: row.deliveryLanguages,
      capacity: row.capacity,
      status: row.status,
      topics: row.topics,
      reportedParticipants: row.reportedParticipants,
      publicNominations: row.publicNominations,
      nominationDeadline: row.nominationDeadline,
      activityId: row.activityId && isPublic.has(row.activityId) ? row.activityId : null,
      sessions: sessions
        .filter((s) => s.editionId === row.id)
        .map(({ kind, title, speakers }) => ({ kind, title, speakers })),
      participantCount: counts.reduce((sum, c) => sum + c.count, 0),
      started: editionHasStarted(row),
      byParty: counts.map(({ partyCode, count }) => ({ partyCode, count })),
      namedParticipants: named
        .filter((n) => n.editionId === row.id)
        .map(({ name, partyCode, office, isSample }) => ({ name, partyCode, office, isSample })),
      sampleParticipants: counts.reduce((sum, c) => sum + c.samples, 0),
      answersNeeds: answered.get(row.id) ?? [],
    };
  });
}
