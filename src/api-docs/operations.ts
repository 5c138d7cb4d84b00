import { activityFilters } from '../activities/filters.ts';
import { columnKeys } from '../exports/columns.ts';
import { maxDownloadActivities } from '../exports/limits.ts';
import { feedFilters } from '../feeds/filters.ts';
import { type ApiOperation, queryParameters, responses } from './openapi.ts';

const filterDescriptions = {
  q: 'Full-text query (English, French and Spanish stemming; accents ignored; "quotes" and -exclusions work). IP terms are also searched in the other two languages (brevet: patent, patente).',
  donor: 'Reporting party code, e.g. CAN.',
  beneficiary: 'Beneficiary party code, e.g. CRI.',
  region: 'M49 region code or grouping, e.g. 013 (Central America); includes activities for parties in it.',
  ldc: '1: only activities with a beneficiary that was an LDC when the activity started.',
  ipArea: 'IP area key, e.g. patents.',
  type: 'Activity type key, e.g. training.',
  level: 'multilateral, plurilateral or bilateral.',
  status: 'planned, ongoing, completed or cancelled.',
  report: 'Only activities listed in this published report (its id).',
  reporter: 'Only activities listed in a published report of this party, e.g. CAN.',
  cycle: 'Only activities listed in a published report of this reporting cycle, e.g. 2021-2022.',
  from: 'First start year.',
  to: 'Last start year.',
  sort: 'relevance (with q) or date (newest first).',
  page: 'Page number, from 1.',
  pageSize: 'Items per page, 1 to 100.',
};

const filters = queryParameters(activityFilters, filterDescriptions);

/** What /api/v1 offers, described for the OpenAPI document and the docs page. */
export const apiOperations: ApiOperation[] = [
  {
    path: '/api/v1/activities',
    summary: 'Search activities, or download every match',
    description: `Without format: one page of JSON. With format: every match (at most ${maxDownloadActivities}) as CSV (UTF-8 with BOM, formula-safe cells), XLSX, JSON or IATI 2.03 XML, labels in lang.`,
    parameters: [
      ...filters,
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'csv, xlsx, json or iati',
        schema: { enum: ['csv', 'xlsx', 'json', 'iati'] },
      },
      {
        name: 'lang',
        in: 'query',
        required: false,
        description: 'Language of labels in downloads',
        schema: { enum: ['en', 'fr', 'es'] },
      },
      {
        name: 'columns',
        in: 'query',
        required: false,
        description: 'CSV/XLSX columns, comma-separated or repeated',
        schema: { type: 'array', items: { enum: columnKeys } },
      },
    ],
    responses: { 200: responses.json('A page of activities, or the download'), 400: responses.problem },
  },
  {
    path: '/api/v1/activities/facets',
    summary: 'Counts by donor, beneficiary, region, LDC, IP area, type, level, status and start year',
    parameters: filters,
    responses: { 200: responses.json('Facet counts for the matching activities'), 400: responses.problem },
  },
  {
    path: '/api/v1/activities/{id}',
    summary: 'One activity with beneficiaries, agencies, reports and related activities',
    parameters: [responses.pathId('id', 'Activity id')],
    responses: { 200: responses.json('The activity'), 404: responses.notFound },
  },
  {
    path: '/api/v1/reports',
    summary: 'Published Art. 67 reports',
    parameters: [],
    responses: { 200: responses.json('Reports, newest period first') },
  },
  {
    path: '/api/v1/reports/{id}',
    summary: 'One report: narrative and numbered list of programmes',
    parameters: [responses.pathId('id', 'Report id')],
    responses: { 200: responses.json('The report'), 404: responses.notFound },
  },
  {
    path: '/api/v1/parties',
    summary: 'WTO Members, observers and IGOs with names in English, French and Spanish and status history',
    parameters: [],
    responses: { 200: responses.json('Parties') },
  },
  {
    path: '/api/v1/parties/{code}',
    summary: 'One party as donor and as beneficiary',
    parameters: [
      {
        name: 'code',
        in: 'path',
        required: true,
        description: 'Party code, e.g. CRI',
        schema: { type: 'string' },
      },
    ],
    responses: { 200: responses.json('The party and its profile'), 404: responses.notFound },
  },
  {
    path: '/{lang}/reports/feed.atom',
    summary: 'Atom feed of newly published reports',
    parameters: [
      {
        name: 'lang',
        in: 'path',
        required: true,
        description: 'en, fr or es',
        schema: { enum: ['en', 'fr', 'es'] },
      },
      ...queryParameters(feedFilters, {
        reporter: 'Reporting party code',
        beneficiary: 'Beneficiary party code',
      }),
    ],
    responses: {
      200: { description: 'Atom 1.0', content: { 'application/atom+xml': {} } },
      400: responses.problem,
    },
  },
];
