import { and, eq, inArray } from 'drizzle-orm';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { systemActor } from '../audit/record.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { syncEditionActivity } from '../training/edition-activity.ts';
import {
  certificateSignatories,
  type nominationStatuses,
  nominations,
  participants,
  projectMilestones,
  type projectStatuses,
  researchProjects,
  trainingEditions,
  trainingProgrammes,
} from '../training/schema.ts';

type ProjectStatus = (typeof projectStatuses)[number];

/**
 * The seed article does not name the nine participants of the 2024 edition, so the demo invents
 * them: every name says "(sample)" and every row has is_sample, so no page passes them off as
 * real. Their parties and offices are real: developing and least developed Members in Africa,
 * Asia and Latin America and the Caribbean, and their national IP offices.
 */
const sampleParticipants: Array<{
  name: string;
  position: string;
  office: string;
  partyCode: string;
  gender: 'female' | 'male' | null;
  consentPublicName: boolean;
  advisor: 1 | 2;
  project: { title: string; status: ProjectStatus };
}> = [
  {
    name: 'Amina Wanjiru (sample)',
    position: 'Deputy Director, Patents',
    office: 'Kenya Industrial Property Institute (KIPI)',
    partyCode: 'KEN',
    gender: 'female',
    consentPublicName: true,
    advisor: 1,
    project: { title: 'Cutting patent examination backlogs with work-sharing', status: 'completed' },
  },
  {
    name: 'Kwame Mensah (sample)',
    position: 'Head of Industrial Property',
    office: 'Registrar-General’s Department',
    partyCode: 'GHA',
    gender: 'male',
    consentPublicName: false,
    advisor: 1,
    project: { title: 'An online filing service for trademarks', status: 'completed' },
  },
  {
    name: 'Sample Participant C',
    position: 'Registrar of Intellectual Property',
    office: 'Rwanda Development Board, Office of the Registrar General',
    partyCode: 'RWA',
    gender: null,
    consentPublicName: false,
    advisor: 1,
    project: { title: 'Awareness services for small businesses', status: 'submitted' },
  },
  {
    name: 'Farhana Rahman (sample)',
    position: 'Deputy Registrar',
    office: 'Department of Patents, Designs and Trademarks (DPDT)',
    partyCode: 'BGD',
    gender: 'female',
    consentPublicName: true,
    advisor: 1,
    project: { title: 'Performance indicators for the registry', status: 'completed' },
  },
  {
    name: 'Nguyễn Thị Lan (sample)',
    position: 'Head of Information Technology',
    office: 'Intellectual Property Office of Viet Nam (IP Viet Nam)',
    partyCode: 'VNM',
    gender: 'female',
    consentPublicName: true,
    advisor: 1,
    project: { title: 'Moving the trademark register to a new IT platform', status: 'in-progress' },
  },
  {
    name: 'Sok Dara (sample)',
    position: 'Deputy Director',
    office: 'Department of Intellectual Property Rights, Ministry of Commerce',
    partyCode: 'KHM',
    gender: 'male',
    consentPublicName: false,
    advisor: 2,
    project: { title: 'Training plan for trademark examiners', status: 'in-progress' },
  },
  {
    name: 'Lucía Quispe (sample)',
    position: 'Director of Inventions and New Technologies',
    office:
      'Instituto Nacional de Defensa de la Competencia y de la Protección de la Propiedad Intelectual (INDECOPI)',
    partyCode: 'PER',
    gender: 'female',
    consentPublicName: true,
    advisor: 2,
    project: { title: 'Patent analytics for regional innovation policy', status: 'completed' },
  },
  {
    name: 'Andrés Gómez (sample)',
    position: 'Coordinator, Patent Examination',
    office: 'Superintendencia de Industria y Comercio (SIC)',
    partyCode: 'COL',
    gender: 'male',
    consentPublicName: false,
    advisor: 2,
    project: { title: 'Client satisfaction survey of IP services', status: 'submitted' },
  },
  {
    name: 'Sample Participant I',
    position: 'Manager, Trade Marks',
    office: 'Jamaica Intellectual Property Office (JIPO)',
    partyCode: 'JAM',
    gender: null,
    consentPublicName: false,
    advisor: 2,
    project: { title: 'A five-year strategic plan for the office', status: 'proposed' },
  },
];

const sampleAdvisors = [
  { email: 'advisor.cipo@demo.ipcoop.test', displayName: 'Claire Tremblay (sample)' },
  { email: 'advisor2.cipo@demo.ipcoop.test', displayName: 'Daniel Okafor (sample)' },
] as const;

/** Milestones every project goes through; how many are done follows the project's status. */
const milestones = [
  { title: 'Project plan agreed with the advisor', dueOn: '2024-11-29' },
  { title: 'Findings presented to the office’s management', dueOn: '2025-03-31' },
  { title: 'Final report handed in', dueOn: '2025-06-30' },
];
const milestonesDone: Record<ProjectStatus, number> = {
  proposed: 0,
  'in-progress': 1,
  submitted: 3,
  completed: 3,
};
const doneOn = (dueOn: string) => dueOn.replace(/-\d{2}$/, '-15');
/** The coordinator signs off a completed project some weeks after the final report. */
const completedAt = new Date('2025-07-31T12:00:00Z');

// The seed article speaks of the 2024 edition only, and today's demo must show an edition open for
// nominations. A year computed from the clock would make the demo differ from day to day, so the
// next edition is fixed: 2027 (the demo's reference date is November 2026, when 2025 is past and
// 2026's October edition is over).
const openEdition = {
  year: 2027,
  startDate: '2027-10-04',
  endDate: '2027-10-08',
  venue: 'CIPO Headquarters',
  venueCity: 'Gatineau',
  venuePartyCode: 'CAN',
  mode: 'in-person' as const,
  deliveryLanguages: ['en'],
  capacity: 10,
  status: 'open' as const,
  publicNominations: false,
  nominationDeadline: '2027-06-30',
  source: 'ipcoop demo data: a sample upcoming edition',
};

/** Focal points of beneficiary offices; passwordless (Kenya's gets one with the demo accounts). */
const sampleFocalPoints = [
  { party: 'KEN', email: 'focalpoint.kenya@demo.ipcoop.test', displayName: 'Demo focal point (Kenya)' },
  {
    party: 'BGD',
    email: 'focalpoint.bangladesh@demo.ipcoop.test',
    displayName: 'Demo focal point (Bangladesh)',
  },
  { party: 'PER', email: 'focalpoint.peru@demo.ipcoop.test', displayName: 'Demo focal point (Peru)' },
  { party: 'SEN', email: 'focalpoint.senegal@demo.ipcoop.test', displayName: 'Demo focal point (Senegal)' },
] as const;

type SampleNomination = {
  candidateName: string;
  position: string;
  office: string;
  partyCode: string;
  gender: 'female' | 'male' | null;
  status: (typeof nominationStatuses)[number];
  rank: number | null;
  /** Through the public form: who sent it (invented too). */
  publicForm?: { nominatorName: string; nominatorEmail: string };
};

/**
 * The open edition's candidates, in every state a coordinator meets: waiting for a decision,
 * selected (with a participant record), on the waiting list, not selected, withdrawn by the office,
 * and one sent through the public form. Invented people, marked "(sample)".
 */
const sampleNominations: SampleNomination[] = [
  {
    candidateName: 'Wanjiku Njoroge (sample)',
    position: 'Senior Patent Examiner',
    office: 'Kenya Industrial Property Institute (KIPI)',
    partyCode: 'KEN',
    gender: 'female',
    status: 'nominated',
    rank: null,
  },
  {
    candidateName: 'Otieno Barasa (sample)',
    position: 'Trade Marks Examiner',
    office: 'Kenya Industrial Property Institute (KIPI)',
    partyCode: 'KEN',
    gender: 'male',
    status: 'withdrawn',
    rank: null,
  },
  {
    candidateName: 'Nasrin Akter (sample)',
    position: 'Assistant Registrar',
    office: 'Department of Patents, Designs and Trademarks (DPDT)',
    partyCode: 'BGD',
    gender: 'female',
    status: 'selected',
    rank: 1,
  },
  {
    candidateName: 'Rosa Huamán (sample)',
    position: 'Head of Distinctive Signs',
    office:
      'Instituto Nacional de Defensa de la Competencia y de la Protección de la Propiedad Intelectual (INDECOPI)',
    partyCode: 'PER',
    gender: 'female',
    status: 'waitlisted',
    rank: 2,
  },
  {
    candidateName: 'Moussa Diop (sample)',
    position: 'Legal Officer',
    office: 'Agence sénégalaise pour la propriété industrielle et l’innovation technologique (ASPIT)',
    partyCode: 'SEN',
    gender: 'male',
    status: 'declined',
    rank: null,
  },
  {
    candidateName: 'Sample Candidate F',
    position: 'Registrar of Trade Marks',
    office: 'Uganda Registration Services Bureau (URSB)',
    partyCode: 'UGA',
    gender: null,
    status: 'nominated',
    rank: null,
    publicForm: {
      nominatorName: 'Sample nominator (invented)',
      nominatorEmail: 'nominator@demo.ipcoop.test',
    },
  },
];

/**
 * Who signs the demo's certificates: role titles, plainly marked, never the officials who signed
 * the programme's memorandum (they signed that, not certificates).
 */
const sampleSignatories = [
  {
    name: 'Programme Director (sample signatory)',
    title: 'Director, Executive Training',
    organization: 'Canadian Intellectual Property Office (CIPO)',
  },
  {
    name: 'Academy Director (sample signatory)',
    title: 'Director, Academy',
    organization: 'WIPO Academy',
  },
];

export type TrainingDemoSummary = {
  editionId: number;
  openEditionId: number;
  participantIds: number[];
  advisorIds: number[];
  nominationIds: number[];
};

/**
 * Runs the WIPO–CIPO programme in the demo: sample participants of the 2024 edition with their
 * advisors, research projects and milestones, and an upcoming edition open for nominations.
 * Needs seedDemo first. One transaction; running it again changes nothing.
 */
export function seedTrainingOperationsDemo(db: Db): Promise<TrainingDemoSummary> {
  return inTransaction(db, seedIn);
}

async function seedIn(db: Db): Promise<TrainingDemoSummary> {
  const [programme] = await db
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.code, 'WIPO-CIPO-ETP'));
  const [cipo] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'CIPO'));
  if (!programme || !cipo) throw new Error('load the demo (seedDemo) before its training operations');
  const [edition] = await db
    .select({ id: trainingEditions.id })
    .from(trainingEditions)
    .where(and(eq(trainingEditions.programmeId, programme.id), eq(trainingEditions.year, 2024)));
  if (!edition) throw new Error('the demo programme has no 2024 edition');

  const advisorIds = await upsertAdvisors(db, cipo.id);
  const participantIds: number[] = [];
  let changed = false;
  for (const person of sampleParticipants) {
    const participant = await ensureParticipant(db, edition.id, person, advisorIds[person.advisor - 1]);
    changed ||= participant.created;
    participantIds.push(participant.id);
    await ensureProject(db, participant.id, person.project);
  }
  const openEditionId = await ensureOpenEdition(db, programme.id);
  const [signatory] = await db
    .select({ id: certificateSignatories.id })
    .from(certificateSignatories)
    .where(eq(certificateSignatories.programmeId, programme.id))
    .limit(1);
  if (!signatory)
    await db
      .insert(certificateSignatories)
      .values(
        sampleSignatories.map((s, index) => ({ programmeId: programme.id, position: index + 1, ...s })),
      );
  const focalPoints = await upsertFocalPoints(db);
  const nominationIds: number[] = [];
  for (const nomination of sampleNominations) {
    const stored = await ensureNomination(
      db,
      openEditionId,
      nomination,
      focalPoints.get(nomination.partyCode),
    );
    changed ||= stored.created;
    nominationIds.push(stored.id);
  }
  // The editions' Art. 67 activities follow their people (beneficiaries are the participants'
  // parties), as they do when a coordinator selects; only when something was added, so a second
  // run changes nothing.
  if (changed) {
    await syncEditionActivity(db, edition.id, systemActor);
    await syncEditionActivity(db, openEditionId, systemActor);
  }
  return { editionId: edition.id, openEditionId, participantIds, advisorIds, nominationIds };
}

/** Focal point accounts by party, found again by e-mail. */
async function upsertFocalPoints(db: Db): Promise<Map<string, number>> {
  await db
    .insert(users)
    .values(sampleFocalPoints.map((f) => ({ email: f.email, displayName: f.displayName })))
    .onConflictDoNothing({ target: users.email });
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        sampleFocalPoints.map((f) => f.email),
      ),
    );
  const ids = new Map<string, number>();
  for (const focal of sampleFocalPoints) {
    const row = rows.find((r) => r.email === focal.email);
    if (!row) throw new Error(`focal point ${focal.email} was not stored`);
    ids.set(focal.party, row.id);
  }
  await db
    .insert(userRoles)
    .values(
      sampleFocalPoints.map((f) => ({
        userId: ids.get(f.party) as number,
        role: 'focal-point' as const,
        partyCode: f.party,
      })),
    )
    .onConflictDoNothing();
  return ids;
}

/** A nomination found again by its candidate's name; a selected one gets its participant record. */
async function ensureNomination(
  db: Db,
  editionId: number,
  sample: SampleNomination,
  focalPointId: number | undefined,
): Promise<{ id: number; created: boolean }> {
  const [existing] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.editionId, editionId), eq(nominations.candidateName, sample.candidateName)));
  if (existing) return { id: existing.id, created: false };
  const email = `${sample.candidateName
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@demo.ipcoop.test`;
  const [inserted] = await db
    .insert(nominations)
    .values({
      editionId,
      nominatedBy: sample.publicForm ? null : (focalPointId ?? null),
      nominatorName: sample.publicForm?.nominatorName ?? null,
      nominatorEmail: sample.publicForm?.nominatorEmail ?? null,
      candidateName: sample.candidateName,
      position: sample.position,
      office: sample.office,
      partyCode: sample.partyCode,
      email,
      motivation:
        'Sample motivation: leads a modernization project of the office and will share what is learnt.',
      gender: sample.gender,
      consentPublicName: false,
      status: sample.status,
      rank: sample.rank,
    })
    .returning({ id: nominations.id });
  if (!inserted) throw new Error('nomination insert returned nothing');
  if (sample.status === 'selected') {
    await db.insert(participants).values({
      editionId,
      nominationId: inserted.id,
      name: sample.candidateName,
      position: sample.position,
      office: sample.office,
      partyCode: sample.partyCode,
      email,
      gender: sample.gender,
      consentPublicName: false,
      isSample: true,
    });
  }
  return { id: inserted.id, created: true };
}

/** Advisor accounts without a password (one is set through a link); found again by e-mail. */
async function upsertAdvisors(db: Db, cipoId: number): Promise<number[]> {
  await db
    .insert(users)
    .values(sampleAdvisors.map((a) => ({ email: a.email, displayName: a.displayName })))
    .onConflictDoNothing({ target: users.email });
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        sampleAdvisors.map((a) => a.email),
      ),
    );
  const ids = sampleAdvisors.map((a) => {
    const row = rows.find((r) => r.email === a.email);
    if (!row) throw new Error(`advisor ${a.email} was not stored`);
    return row.id;
  });
  await db
    .insert(userRoles)
    .values(ids.map((userId) => ({ userId, role: 'advisor' as const, agencyId: cipoId })))
    .onConflictDoNothing();
  return ids;
}

async function ensureParticipant(
  db: Db,
  editionId: number,
  person: (typeof sampleParticipants)[number],
  advisorId: number | undefined,
): Promise<{ id: number; created: boolean }> {
  const [existing] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.editionId, editionId),
        eq(participants.name, person.name),
        eq(participants.isSample, true),
      ),
    );
  if (existing) return { id: existing.id, created: false };
  const [inserted] = await db
    .insert(participants)
    .values({
      editionId,
      name: person.name,
      position: person.position,
      office: person.office,
      partyCode: person.partyCode,
      email: `participant.${person.partyCode.toLowerCase()}@demo.ipcoop.test`,
      gender: person.gender,
      consentPublicName: person.consentPublicName,
      isSample: true,
      advisorId: advisorId ?? null,
      completedAt: person.project.status === 'completed' ? completedAt : null,
    })
    .returning({ id: participants.id });
  if (!inserted) throw new Error('participant insert returned nothing');
  return { id: inserted.id, created: true };
}

async function ensureProject(
  db: Db,
  participantId: number,
  project: { title: string; status: ProjectStatus },
): Promise<void> {
  await db
    .insert(researchProjects)
    .values({
      participantId,
      title: project.title,
      plan: 'Sample project: scope, method and expected results are agreed with the CIPO advisor.',
      status: project.status,
    })
    .onConflictDoNothing({ target: researchProjects.participantId });
  const [stored] = await db
    .select({ id: researchProjects.id })
    .from(researchProjects)
    .where(eq(researchProjects.participantId, participantId));
  if (!stored) throw new Error('research project was not stored');
  const present = await db
    .select({ title: projectMilestones.title })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, stored.id));
  const missing = milestones
    .map((m, index) => ({
      projectId: stored.id,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: index < milestonesDone[project.status] ? doneOn(m.dueOn) : null,
    }))
    .filter((m) => !present.some((p) => p.title === m.title));
  if (missing.length > 0) await db.insert(projectMilestones).values(missing);
}

async function ensureOpenEdition(db: Db, programmeId: number): Promise<number> {
  const [existing] = await db
    .select({ id: trainingEditions.id })
    .from(trainingEditions)
    .where(and(eq(trainingEditions.programmeId, programmeId), eq(trainingEditions.year, openEdition.year)));
  if (existing) return existing.id;
  const [inserted] = await db
    .insert(trainingEditions)
    .values({ programmeId, ...openEdition })
    .returning({ id: trainingEditions.id });
  if (!inserted) throw new Error('edition insert returned nothing');
  return inserted.id;
}
