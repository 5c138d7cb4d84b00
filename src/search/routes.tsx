import { Hono } from 'hono';
import { countActivityFacets } from '../activities/facets.ts';
import { activityFilters, listActivities } from '../activities/service.ts';
import type { Db } from '../db/database.ts';
import { columnHeaders, columnKeys, defaultColumns } from '../exports/columns.ts';
import { BadRequestPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { type SearchParams, searchParamOrder } from './url.ts';
import { SearchPage } from './views.tsx';

/** The search page: the whole state is in the URL, so a search is a link one can send. */
export function searchRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  app.get('/:lang{(?:en|fr|es)}/search', async (c) => {
    const page = pageContext(c);
    const query = c.req.query();
    const parsed = activityFilters.safeParse(query);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'query',
        message: issue.message,
      }));
      return c.html(<BadRequestPage page={page} errors={errors} />, 400);
    }
    const filters = parsed.data;
    const reference = await labels();
    const unknown = unknownCodes(filters, reference);
    if (unknown.length > 0) return c.html(<BadRequestPage page={page} errors={unknown} />, 400);
    const [results, facets] = await Promise.all([
      listActivities(db, filters),
      countActivityFacets(db, filters),
    ]);
    const params: SearchParams = {};
    for (const name of searchParamOrder) {
      const value = query[name];
      if (value) params[name] = name === 'page' ? filters.page : value;
    }
    return c.html(
      <SearchPage
        page={page}
        labels={reference}
        data={{
          params,
          total: results.total,
          page: results.page,
          pageSize: results.pageSize,
          sort: results.sort,
          items: results.items,
          facets,
          exportColumns: columnKeys.map((key) => ({
            key,
            label: columnHeaders[key][page.lang],
            selected: defaultColumns.includes(key),
          })),
        }}
      />,
    );
  });
  return app;
}

/** Codes that name nothing we know: explained rather than answered with an empty list. */
function unknownCodes(filters: Record<string, unknown>, labels: ReferenceLabels) {
  const errors: Array<{ field: string; message: string }> = [];
  for (const field of ['donor', 'beneficiary'] as const) {
    const code = filters[field];
    if (typeof code === 'string' && !labels.parties.has(code))
      errors.push({ field, message: `no party has the code ${code}` });
  }
  const region = filters.region;
  if (typeof region === 'string' && !labels.regions.has(region))
    errors.push({ field: 'region', message: `no region has the code ${region}` });
  const taxonomies = {
    ipArea: 'ip-area',
    type: 'activity-type',
    level: 'level',
    status: 'activity-status',
  } as const;
  for (const [field, taxonomy] of Object.entries(taxonomies)) {
    const key = filters[field];
    if (typeof key === 'string' && !labels.terms.has(`${taxonomy}:${key}`)) {
      errors.push({
        field,
        message: `"${key}" is not one of: ${labels
          .termsOf(taxonomy)
          .map((t) => t.key)
          .join(', ')}`,
      });
    }
  }
  return errors;
}
