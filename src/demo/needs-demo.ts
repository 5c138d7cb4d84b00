import { and, eq, sql } from 'drizzle-orm';
import { activities } from '../activities/schema.ts';
import { agencies } from '../agencies/schema.ts';
import { systemActor } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { linkEditionNeeds } from '../needs/delivery/editions.ts';
import { needActivityLinks } from '../needs/delivery/schema.ts';
import { advanceNeedsOfStartedActivities } from '../needs/delivery/service.ts';
import type { NeedInput } from '../needs/forms.ts';
import { decideProposal, proposeHelp } from '../needs/proposals.ts';
import { reviseNeed } from '../needs/revisions.ts';
import { needs, needsAssessments } from '../needs/schema.ts';
import { addNeed, changeNeedStatus, createAssessment, publishAssessment } from '../needs/service.ts';
import { createOffer } from '../offers/service.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { trainingEditions, trainingProgrammes } from '../training/schema.ts';

const need = (input: Partial<NeedInput> & Pick<NeedInput, 'title' | 'kindsOfHelp'>): NeedInput => ({
  description: null,
  ipAreas: [],
  institution: null,
  priority: 'medium',
  wishedStart: null,
  wishedEnd: null,
  ...input,
});

/**
 * Needs assessments of two least-developed Members, marked as sample data wherever they show: the
 * Members are real, the needs are made up. Loaded once (nothing is added when sample needs exist).
 */
export async function seedNeedsDemo(db: Db): Promise<{ assessments: number[] }> {
  const existing = await db
    .select({ id: needsAssessments.id })
    .from(needsAssessments)
    .where(eq(needsAssessments.isSample, true));
  if (existing.length > 0) return { assessments: existing.map((row) => row.id) };

  const uganda = await createAssessment(
    db,
    systemActor,
    {
      party: 'UGA',
      symbol: null,
      documentDate: '2025-03',
      source: 'wipo-assisted',
      language: 'en',
      contactName: 'Sample contact, Uganda Registration Services Bureau',
      contactEmail: 'needs@ursb.example',
    },
    { isSample: true },
  );
  const published = { id: uganda, language: 'en' as const, status: 'draft' as const };
  // The examiners' need as first published; edited afterwards (below), its earlier version kept.
  const examinersNow = need({
    title: 'Training of patent examiners in substantive examination',
    description:
      'Six examiners to be trained in search and examination of pharmaceutical and agricultural patent applications.',
    ipAreas: ['patents'],
    kindsOfHelp: ['training-personnel', 'expert-mission'],
    institution: 'Uganda Registration Services Bureau',
    priority: 'high',
    wishedStart: '2026',
    wishedEnd: '2027',
  });
  const examiners = await addNeed(db, systemActor, published, {
    ...examinersNow,
    title: 'Training of patent examiners',
    description:
      'Four examiners to be trained in search and examination of pharmaceutical patent applications.',
    kindsOfHelp: ['training-personnel'],
  });
  const automation = await addNeed(
    db,
    systemActor,
    published,
    need({
      title: 'Automation of the trademark registry',
      description: 'Digitise the paper files and move to an office automation system with online filing.',
      ipAreas: ['trademarks', 'office-administration'],
      kindsOfHelp: ['equipment-automation'],
      institution: 'Uganda Registration Services Bureau',
      priority: 'high',
      wishedStart: '2025-06',
    }),
  );
  const awareness = await addNeed(
    db,
    systemActor,
    published,
    need({
      title: 'Awareness campaign on geographical indications for coffee producers',
      ipAreas: ['geographical-indications', 'awareness-education'],
      kindsOfHelp: ['awareness'],
      priority: 'low',
    }),
  );
  await publishAssessment(db, systemActor, uganda);
  const [examinersRow] = await db
    .select({ version: needs.version })
    .from(needs)
    .where(eq(needs.id, examiners));
  await reviseNeed(
    db,
    systemActor,
    examiners,
    examinersRow?.version ?? 1,
    examinersNow,
    'Sample: two more examiners, agricultural applications too, and an expert mission to follow the training.',
    'member',
  );
  await changeNeedStatus(
    db,
    systemActor,
    automation,
    'open',
    'met',
    'Sample: the new system went live in 2026.',
  );
  await changeNeedStatus(
    db,
    systemActor,
    awareness,
    'open',
    'withdrawn',
    'Sample: covered by a national programme.',
  );

  const cambodia = await createAssessment(
    db,
    systemActor,
    {
      party: 'KHM',
      symbol: null,
      documentDate: '2020-11',
      source: 'trips-council',
      language: 'fr',
      contactName: null,
      contactEmail: null,
    },
    { isSample: true },
  );
  const draft = { id: cambodia, language: 'fr' as const, status: 'draft' as const };
  await addNeed(
    db,
    systemActor,
    draft,
    need({
      title: 'Conseil législatif pour la loi sur les indications géographiques',
      description: 'Revue du projet de loi et de ses règlements d’application.',
      ipAreas: ['geographical-indications'],
      kindsOfHelp: ['legislative-advice'],
      priority: 'high',
      wishedStart: '2026-01',
    }),
  );
  const customs = await addNeed(
    db,
    systemActor,
    draft,
    need({
      title: 'Formation des agents des douanes à la lutte contre la contrefaçon',
      ipAreas: ['enforcement'],
      kindsOfHelp: ['training-personnel'],
      priority: 'medium',
    }),
  );
  const management = await addNeed(
    db,
    systemActor,
    draft,
    need({
      title: 'Formation des cadres de l’office à la gestion d’un office de propriété intellectuelle',
      kindsOfHelp: ['training-personnel'],
      priority: 'medium',
    }),
  );
  await publishAssessment(db, systemActor, cambodia);
  await seedOffersAndProposals(db, { examiners, customs });
  await seedDelivery(db, management);
  await seedEditionAnswer(db, management);
  return { assessments: [uganda, cambodia] };
}

/**
 * Canada's demo report (when loaded) says its CIPO–WIPO workshop on IP office management addresses
 * Cambodia's need for managers' training: the need shows the activity and is in progress.
 */
async function seedDelivery(db: Db, needId: number) {
  const [workshop] = await db
    .select({ activityId: reportActivities.activityId, reportId: reports.id })
    .from(reportActivities)
    .innerJoin(reports, eq(reports.id, reportActivities.reportId))
    .innerJoin(activities, eq(activities.id, reportActivities.activityId))
    .where(
      and(
        eq(reports.reportingPartyCode, 'CAN'),
        eq(reports.status, 'published'),
        sql`${activities.title}->>'en' ILIKE '%Executive Workshop on IP Office Management%'`,
      ),
    )
    .limit(1);
  if (!workshop) return;
  await db.insert(needActivityLinks).values({ needId, ...workshop });
  await advanceNeedsOfStartedActivities(db, systemActor, { reportId: workshop.reportId });
}

/**
 * The WIPO–CIPO programme's edition open for nominations (when the training demo is loaded)
 * answers Cambodia's need for managers' training, as its coordinator would say on the edition page.
 */
async function seedEditionAnswer(db: Db, needId: number) {
  const [open] = await db
    .select({ id: trainingEditions.id })
    .from(trainingEditions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEditions.programmeId))
    .where(and(eq(trainingProgrammes.code, 'WIPO-CIPO-ETP'), eq(trainingEditions.status, 'open')))
    .orderBy(trainingEditions.year)
    .limit(1);
  if (!open) return;
  await linkEditionNeeds(db, systemActor, open.id, [needId]);
}

/**
 * Sample offers of Canada (its reporters) and of CIPO (its coordinators, when the demo's agencies
 * are loaded), and proposals: Canada's, accepted, for Uganda's patent examiners; CIPO's, pending,
 * for Cambodia's customs officers. Both needs show "offered". All marked as sample data.
 */
async function seedOffersAndProposals(db: Db, needIds: { examiners: number; customs: number }) {
  const sample = { isSample: true };
  const canada = await createOffer(
    db,
    systemActor,
    {
      owner: 'party:CAN',
      title: 'Patent examination training for least-developed Members',
      description:
        'Sample: two weeks with CIPO patent examiners in Gatineau — search, examination of pharmaceutical and agricultural applications, quality review.',
      language: 'en',
      ipAreas: ['patents'],
      kindsOfHelp: ['training-personnel', 'expert-mission'],
      eligibleParties: [],
      eligibleRegions: ['LDC'],
      languages: ['en', 'fr'],
      capacity: '6 examiners a year',
      deadline: '2027-03-31',
      status: 'open',
    },
    sample,
  );
  const accepted = await proposeHelp(
    db,
    systemActor,
    needIds.examiners,
    {
      donorPartyCode: 'CAN',
      agencyId: null,
      text: 'Sample: four places in the spring 2027 session for URSB examiners, travel paid, followed by a one-week expert mission in Kampala.',
      language: 'en',
      offerId: canada,
    },
    sample,
  );
  if (accepted.ok) {
    await decideProposal(
      db,
      systemActor,
      needIds.examiners,
      accepted.id,
      'accepted',
      'Sample: four examiners named; dates confirmed with CIPO.',
    );
  }
  const [cipo] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'CIPO'));
  if (!cipo) return;
  await createOffer(
    db,
    systemActor,
    {
      owner: `agency:${cipo.id}`,
      title: 'Formation à la lutte contre la contrefaçon pour les douanes',
      description:
        'Exemple\u202f: un atelier de trois jours avec l’Agence des services frontaliers du Canada sur la détection des marchandises contrefaisantes.',
      language: 'fr',
      ipAreas: ['enforcement', 'trademarks'],
      kindsOfHelp: ['training-personnel'],
      eligibleParties: [],
      eligibleRegions: [],
      languages: ['fr', 'en'],
      capacity: '20 agents',
      deadline: null,
      status: 'open',
    },
    sample,
  );
  await proposeHelp(
    db,
    systemActor,
    needIds.customs,
    {
      donorPartyCode: null,
      agencyId: cipo.id,
      text: 'Exemple\u202f: un atelier à Phnom Penh au premier semestre 2027 pour vingt agents des douanes.',
      language: 'fr',
      offerId: null,
    },
    sample,
  );
}
