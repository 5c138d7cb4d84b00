import { activityFilters } from '../activities/filters.ts';
import { columnKeys } from '../exports/columns.ts';
import { maxDownloadActivities } from '../exports/limits.ts';
import { cooperationFeedFilters } from '../feeds/cooperation.ts';
import { feedFilters } from '../feeds/filters.ts';
import { incentiveFilters } from '../incentives/filters.ts';
import { needFilters } from '../needs/filters.ts';
import { offerFilters } from '../offers/filters.ts';
import type { ApiDocsKey } from './messages.ts';
import { type ApiOperation, queryParameters, responses } from './openapi.ts';

const filterDescriptions: Record<string, ApiDocsKey> = {
  q: 'paramQ',
  donor: 'paramDonor',
  beneficiary: 'paramBeneficiary',
  region: 'paramRegion',
  ldc: 'paramLdc',
  ipArea: 'paramIpArea',
  element: 'paramElement',
  type: 'paramType',
  level: 'paramLevel',
  status: 'paramStatus',
  report: 'paramReport',
  reporter: 'paramReporter',
  cycle: 'paramCycle',
  from: 'paramFrom',
  to: 'paramTo',
  sort: 'paramSort',
  page: 'paramPage',
  pageSize: 'paramPageSize',
};

const filters = queryParameters(activityFilters, filterDescriptions);

/** What /api/v1 offers, described for the OpenAPI document and the docs page. */
export const apiOperations: ApiOperation[] = [
  {
    path: '/api/v1/activities',
    summary: 'opActivities',
    description: { key: 'opActivitiesMore', params: { max: maxDownloadActivities } },
    parameters: [
      ...filters,
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'paramFormat',
        schema: { enum: ['csv', 'xlsx', 'json', 'iati'] },
      },
      {
        name: 'lang',
        in: 'query',
        required: false,
        description: 'paramLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
      {
        name: 'columns',
        in: 'query',
        required: false,
        description: 'paramColumns',
        schema: { type: 'array', items: { enum: columnKeys } },
      },
    ],
    responses: { 200: responses.json('A page of activities, or the download'), 400: responses.problem },
  },
  {
    path: '/api/v1/activities/facets',
    summary: 'opFacets',
    parameters: filters,
    responses: { 200: responses.json('Facet counts for the matching activities'), 400: responses.problem },
  },
  {
    path: '/api/v1/activities/{id}',
    summary: 'opActivity',
    parameters: [responses.pathId('id', 'paramActivityId')],
    responses: { 200: responses.json('The activity'), 404: responses.notFound },
  },
  {
    path: '/api/v1/reports',
    summary: 'opReports',
    parameters: [],
    responses: { 200: responses.json('Reports, newest period first') },
  },
  {
    path: '/api/v1/reports/{id}',
    summary: 'opReport',
    parameters: [responses.pathId('id', 'paramReportId')],
    responses: { 200: responses.json('The report'), 404: responses.notFound },
  },
  {
    path: '/api/v1/parties',
    summary: 'opParties',
    parameters: [],
    responses: { 200: responses.json('Parties') },
  },
  {
    path: '/api/v1/parties/{code}',
    summary: 'opParty',
    parameters: [
      {
        name: 'code',
        in: 'path',
        required: true,
        description: 'paramPartyCode',
        schema: { type: 'string' },
      },
    ],
    responses: { 200: responses.json('The party and its profile'), 404: responses.notFound },
  },
  {
    path: '/api/v1/needs',
    summary: 'opNeeds',
    parameters: [
      ...queryParameters(needFilters, {
        q: 'paramNeedQ',
        party: 'paramNeedParty',
        status: 'paramNeedStatus',
        kind: 'paramNeedKind',
      }),
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'paramNeedFormat',
        schema: { enum: ['json', 'csv', 'xlsx'] },
      },
      {
        name: 'lang',
        in: 'query',
        required: false,
        description: 'paramLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
    ],
    responses: { 200: responses.json('Published needs, or the download'), 400: responses.problem },
  },
  {
    path: '/api/v1/incentives',
    summary: 'opIncentives',
    parameters: [
      ...queryParameters(incentiveFilters, {
        q: 'paramIncentiveQ',
        type: 'paramIncentiveType',
        sector: 'paramIncentiveSector',
        ldc: 'paramIncentiveLdc',
        specificity: 'paramIncentiveSpecificity',
        party: 'paramIncentiveParty',
      }),
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'paramNeedFormat',
        schema: { enum: ['json', 'csv', 'xlsx'] },
      },
      {
        name: 'lang',
        in: 'query',
        required: false,
        description: 'paramLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
    ],
    responses: { 200: responses.json('Published incentives, or the download'), 400: responses.problem },
  },
  {
    path: '/api/v1/offers',
    summary: 'opOffers',
    parameters: [
      ...queryParameters(offerFilters, {
        q: 'paramOfferQ',
        area: 'paramOfferArea',
        kind: 'paramOfferKind',
        region: 'paramOfferRegion',
        status: 'paramOfferStatus',
      }),
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'paramNeedFormat',
        schema: { enum: ['json', 'csv', 'xlsx'] },
      },
      {
        name: 'lang',
        in: 'query',
        required: false,
        description: 'paramLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
    ],
    responses: {
      200: responses.json('Offers and open training editions, or the download'),
      400: responses.problem,
    },
  },
  {
    path: '/{lang}/needs/feed.atom',
    summary: 'opNeedsFeed',
    parameters: [
      {
        name: 'lang',
        in: 'path',
        required: true,
        description: 'paramFeedLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
      ...queryParameters(cooperationFeedFilters, { area: 'paramFeedArea', region: 'paramFeedRegion' }),
    ],
    responses: {
      200: { description: 'Atom 1.0', content: { 'application/atom+xml': {} } },
      400: responses.problem,
    },
  },
  {
    path: '/{lang}/reports/feed.atom',
    summary: 'opFeed',
    parameters: [
      {
        name: 'lang',
        in: 'path',
        required: true,
        description: 'paramFeedLang',
        schema: { enum: ['en', 'fr', 'es'] },
      },
      ...queryParameters(feedFilters, {
        reporter: 'paramFeedReporter',
        beneficiary: 'paramFeedBeneficiary',
      }),
    ],
    responses: {
      200: { description: 'Atom 1.0', content: { 'application/atom+xml': {} } },
      400: responses.problem,
    },
  },
];
