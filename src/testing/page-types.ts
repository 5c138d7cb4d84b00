import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { activitiesWorkbook, multipartRequest, reportIdFrom } from '../drafting/test-helpers.ts';
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
  await seedTrainingOperationsDemo(db);
  const needs = await seedNeedsDemo(db);
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
    ['Title', 'Start date', 'Beneficiaries'],
    [
      'Regional seminar on the examination of patent applications for examiners of small offices',
      '2021-03',
      'CRI',
    ],
    ['', 'not a date', 'XXX'],
  ]);
  const uploaded = await fetch(
    `${url}/en/drafting/reports/${draftId}/upload`,
    redirectless(multipartRequest(reporter, {}, { name: 'activities.xlsx', bytes: workbook })),
  );
  const preview = new URL(uploaded.headers.get('location') ?? '', url).pathname;
  if (!preview.includes('/upload/')) throw new Error(`the upload was not staged: ${uploaded.status}`);

  const as = (session: TestSession) => session.cookie;
  return [
    { name: 'home', path: '/en/' },
    { name: 'search', path: '/en/search?q=patent' },
    { name: 'activity', path: '/en/activities/2' },
    { name: 'report', path: `/en/reports/${demo.reportId}` },
    { name: 'reports', path: '/en/reports' },
    { name: 'party', path: '/en/parties/CAN' },
    { name: 'party-beneficiary', path: '/es/parties/CRI' },
    // The elements of Article 67 with their confirmation form, as the party's reporter sees it.
    { name: 'activity-elements', path: '/fr/activities/4', cookie: as(reporter) },
    { name: 'programme', path: `/en/programmes/${demo.programmeId}` },
    { name: 'api-docs', path: '/en/api/v1/docs' },
    { name: 'needs', path: '/en/needs' },
    { name: 'need', path: '/en/needs/1', cookie: as(focalPoint) },
    { name: 'need-donor', path: '/en/needs/1', cookie: as(reporter) },
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
    { name: 'activity-form', path: `/en/drafting/reports/${draftId}/activities/new`, cookie: as(reporter) },
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
    { name: 'edition', path: `/en/training/editions/${demo.editionId}`, cookie: as(coordinator) },
    { name: 'reporting-cycles', path: '/en/secretariat/cycles', cookie: as(secretariat) },
    // French and Spanish run longer than English: the pages with the longest words and tables.
    { name: 'reporting-cycles-fr', path: '/fr/secretariat/cycles', cookie: as(secretariat) },
    { name: 'report-review-es', path: `/es/secretariat/reports/${demo.reportId}`, cookie: as(secretariat) },
    { name: 'search-fr', path: '/fr/search?q=patent' },
    { name: 'party-es', path: '/es/parties/CAN' },
    { name: 'my-reports-fr', path: '/fr/drafting', cookie: as(reporter) },
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
