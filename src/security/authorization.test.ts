import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import { activities } from '../activities/schema.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { proposeHelp } from '../needs/proposals.ts';
import { addNeed, createAssessment, publishAssessment } from '../needs/service.ts';
import { createOffer } from '../offers/service.ts';
import { reportIncentives } from '../reports/incentives/schema.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import {
  certificateSignatories,
  editionSessions,
  nominations,
  participantFiles,
  participants,
  projectMilestones,
  researchProjects,
} from '../training/schema.ts';

/**
 * Walks every route that changes data, and every private page, as every role and as an anonymous
 * visitor, over HTTP. A route missing from the table below fails the test: a new route must say
 * who may use it. Refusals must change nothing (the audit trail, which records every change, stays
 * the same length).
 */

type Who =
  | 'anonymous'
  | 'admin'
  | 'secretariat'
  | 'reporterCAN'
  | 'reporterUSA'
  | 'coordinatorCIPO'
  | 'coordinatorWIPO'
  | 'advisorAssigned'
  | 'advisorOther'
  | 'focalKEN'
  | 'focalGHA'
  | 'participantOwn'
  | 'participantOther';

const everyone: Who[] = [
  'anonymous',
  'admin',
  'secretariat',
  'reporterCAN',
  'reporterUSA',
  'coordinatorCIPO',
  'coordinatorWIPO',
  'advisorAssigned',
  'advisorOther',
  'focalKEN',
  'focalGHA',
  'participantOwn',
  'participantOther',
];
const signedIn = everyone.filter((who) => who !== 'anonymous');
const secretariat: Who[] = ['admin', 'secretariat'];
const reporters: Who[] = ['reporterCAN', 'reporterUSA'];

type Fixture = {
  publishedReport: number;
  draftReport: number;
  submittedReport: number;
  draftActivity: number;
  /** Canada's Art. 66.2 draft and one of its incentives. */
  incentiveReport: number;
  incentive: number;
  /** A public activity of Canada's published report. */
  publicActivity: number;
  completedEdition: number;
  openEdition: number;
  programme: number;
  session: number;
  nomination: number;
  participant: number;
  milestone: number;
  file: number;
  /** An account the people pages act on (a focal point of its own, not one the walk signs in as). */
  focalAccount: number;
  focalGrant: number;
  signatory: number;
  /** Kenya's needs assessment, still a draft, its need, and a need of a published one. */
  draftAssessment: number;
  draftNeed: number;
  publishedNeed: number;
  /** An open offer of Canada's, and a pending proposal for the published need. */
  offer: number;
  proposal: number;
};

type RouteRule = {
  /** Who may; everyone else gets 403 (signed in) or is sent to sign in (anonymous). */
  allowed: Who[];
  path: (f: Fixture) => string;
  /** Run after the others: allowed calls that end sessions or erase data. */
  last?: boolean;
  /** For a `last` route, the one allowed role to try it as (its session may not survive). */
  as?: Who;
  /** Form fields beside the CSRF token, when the route needs some to know whose record it is. */
  body?: Record<string, string>;
};

/** Keyed by method and Hono path pattern, exactly as the app registers them. */
const rules: Record<string, RouteRule> = {
  // Accounts
  'POST /:lang{(?:en|fr|es)}/sign-in': { allowed: everyone, path: () => '/en/sign-in' },
  'POST /:lang{(?:en|fr|es)}/sign-out': {
    allowed: everyone,
    path: () => '/en/sign-out',
    last: true,
    as: 'participantOther',
  },
  'POST /:lang{(?:en|fr|es)}/account/sign-out-everywhere': {
    allowed: signedIn,
    path: () => '/en/account/sign-out-everywhere',
    last: true,
    as: 'reporterUSA',
  },
  'GET /:lang{(?:en|fr|es)}/account': { allowed: signedIn, path: () => '/en/account' },
  'GET /:lang{(?:en|fr|es)}/workspace': { allowed: signedIn, path: () => '/en/workspace' },
  'POST /:lang{(?:en|fr|es)}/account/notifications/read': {
    allowed: signedIn,
    path: () => '/en/account/notifications/read',
  },
  'POST /:lang{(?:en|fr|es)}/workspace/notifications/read': {
    allowed: signedIn,
    path: () => '/en/workspace/notifications/read',
  },
  'GET /:lang{(?:en|fr|es)}/account/password/:token{[\\w-]{43}}': {
    allowed: everyone,
    path: () => `/en/account/password/${'x'.repeat(43)}`,
  },
  'POST /:lang{(?:en|fr|es)}/account/password/:token{[\\w-]{43}}': {
    allowed: everyone,
    path: () => `/en/account/password/${'x'.repeat(43)}`,
  },

  'POST /:lang{(?:en|fr|es)}/account/password': {
    allowed: signedIn,
    path: () => '/en/account/password',
  },
  // People and roles: administrators; the Secretariat for reporters and focal points only
  'GET /:lang{(?:en|fr|es)}/accounts': { allowed: secretariat, path: () => '/en/accounts' },
  'POST /:lang{(?:en|fr|es)}/accounts': {
    allowed: secretariat,
    path: () => '/en/accounts',
    body: { email: 'invited@example.org', role: 'reporter', party: 'KEN' },
  },
  'GET /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}`,
  },
  'POST /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}/roles': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}/roles`,
    body: { role: 'focal-point', party: 'GHA' },
  },
  'POST /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}/roles/:grant{[0-9]+}/withdraw': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}/roles/${f.focalGrant}/withdraw`,
    last: true,
    as: 'secretariat',
  },
  'POST /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}/disable': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}/disable`,
    last: true,
    as: 'admin',
  },
  'POST /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}/enable': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}/enable`,
  },
  'POST /:lang{(?:en|fr|es)}/accounts/:id{[0-9]+}/password-link': {
    allowed: secretariat,
    path: (f) => `/en/accounts/${f.focalAccount}/password-link`,
  },

  // Drafting: a party's reporters, on that party's reports
  'GET /:lang{(?:en|fr|es)}/drafting': { allowed: reporters, path: () => '/en/drafting' },
  'POST /:lang{(?:en|fr|es)}/drafting/reports': {
    allowed: ['reporterCAN'],
    path: () => '/en/drafting/reports',
    body: { party: 'CAN' },
  },
  // GET on paths that only take forms: a redirect to the page that holds the form.
  'GET /:lang{(?:en|fr|es)}/drafting/reports': { allowed: everyone, path: () => '/en/drafting/reports' },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/:action{(?:narrative|submit|revisions|upload)}': {
    allowed: everyone,
    path: (f) => `/en/drafting/reports/${f.draftReport}/submit`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/preview': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/preview`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/narrative': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/narrative`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/remove': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/remove`,
    last: true,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/keep': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/keep`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/comments/:commentId{[0-9]+}/reply': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/comments/1/reply`,
    body: { reply: 'An answer.' },
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/submit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/submit`,
    last: true,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/revisions': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.publishedReport}/revisions`,
  },
  // Incentives of an Art. 66.2 draft: its party's reporters
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/new': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/new`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives`,
    body: { title: 'Tax credit', incentiveType: 'fiscal', ldcSpecificity: 'specific' },
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives': {
    allowed: everyone,
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/:incentiveId{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/${f.incentive}/edit`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/:incentiveId{[0-9]+}': {
    allowed: everyone,
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/${f.incentive}`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/:incentiveId{[0-9]+}': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/${f.incentive}`,
    body: { ...{ title: 'Tax credit', incentiveType: 'fiscal', ldcSpecificity: 'specific' }, version: '1' },
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/:incentiveId{[0-9]+}/remove': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/${f.incentive}/remove`,
    last: true,
    as: 'reporterCAN',
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/template.xlsx': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/template.xlsx`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/upload': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/upload`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/upload/:uploadId{[A-Za-z0-9_-]+}': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/upload/no-such-upload`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/incentives/upload/:uploadId{[A-Za-z0-9_-]+}/confirm':
    {
      allowed: ['reporterCAN'],
      path: (f) => `/en/drafting/reports/${f.incentiveReport}/incentives/upload/no-such-upload/confirm`,
    },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/new': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/new`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/new': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/new`,
  },
  // The needs an activity of a draft addresses: part of the draft, its reporters only
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/needs': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/needs`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/needs': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/needs`,
    body: { need: '1' },
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/needs/:needId{[0-9]+}/unlink':
    {
      allowed: ['reporterCAN'],
      path: (f) =>
        `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/needs/${f.publishedNeed}/unlink`,
    },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/activities/:activityId{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/activities/${f.draftActivity}/edit`,
  },
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/template.xlsx': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/template.xlsx`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/upload': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/upload`,
  },
  // An upload nobody made: its owner's check comes after the party's, so others still get 403.
  'GET /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/upload/:uploadId{[A-Za-z0-9_-]+}': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/upload/no-such-upload`,
  },
  'POST /:lang{(?:en|fr|es)}/drafting/reports/:id{[0-9]+}/upload/:uploadId{[A-Za-z0-9_-]+}/confirm': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/drafting/reports/${f.draftReport}/upload/no-such-upload/confirm`,
  },

  // Secretariat: review, publication, cycles, settings, audit
  'GET /:lang{(?:en|fr|es)}/secretariat/reports': {
    allowed: secretariat,
    path: () => '/en/secretariat/reports',
  },
  'GET /:lang{(?:en|fr|es)}/secretariat/reports/:id{[0-9]+}': {
    allowed: secretariat,
    path: (f) => `/en/secretariat/reports/${f.submittedReport}`,
  },
  'POST /:lang{(?:en|fr|es)}/secretariat/reports/:id{[0-9]+}/return': {
    allowed: secretariat,
    path: (f) => `/en/secretariat/reports/${f.submittedReport}/return`,
  },
  'POST /:lang{(?:en|fr|es)}/secretariat/reports/:id{[0-9]+}/publish': {
    allowed: secretariat,
    path: (f) => `/en/secretariat/reports/${f.submittedReport}/publish`,
  },
  'POST /:lang{(?:en|fr|es)}/secretariat/reports/:id{[0-9]+}/symbol': {
    allowed: secretariat,
    path: (f) => `/en/secretariat/reports/${f.publishedReport}/symbol`,
    body: { given_symbol: 'not a symbol' },
  },
  'GET /:lang{(?:en|fr|es)}/secretariat/cycles': {
    allowed: secretariat,
    path: () => '/en/secretariat/cycles',
  },
  'POST /:lang{(?:en|fr|es)}/secretariat/cycles/expected': {
    allowed: secretariat,
    path: () => '/en/secretariat/cycles/expected',
    body: { period: '2020-2021', parties: 'CAN' },
  },
  'GET /:lang{(?:en|fr|es)}/secretariat/settings': {
    allowed: secretariat,
    path: () => '/en/secretariat/settings',
  },
  'POST /:lang{(?:en|fr|es)}/secretariat/settings': {
    allowed: secretariat,
    path: () => '/en/secretariat/settings',
  },
  'GET /:lang{(?:en|fr|es)}/secretariat/audit': { allowed: secretariat, path: () => '/en/secretariat/audit' },
  'GET /:lang{(?:en|fr|es)}/secretariat/audit.csv': {
    allowed: secretariat,
    path: () => '/en/secretariat/audit.csv',
  },

  // Training: coordinators of the organizer (CIPO) run editions
  'GET /:lang{(?:en|fr|es)}/training': {
    allowed: ['coordinatorCIPO', 'coordinatorWIPO'],
    path: () => '/en/training',
  },
  // A programme's certificate signatories: its organizer's coordinators
  'GET /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/signatories': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/signatories`,
  },
  'POST /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/signatories': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/signatories`,
  },
  'POST /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/signatories/:signatory{[0-9]+}/signature': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/signatories/${f.signatory}/signature`,
  },
  'POST /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/signatories/:signatory{[0-9]+}/remove': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/signatories/${f.signatory}/remove`,
    last: true,
  },
  'GET /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/editions/new': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/editions/new`,
  },
  'POST /:lang{(?:en|fr|es)}/training/programmes/:id{[0-9]+}/editions': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/programmes/${f.programme}/editions`,
  },
  'GET /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.openEdition}`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.openEdition}`,
  },
  // The needs an edition answers: public at once, said by its programme's coordinators only
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/needs': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.openEdition}/needs`,
    body: { need: '1' },
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/needs/:needId{[0-9]+}/unlink': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.openEdition}/needs/${f.publishedNeed}/unlink`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/status': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.completedEdition}/status`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/sessions': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.completedEdition}/sessions`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/sessions/:session{[0-9]+}': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.completedEdition}/sessions/${f.session}`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/sessions/:session{[0-9]+}/remove': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/editions/${f.completedEdition}/sessions/${f.session}/remove`,
    last: true,
  },
  // Needs assessments: the Member's focal points, and the Secretariat on its behalf
  'GET /:lang{(?:en|fr|es)}/needs/assessments': {
    allowed: [...secretariat, 'focalKEN', 'focalGHA'],
    path: () => '/en/needs/assessments',
  },
  'GET /:lang{(?:en|fr|es)}/needs/assessments/new': {
    allowed: [...secretariat, 'focalKEN', 'focalGHA'],
    path: () => '/en/needs/assessments/new',
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/new': {
    allowed: [...secretariat, 'focalKEN', 'focalGHA'],
    path: () => '/en/needs/assessments/new',
  },
  'GET /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/needs': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/needs`,
  },
  // A draft assessment's own details, while draft.
  'GET /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/edit': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/edit': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/edit`,
  },
  // Removing a need of a draft (no version sent: the allowed get 409 and the need stays).
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/remove': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/${f.draftNeed}/remove`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/publish': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/publish`,
  },
  'GET /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/template.xlsx': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/template.xlsx`,
  },
  'GET /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/upload': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/upload`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/upload': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/upload`,
  },
  'GET /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/upload/:uploadId{[A-Za-z0-9_-]+}': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/upload/nobodys-upload`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/assessments/:id{[0-9]+}/upload/:uploadId{[A-Za-z0-9_-]+}/confirm': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/assessments/${f.draftAssessment}/upload/nobodys-upload/confirm`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/status': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/${f.publishedNeed}/status`,
  },
  // Editing a published need's text and facts (its history kept): who records the Member's needs.
  'GET /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/edit': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/${f.publishedNeed}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/edit': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/${f.publishedNeed}/edit`,
  },
  // The Secretariat's "met and outstanding" overview (the coverage page itself is public)
  'GET /:lang{(?:en|fr|es)}/needs/coverage/:file{overview\\.(?:docx|pdf)}': {
    allowed: [...secretariat],
    path: () => '/en/needs/coverage/overview.pdf',
  },
  // Proposals: donors' reporters and coordinators propose; the Member (or the Secretariat) answers.
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/proposals': {
    allowed: [...reporters, 'coordinatorCIPO', 'coordinatorWIPO'],
    path: (f) => `/en/needs/${f.publishedNeed}/proposals`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}': {
    allowed: [...secretariat, 'focalKEN'],
    path: (f) => `/en/needs/${f.publishedNeed}/proposals/${f.proposal}`,
  },
  // A proposal is changed or withdrawn by its proposing side only: Canada's reporters here (the
  // proposer, another account, is not walked); not the Member, not the Secretariat.
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/needs/${f.publishedNeed}/proposals/${f.proposal}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/needs/:id{[0-9]+}/proposals/:proposal{[0-9]+}/withdraw': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/needs/${f.publishedNeed}/proposals/${f.proposal}/withdraw`,
  },
  // Offers: reporters for their Member, coordinators for their agency; changed only by the owner's.
  'GET /:lang{(?:en|fr|es)}/offers/mine': {
    allowed: [...reporters, 'coordinatorCIPO', 'coordinatorWIPO'],
    path: () => '/en/offers/mine',
  },
  'GET /:lang{(?:en|fr|es)}/offers/new': {
    allowed: [...reporters, 'coordinatorCIPO', 'coordinatorWIPO'],
    path: () => '/en/offers/new',
  },
  'POST /:lang{(?:en|fr|es)}/offers/new': {
    allowed: [...reporters, 'coordinatorCIPO', 'coordinatorWIPO'],
    path: () => '/en/offers/new',
  },
  'GET /:lang{(?:en|fr|es)}/offers/:id{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/offers/${f.offer}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/offers/:id{[0-9]+}/edit': {
    allowed: ['reporterCAN'],
    path: (f) => `/en/offers/${f.offer}/edit`,
  },
  'GET /:lang{(?:en|fr|es)}/training/alumni': {
    allowed: ['coordinatorCIPO'],
    path: () => '/en/training/alumni',
  },
  'GET /:lang{(?:en|fr|es)}/training/alumni.csv': {
    allowed: ['coordinatorCIPO'],
    path: () => '/en/training/alumni.csv',
  },
  'GET /:lang{(?:en|fr|es)}/training/nominations': {
    allowed: ['focalKEN', 'focalGHA'],
    path: () => '/en/training/nominations',
  },
  'GET /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/nominations/new': {
    allowed: ['focalKEN', 'focalGHA'],
    path: (f) => `/en/training/editions/${f.openEdition}/nominations/new`,
  },
  'POST /:lang{(?:en|fr|es)}/training/editions/:id{[0-9]+}/nominations/new': {
    allowed: ['focalKEN', 'focalGHA'],
    path: (f) => `/en/training/editions/${f.openEdition}/nominations/new`,
  },
  // A focal point of the nomination's party, until the coordinator decides
  'GET /:lang{(?:en|fr|es)}/training/nominations/:id{[0-9]+}/edit': {
    allowed: ['focalKEN'],
    path: (f) => `/en/training/nominations/${f.nomination}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/training/nominations/:id{[0-9]+}/edit': {
    allowed: ['focalKEN'],
    path: (f) => `/en/training/nominations/${f.nomination}/edit`,
  },
  'POST /:lang{(?:en|fr|es)}/training/nominations/:id{[0-9]+}/withdraw': {
    allowed: ['focalKEN'],
    path: (f) => `/en/training/nominations/${f.nomination}/withdraw`,
  },
  'POST /:lang{(?:en|fr|es)}/training/nominations/:id{[0-9]+}/decision': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/nominations/${f.nomination}/decision`,
  },
  'GET /:lang{(?:en|fr|es)}/training/advising': {
    allowed: ['advisorAssigned', 'advisorOther'],
    path: () => '/en/training/advising',
  },
  'GET /:lang{(?:en|fr|es)}/training/me': {
    allowed: ['participantOwn', 'participantOther'],
    path: () => '/en/training/me',
  },
  'GET /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}': {
    allowed: ['coordinatorCIPO', 'advisorAssigned', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/advisor': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/advisor`,
    // An empty form unassigns the advisor, whose checks come before.
    last: true,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/project': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/project`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/milestones': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/milestones`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/milestones/:milestone{[0-9]+}': {
    allowed: ['coordinatorCIPO', 'advisorAssigned'],
    path: (f) => `/en/training/participants/${f.participant}/milestones/${f.milestone}`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/comments': {
    allowed: ['coordinatorCIPO', 'advisorAssigned', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}/comments`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/presentation': {
    allowed: ['coordinatorCIPO', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}/presentation`,
  },
  'GET /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/files/:file{[0-9]+}': {
    allowed: ['coordinatorCIPO', 'advisorAssigned', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}/files/${f.file}`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/completion': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/completion`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/certificate': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/certificate`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/certificate/:change{(?:revoke|reissue)}': {
    allowed: ['coordinatorCIPO', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}/certificate/revoke`,
  },
  'GET /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/certificate.pdf': {
    allowed: ['coordinatorCIPO', 'advisorAssigned', 'participantOwn'],
    path: (f) => `/en/training/participants/${f.participant}/certificate.pdf`,
  },
  'GET /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/export.json': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/export.json`,
  },
  'POST /:lang{(?:en|fr|es)}/training/participants/:id{[0-9]+}/erase': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/participants/${f.participant}/erase`,
    last: true,
  },
  'POST /:lang{(?:en|fr|es)}/training/nominations/:id{[0-9]+}/erase': {
    allowed: ['coordinatorCIPO'],
    path: (f) => `/en/training/nominations/${f.nomination}/erase`,
    last: true,
  },
  // Elements of Article 67 of a public activity: its party's reporters and the Secretariat.
  'POST /:lang{(?:en|fr|es)}/activities/:id/elements': {
    allowed: [...secretariat, 'reporterCAN'],
    path: (f) => `/en/activities/${f.publicActivity}/elements`,
    body: { elements: 'training-personnel' },
  },
  // The public nomination form: anyone, while the coordinator allows it.
  'POST /:lang{(?:en|fr|es)}/programmes/editions/:id{[0-9]+}/nominate': {
    allowed: everyone,
    path: (f) => `/en/programmes/editions/${f.openEdition}/nominate`,
  },
};

/** Pages that show private data are walked too, whatever their method. */
const privatePrefixes = [
  '/account',
  '/workspace',
  '/drafting',
  '/secretariat',
  '/training',
  '/needs/assessments',
  '/needs/coverage/',
  '/offers/mine',
  '/offers/new',
  '/offers/:id{[0-9]+}/edit',
  '/needs/:id{[0-9]+}/edit',
];
const changesData = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
const isPrivate = (path: string) =>
  privatePrefixes.some((prefix) => path.startsWith(`/:lang{(?:en|fr|es)}${prefix}`));

describe('authorization on every route that changes data or shows private data', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let fixture: Fixture;
  const sessions = new Map<Who, TestSession | null>();

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const db = database.db;
    app = createApp(database);
    const demo = await seedDemo(db);
    const training = await seedTrainingOperationsDemo(db);
    const [participant] = await db
      .select()
      .from(participants)
      .where(eq(participants.id, training.participantIds[0] as number));
    const [otherParticipantId] = training.participantIds.slice(1);
    const [advisor] = await db
      .select()
      .from(users)
      .where(eq(users.id, participant?.advisorId as number));
    const otherAdvisorEmail = 'advisor.unassigned@example.org';

    sessions.set('anonymous', null);
    sessions.set('admin', await testSession(db, 'admin@example.org', 'admin'));
    sessions.set('secretariat', await testSession(db, 'secretariat@example.org', 'secretariat'));
    sessions.set(
      'reporterCAN',
      await testSession(db, 'reporter.can@example.org', 'reporter', { party: 'CAN' }),
    );
    sessions.set(
      'reporterUSA',
      await testSession(db, 'reporter.usa@example.org', 'reporter', { party: 'USA' }),
    );
    sessions.set(
      'coordinatorCIPO',
      await testSession(db, 'coord.cipo@example.org', 'coordinator', { agency: 'CIPO' }),
    );
    sessions.set(
      'coordinatorWIPO',
      await testSession(db, 'coord.wipo@example.org', 'coordinator', { agency: 'WIPO' }),
    );
    sessions.set(
      'advisorAssigned',
      await testSession(db, advisor?.email as string, 'advisor', { agency: 'CIPO' }),
    );
    sessions.set('advisorOther', await testSession(db, otherAdvisorEmail, 'advisor', { agency: 'CIPO' }));
    sessions.set('focalKEN', await testSession(db, 'focal.ken@example.org', 'focal-point', { party: 'KEN' }));
    sessions.set('focalGHA', await testSession(db, 'focal.gha@example.org', 'focal-point', { party: 'GHA' }));
    sessions.set(
      'participantOwn',
      await testSession(db, 'me@example.org', 'participant', { participantId: participant?.id as number }),
    );
    sessions.set(
      'participantOther',
      await testSession(db, 'other@example.org', 'participant', {
        participantId: otherParticipantId as number,
      }),
    );

    const newReport = async (status: 'draft' | 'submitted', start: string, end: string) => {
      const [row] = await db
        .insert(reports)
        .values({
          reportingPartyCode: 'CAN',
          periodStart: start,
          periodEnd: end,
          originalLanguage: 'en',
          status,
          narrative: ['A paragraph.'],
          source: 'authorization test',
        })
        .returning({ id: reports.id });
      return row?.id as number;
    };
    const draftReport = await newReport('draft', '2021-04-01', '2022-03-31');
    const submittedReport = await newReport('submitted', '2022-04-01', '2023-03-31');
    const [incentiveReport] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        kind: 'art66-2',
        format: 'detailed',
        periodStart: '2021-04-01',
        periodEnd: '2022-03-31',
        originalLanguage: 'en',
        status: 'draft',
        source: 'authorization test',
      })
      .returning({ id: reports.id });
    const [incentive] = await db
      .insert(reportIncentives)
      .values({
        reportId: incentiveReport?.id as number,
        position: 1,
        title: 'Tax credit',
        incentiveType: 'fiscal',
        ldcSpecificity: 'specific',
      })
      .returning({ id: reportIncentives.id });
    const [draftActivity] = await db
      .insert(activities)
      .values({
        donorPartyCode: 'CAN',
        title: { en: 'Draft activity' },
        originalLanguage: 'en',
        source: 'test',
        isPublic: false,
      })
      .returning({ id: activities.id });
    await db.insert(reportActivities).values([
      { reportId: draftReport, activityId: draftActivity?.id as number, rowNumber: 1, origin: 'manual' },
      { reportId: submittedReport, activityId: draftActivity?.id as number, rowNumber: 1, origin: 'manual' },
    ]);
    const [nomination] = await db
      .insert(nominations)
      .values({
        editionId: training.openEditionId,
        candidateName: 'Candidate',
        position: 'Examiner',
        office: 'KIPI',
        partyCode: 'KEN',
        email: 'candidate@example.org',
        motivation: 'To learn.',
      })
      .returning({ id: nominations.id });
    const [session] = await db
      .insert(editionSessions)
      .values({ editionId: training.editionId, position: 99, title: 'Test session', kind: 'lecture' })
      .returning({ id: editionSessions.id });
    const [project] = await db
      .select({ id: researchProjects.id })
      .from(researchProjects)
      .where(eq(researchProjects.participantId, participant?.id as number));
    const [milestone] = await db
      .select({ id: projectMilestones.id })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, project?.id as number));
    const [file] = await db
      .insert(participantFiles)
      .values({
        participantId: participant?.id as number,
        kind: 'office-presentation',
        fileName: 'office.pdf',
        contentType: 'application/pdf',
        sizeBytes: 8,
        content: Buffer.from('%PDF-1.4'),
      })
      .returning({ id: participantFiles.id });
    const focal = await testSession(db, 'managed.focal@example.org', 'focal-point', { party: 'KEN' });
    const [focalGrant] = await db
      .select({ id: userRoles.id })
      .from(userRoles)
      .where(eq(userRoles.userId, focal.userId));
    const [signatory] = await db
      .select({ id: certificateSignatories.id })
      .from(certificateSignatories)
      .where(eq(certificateSignatories.programmeId, demo.programmeId))
      .limit(1);
    const [publicActivity] = await db
      .select({ activityId: reportActivities.activityId })
      .from(reportActivities)
      .where(eq(reportActivities.reportId, demo.reportId))
      .limit(1);
    const needsActor = { userId: null, label: 'authorization test' };
    const needOf = (title: string) => ({
      title,
      description: null,
      ipAreas: [],
      kindsOfHelp: ['training-personnel' as const],
      institution: null,
      priority: 'high' as const,
      wishedStart: null,
      wishedEnd: null,
    });
    const assessmentOf = async () =>
      createAssessment(db, needsActor, {
        party: 'KEN',
        symbol: null,
        documentDate: null,
        source: 'national-strategy',
        language: 'en',
        contactName: null,
        contactEmail: null,
      });
    const draftAssessment = await assessmentOf();
    const draftNeed = await addNeed(
      db,
      needsActor,
      { id: draftAssessment, language: 'en', status: 'draft' },
      needOf('Draft need'),
    );
    const publishedAssessment = await assessmentOf();
    const publishedNeed = await addNeed(
      db,
      needsActor,
      { id: publishedAssessment, language: 'en', status: 'draft' },
      needOf('Public need'),
    );
    await publishAssessment(db, needsActor, publishedAssessment);
    const offer = await createOffer(db, needsActor, {
      owner: 'party:CAN',
      title: 'An offer',
      description: '',
      language: 'en',
      ipAreas: [],
      kindsOfHelp: ['training-personnel'],
      eligibleParties: [],
      eligibleRegions: [],
      languages: ['en'],
      capacity: null,
      deadline: null,
      status: 'open',
    });
    const proposal = await proposeHelp(
      db,
      { userId: focal.userId, label: 'authorization test' },
      publishedNeed,
      {
        donorPartyCode: 'CAN',
        agencyId: null,
        text: 'A proposal.',
        language: 'en',
        offerId: null,
      },
    );
    fixture = {
      offer,
      proposal: proposal.ok ? proposal.id : 0,
      draftAssessment,
      draftNeed,
      publishedNeed,
      signatory: signatory?.id as number,
      focalAccount: focal.userId,
      focalGrant: focalGrant?.id as number,
      publishedReport: demo.reportId,
      draftReport,
      submittedReport,
      draftActivity: draftActivity?.id as number,
      incentiveReport: incentiveReport?.id as number,
      incentive: incentive?.id as number,
      publicActivity: publicActivity?.activityId as number,
      completedEdition: training.editionId,
      openEdition: training.openEditionId,
      programme: demo.programmeId,
      session: session?.id as number,
      nomination: nomination?.id as number,
      participant: participant?.id as number,
      milestone: milestone?.id as number,
      file: file?.id as number,
    };
  }, 120_000);
  afterAll(() => database.close());

  const walked = () => {
    const keys = new Set<string>();
    for (const route of app.routes) {
      if (route.method === 'ALL') continue;
      if (changesData(route.method) || isPrivate(route.path)) keys.add(`${route.method} ${route.path}`);
    }
    return [...keys];
  };

  const send = (method: string, path: string, who: Who, fields: Record<string, string> = {}) => {
    const session = sessions.get(who) ?? null;
    const headers: Record<string, string> = {};
    if (session) headers.Cookie = session.cookie;
    if (!changesData(method)) return app.request(path, { method, headers });
    // A valid CSRF token: what is tested here is the role, not the form's origin.
    const body = new URLSearchParams(fields);
    if (session) body.set('_csrf', session.csrf);
    else {
      headers.Cookie = 'ipcoop_csrf=anonymous-token-anonymous-token-anonymous-tok';
      body.set('_csrf', 'anonymous-token-anonymous-token-anonymous-tok');
    }
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    return app.request(path, { method, headers, body });
  };

  const auditLength = async () => (await database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

  it('has a rule for every such route', () => {
    const missing = walked().filter((key) => !rules[key]);
    expect(missing).toEqual([]);
    expect(walked().length).toBeGreaterThan(40);
  });

  it('refuses everyone the rule does not allow, and a refusal changes nothing', async () => {
    const failures: string[] = [];
    for (const key of walked()) {
      const rule = rules[key];
      if (!rule) continue;
      const method = key.split(' ')[0] as string;
      for (const who of everyone.filter((w) => !rule.allowed.includes(w))) {
        const before = await auditLength();
        const response = await send(method, rule.path(fixture), who, rule.body);
        const expected = who === 'anonymous' ? 303 : 403;
        const location = response.headers.get('location') ?? '';
        if (response.status !== expected || (who === 'anonymous' && !location.includes('/sign-in'))) {
          failures.push(`${key} as ${who}: ${response.status} ${location}`);
        }
        if ((await auditLength()) !== before) failures.push(`${key} as ${who}: changed data`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('lets those the rule allows past the guard', async () => {
    const failures: string[] = [];
    const ordered = walked().sort(
      (a, b) => Number(rules[a]?.last ?? false) - Number(rules[b]?.last ?? false),
    );
    for (const key of ordered) {
      const rule = rules[key];
      if (!rule) continue;
      const method = key.split(' ')[0] as string;
      const tried = rule.last
        ? [rule.as ?? (rule.allowed.find((w) => w !== 'anonymous') as Who)]
        : rule.allowed.filter((w) => w !== 'anonymous');
      for (const who of tried) {
        const response = await send(method, rule.path(fixture), who, rule.body);
        const location = response.headers.get('location') ?? '';
        if (response.status === 403 || location.includes('/sign-in?')) {
          failures.push(`${key} as ${who}: ${response.status} ${location}`);
        }
        if (response.status >= 500) failures.push(`${key} as ${who}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
