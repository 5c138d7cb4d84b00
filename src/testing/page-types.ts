import { eq } from 'drizzle-orm';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { seedIncentivesDemo } from '../demo/incentives-demo.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedResultsDemo } from '../demo/results-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from '../drafting/test-helpers.ts';
import { needEditionLinks } from '../needs/delivery/schema.ts';
import { needs as needsTable } from '../needs/schema.ts';
import { reportActivities } from '../reports/schema.ts';
import { launchChromium, serveForTest } from './browser.ts';

// One page of every type the hub shows, public and signed in, on the demo registry: what the
// layout-width test and the screenshots script both visit.

/** The two widths every page must fit without scrolling sideways: a phone and a laptop. */
export const layoutWidths = [390, 1280] as const;

export type PageType = {
  /** Short name, also the screenshot's file name. */
  name: string;
  path: string;
  /** The session's cookie, for pages behind sign-in. */
  cookie?: string;
};

/**
 * Seeds the demo (reports and training) into `database`, opens the sessions and the draft the
 * signed-in pages need (through the app's own forms at `url`), and lists the pages to visit.
 */
export async function preparePageTypes(database: Database, url: string): Promise<PageType[]> {
  const { db } = database;
  const demo = await seedDemo(db);
  const training = await seedTrainingOperationsDemo(db);
  const needs = await seedNeedsDemo(db);
  const results = await seedResultsDemo(db);
  const incentives = await seedIncentivesDemo(db);
  const focalPoint = await testSession(db, 'focal@layout.example', 'focal-point', { party: 'UGA' });
  const reporter = await testSession(db, 'reporter@layout.example', 'reporter', { party: 'CAN' });
  const secretariat = await testSession(db, 'secretariat@layout.example', 'secretariat');
  const coordinator = await testSession(db, 'coordinator@layout.example', 'coordinator', { agency: 'CIPO' });

  const started = await fetch(
    `${url}/en/drafting/reports`,
    redirectless(
      formRequest(reporter, {
        party: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
      }),
    ),
  );
  const draftId = reportIdFrom(started.headers.get('location'));
  const workbook = await activitiesWorkbook([
    ['Title', 'Start date', 'Beneficiaries', 'Needs addressed'],
    [
      'Regional seminar on the examination of patent applications for examiners of small offices',
      '2021-03',
      'CRI',
      '#1',
    ],
    ['', 'not a date', 'XXX', '2; customs'],
  ]);
  const uploaded = await fetch(
    `${url}/en/drafting/reports/${draftId}/upload`,
    redirectless(multipartRequest(reporter, {}, { name: 'activities.xlsx', bytes: workbook })),
  );
  const preview = new URL(uploaded.headers.get('location') ?? '', url).pathname;
  // An Art. 66.2 draft with one incentive, and its incentive form refused at its fields.
  const art66 = await fetch(
    `${url}/en/drafting/reports`,
    redirectless(
      formRequest(reporter, {
        party: 'CAN',
        kind: 'art66-2',
        format: 'update',
        periodStart: '2024',
        periodEnd: '2024',
        originalLanguage: 'en',
      }),
    ),
  );
  const art66Id = reportIdFrom(art66.headers.get('location'));
  await fetch(
    `${url}/en/drafting/reports/${art66Id}/incentives`,
    redirectless(
      formRequest(reporter, {
        title: 'Export credit insurance for technology ventures in least developed countries',
        incentiveType: 'financial',
        ldcSpecificity: 'partly',
        beneficiaryCodes: 'HTI',
      }),
    ),
  );
  if (!preview.includes('/upload/')) throw new Error(`the upload was not staged: ${uploaded.status}`);
  // A draft needs assessment of Uganda with two needs, through the focal point's own forms.
  const assessment = await fetch(
    `${url}/en/needs/assessments/new`,
    redirectless(
      formRequest(focalPoint, {
        party: 'UGA',
        source: 'wipo-assisted',
        symbol: 'IP/C/W/700',
        documentDate: '2026-09',
        language: 'en',
        contactName: 'Uganda Registration Services Bureau',
        contactEmail: 'ip@ursb.example',
      }),
    ),
  );
  const draftAssessment = /assessments\/(\d+)/.exec(assessment.headers.get('location') ?? '')?.[1];
  if (!draftAssessment) throw new Error(`the draft assessment was not saved: ${assessment.status}`);
  for (const title of [
    'Automation of the industrial property registry, with online filing of trademark applications',
    'Awarness campaign on geographical indications for coffee growers',
  ]) {
    await fetch(
      `${url}/en/needs/assessments/${draftAssessment}/needs`,
      redirectless(
        formRequest(focalPoint, {
          title,
          kindsOfHelp: 'equipment-automation',
          priority: 'high',
          ipAreas: [],
        }),
      ),
    );
  }
  const [draftNeed] = await db
    .select({ id: needsTable.id })
    .from(needsTable)
    .where(eq(needsTable.assessmentId, Number(draftAssessment)))
    .orderBy(needsTable.id)
    .limit(1);
  if (!draftNeed) throw new Error('the draft assessment has no need');

  const [carried] = await db
    .select({ id: reportActivities.activityId })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, draftId))
    .orderBy(reportActivities.rowNumber)
    .limit(1);
  if (!carried) throw new Error('the draft carried no activity forward');
  // A demo activity with sample results that the draft carried forward, for the form with results.
  const listed = await db
    .select({ id: reportActivities.activityId })
    .from(reportActivities)
    .where(eq(reportActivities.reportId, draftId));
  const withResults = results.activities.find((id) => listed.some((row) => row.id === id));
  if (!withResults) throw new Error('no activity with sample results was carried into the draft');

  // The demo's need answered by the open training edition.
  const [answered] = await db.select({ needId: needEditionLinks.needId }).from(needEditionLinks).limit(1);
  if (!answered) throw new Error('no demo need is answered by a training edition');

  const as = (session: TestSession) => session.cookie;
  return [
    { name: 'home', path: '/en/' },
    { name: 'search', path: '/en/search?q=patent' },
    { name: 'activity', path: '/en/activities/2' },
    { name: 'report', path: `/en/reports/${demo.reportId}` },
    { name: 'reports', path: '/en/reports' },
    { name: 'party', path: '/en/parties/CAN' },
    { name: 'party-beneficiary', path: '/es/parties/CRI' },
    { name: 'party-needs', path: '/en/parties/UGA' },
    // The elements of Article 67 with their confirmation form, as the party's reporter sees it.
    { name: 'activity-elements', path: '/fr/activities/4', cookie: as(reporter) },
    // Result indicators of every kind (counted, percentage, qualitative), marked as sample data.
    { name: 'activity-results', path: `/fr/activities/${results.activities[2]}` },
    { name: 'programme', path: `/en/programmes/${demo.programmeId}` },
    { name: 'api-docs', path: '/en/api/v1/docs' },
    { name: 'needs', path: '/en/needs' },
    { name: 'needs-coverage', path: '/en/needs/coverage', cookie: as(secretariat) },
    { name: 'need', path: '/en/needs/1', cookie: as(focalPoint) },
    { name: 'need-donor', path: '/en/needs/1', cookie: as(reporter) },
    // The Member's form to edit a published need (the demo's examiners need was edited once).
    { name: 'need-edit', path: '/en/needs/1/edit', cookie: as(focalPoint) },
    { name: 'need-answered', path: `/en/needs/${answered.needId}` },
    { name: 'offers', path: '/en/offers' },
    { name: 'offer', path: '/fr/offers/1', cookie: as(reporter) },
    { name: 'offer-form', path: '/en/offers/new', cookie: as(reporter) },
    { name: 'my-offers', path: '/es/offers/mine', cookie: as(reporter) },
    { name: 'sign-in', path: '/en/sign-in' },
    { name: 'workspace', path: '/en/workspace', cookie: as(reporter) },
    { name: 'workspace-secretariat', path: '/fr/workspace', cookie: as(secretariat) },
    { name: 'workspace-coordinator', path: '/es/workspace', cookie: as(coordinator) },
    { name: 'my-reports', path: '/en/drafting', cookie: as(reporter) },
    { name: 'draft', path: `/en/drafting/reports/${draftId}`, cookie: as(reporter) },
    {
      name: 'activity-needs',
      path: `/en/drafting/reports/${draftId}/activities/${carried.id}/needs?q=training`,
      cookie: as(reporter),
    },
    { name: 'activity-form', path: `/en/drafting/reports/${draftId}/activities/new`, cookie: as(reporter) },
    // The form of an activity with result indicators and their periods (the edition's computed ones too).
    {
      name: 'activity-form-results',
      path: `/es/drafting/reports/${draftId}/activities/${withResults}/edit`,
      cookie: as(reporter),
    },
    { name: 'spreadsheet-preview', path: preview, cookie: as(reporter) },
    { name: 'account', path: '/en/account', cookie: as(reporter) },
    { name: 'review-queue', path: '/en/secretariat/reports', cookie: as(secretariat) },
    { name: 'report-review', path: `/en/secretariat/reports/${demo.reportId}`, cookie: as(secretariat) },
    { name: 'audit-trail', path: '/en/secretariat/audit', cookie: as(secretariat) },
    {
      name: 'needs-assessment',
      path: `/en/needs/assessments/${needs.assessments[0]}`,
      cookie: as(focalPoint),
    },
    { name: 'needs-draft', path: `/en/needs/assessments/${draftAssessment}`, cookie: as(focalPoint) },
    { name: 'needs-draft-need-edit', path: `/fr/needs/${draftNeed.id}/edit`, cookie: as(focalPoint) },
    {
      name: 'needs-draft-details',
      path: `/es/needs/assessments/${draftAssessment}/edit`,
      cookie: as(focalPoint),
    },
    {
      name: 'needs-upload',
      path: `/en/needs/assessments/${needs.assessments[0]}/upload`,
      cookie: as(focalPoint),
    },
    { name: 'edition', path: `/en/training/editions/${demo.editionId}`, cookie: as(coordinator) },
    // The open edition's needs: the one it answers, suggestions, and a word search's finds.
    {
      name: 'edition-needs',
      path: `/en/training/editions/${training.openEditionId}?needs=customs#needs`,
      cookie: as(coordinator),
    },
    { name: 'reporting-cycles', path: '/en/secretariat/cycles', cookie: as(secretariat) },
    // French and Spanish run longer than English: the pages with the longest words and tables.
    { name: 'reporting-cycles-fr', path: '/fr/secretariat/cycles', cookie: as(secretariat) },
    { name: 'report-review-es', path: `/es/secretariat/reports/${demo.reportId}`, cookie: as(secretariat) },
    { name: 'search-fr', path: '/fr/search?q=patent' },
    { name: 'party-es', path: '/es/parties/CAN' },
    { name: 'my-reports-fr', path: '/fr/drafting', cookie: as(reporter) },
    { name: 'incentives', path: '/en/incentives' },
    { name: 'incentives-es', path: '/es/incentives?ldc=ETH' },
    { name: 'incentive', path: '/fr/incentives/1' },
    { name: 'report-art66', path: `/es/reports/${incentives.reportId}` },
    { name: 'draft-art66', path: `/fr/drafting/reports/${art66Id}`, cookie: as(reporter) },
    { name: 'incentive-form', path: `/es/drafting/reports/${art66Id}/incentives/new`, cookie: as(reporter) },
    { name: 'cycles-art66', path: '/en/secretariat/cycles?kind=art66-2', cookie: as(secretariat) },
  ];
}

/** A request whose redirect is read, not followed. */
function redirectless(init: RequestInit): RequestInit {
  return { ...init, redirect: 'manual' };
}

/** The demo hub served on loopback with its page types ready, and Chromium. */
export async function startPageTypeSite(database: Database) {
  const server = await serveForTest(database);
  const pages = await preparePageTypes(database, server.url);
  const chromium = await launchChromium();
  return {
    url: server.url,
    browser: chromium.browser,
    pages,
    close: async () => {
      await chromium.close();
      await server.close();
    },
  };
}
