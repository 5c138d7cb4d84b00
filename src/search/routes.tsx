import { Hono } from 'hono';
import { countActivityFacets } from '../activities/facets.ts';
import { activityFilters } from '../activities/filters.ts';
import { effectiveSort } from '../activities/service.ts';
import type { Db } from '../db/database.ts';
import { columnHeaders, columnKeys, defaultColumns } from '../exports/columns.ts';
import { BadRequestPage } from '../http/error-pages.tsx';
import {
  cachedByKeyWhileUnchanged,
  cachedWhileUnchanged,
  pagesKeptWhileUnchanged,
  sendPage,
} from '../http/kept-answers.ts';
import type { PageContext } from '../http/layout.tsx';
import { pageContext } from '../http/page-context.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { expandQuery } from '../reference/vocabulary.ts';
import { registryVersion } from '../reports/registry-version.ts';
import { explainInvalidFilters, explainUnknownCodes } from './explain.ts';
import {
  highlightedTitles,
  publishedReportLabel,
  type ReportLabel,
  reportBySymbol,
  suggestCorrection,
} from './lookup.ts';
import { searchText } from './messages.ts';
import { searchPageResults } from './service.ts';
import { type SearchParams, searchParamOrder } from './url.ts';
import { SearchPage } from './views.tsx';

type SearchAnswer = Awaited<ReturnType<typeof searchPageResults>> & {
  highlights: Map<number, string>;
  suggestion: Awaited<ReturnType<typeof suggestCorrection>>;
};

/** The search page: the whole state is in the URL, so a search is a link one can send. */
export function searchRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  // Without the in-memory index, the bare search page counts the whole registry: kept until the
  // registry changes (a publication in any process shows on the next request).
  const facetsOfEverything = cachedWhileUnchanged(
    () => registryVersion(db),
    () => countActivityFacets(db, {}),
  );
  // Searches people repeat (a popular word, a Member's page of results) are answered once per
  // state of the registry: the same exact results, forgotten at the next publication or change
  // in any process. 500 pages of results are a few megabytes.
  const resultsOf = cachedByKeyWhileUnchanged<SearchAnswer>(() => registryVersion(db), 500);
  const pagesOf = pagesKeptWhileUnchanged(() => registryVersion(db), 500);
  app.get('/:lang{(?:en|fr|es)}/search', async (c) => {
    const page = pageContext(c);
    const st = searchText(page.lang);
    const query = c.req.query();
    const parsed = activityFilters.safeParse(query);
    const reference = await labels();
    if (!parsed.success) {
      return c.html(
        <BadRequestPage
          page={page}
          errors={explainInvalidFilters(parsed.error.issues, page.t, reference, st)}
        />,
        400,
      );
    }
    const filters = parsed.data;
    const unknown = explainUnknownCodes(filters, page.t, reference, st);
    let report: ReportLabel | null = null;
    if (filters.report !== undefined) {
      report = await publishedReportLabel(db, filters.report);
      if (!report) {
        unknown.push({
          field: st('facetReport'),
          message: `${page.t('unknownCode', { code: String(filters.report) })} — ${st('hintReport')}`,
        });
      }
    }
    if (unknown.length > 0) return c.html(<BadRequestPage page={page} errors={unknown} />, 400);
    // A report symbol typed in the box goes to that report.
    if (filters.q) {
      const symbolOf = await reportBySymbol(db, filters.q);
      if (symbolOf !== null) return c.redirect(`/${page.lang}/reports/${symbolOf}`, 302);
    }
    const { total, items, facets, highlights, suggestion } = await resultsOf(
      `${page.lang} ${JSON.stringify(filters)}`,
      async () => {
        const results = await searchPageResults(db, filters, facetsOfEverything);
        const [highlights, suggestion] = await Promise.all([
          filters.q ? highlightedTitles(db, filters.q, results.items, page.lang) : new Map<number, string>(),
          results.total === 0 && filters.q ? suggestCorrection(db, filters) : null,
        ]);
        return { ...results, highlights, suggestion };
      },
    );
    // Links are built from the validated, normalized filters (CAN, not can), never the raw query.
    const params: SearchParams = {};
    for (const name of searchParamOrder) {
      const value = name === 'ldc' ? (filters.ldc ? '1' : undefined) : filters[name];
      if (value !== undefined && value !== '') params[name] = value;
    }
    if (filters.pageSize === 20) params.pageSize = undefined;
    const render = async (shown: PageContext) => ({
      status: 200 as const,
      html: String(
        await (
          <SearchPage
            page={shown}
            labels={reference}
            data={{
              params,
              total,
              page: filters.page,
              pageSize: filters.pageSize,
              sort: effectiveSort(filters),
              items,
              highlights,
              alsoSearched: filters.q ? expandQuery(filters.q).alsoSearched : [],
              suggestion,
              report,
              facets,
              exportColumns: columnKeys.map((key) => ({
                key,
                label: columnHeaders[key][page.lang],
                selected: defaultColumns.includes(key),
              })),
            }}
          />
        ).toString(),
      ),
    });
    return sendPage(c, await pagesOf(page, render));
  });
  return app;
}
