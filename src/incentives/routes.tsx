import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { idParam } from '../http/request.ts';
import { isLanguage } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { incentiveTypes, ldcSpecificities, technologySectors } from '../reports/incentives/taxonomy.ts';
import { incentiveJson, incentivesCsv, incentivesTable, incentivesXlsx } from './export.ts';
import { readIncentiveFilters } from './filters.ts';
import { incentivesText } from './messages.ts';
import {
  filterIncentives,
  incentiveFacets,
  incentivesMatching,
  publicIncentive,
  publicIncentives,
} from './service.ts';
import { IncentivePage, IncentivesListPage } from './views.tsx';

const lang = '/:lang{(?:en|fr|es)}';

/** The public side of Article 66.2 incentives: the searchable list, each incentive's page, downloads and the API. */
export function incentiveGatewayRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get(`${lang}/incentives`, async (c) => {
    const page = pageContext(c);
    // On a page, a value that is not a known one is ignored rather than refused.
    const filters = readIncentiveFilters((name) => c.req.query(name)) ?? {};
    const all = await publicIncentives(db);
    const matched = filters.q ? await incentivesMatching(db, filters.q) : undefined;
    return c.html(
      <IncentivesListPage
        page={page}
        labels={await labels()}
        rows={filterIncentives(all, filters, matched)}
        filters={filters}
        facets={incentiveFacets(all, filters, matched)}
      />,
    );
  });

  app.get(`${lang}/incentives/:id{[0-9]+}`, async (c) => {
    const row = await publicIncentive(db, idParam(c));
    if (!row) throw new NotFoundError('incentive');
    return c.html(<IncentivePage page={pageContext(c)} labels={await labels()} row={row} />);
  });

  app.get('/api/v1/incentives', async (c) => {
    const filters = readIncentiveFilters((name) => c.req.query(name));
    if (!filters)
      return problemJson(c, 400, 'Unknown filter value.', [
        {
          field: 'type, sector, specificity, ldc or party',
          message: `type: ${incentiveTypes.join(', ')}; sector: ${technologySectors.join(', ')}; specificity: ${ldcSpecificities.join(', ')}; ldc and party: a three-letter party code`,
        },
      ]);
    const matched = filters.q ? await incentivesMatching(db, filters.q) : undefined;
    const rows = filterIncentives(await publicIncentives(db), filters, matched);
    const format = c.req.query('format') ?? 'json';
    if (format === 'csv' || format === 'xlsx') {
      const language = c.req.query('lang') ?? 'en';
      if (!isLanguage(language))
        return problemJson(c, 400, 'Unknown language.', [{ field: 'lang', message: 'en, fr or es' }]);
      const table = incentivesTable(rows, language, await labels(), new URL(c.req.url).origin);
      c.header('Content-Disposition', `attachment; filename="ipcoop-incentives.${format}"`);
      if (format === 'csv')
        return c.body(incentivesCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      const workbook = await incentivesXlsx(table, incentivesText(language)('incentivesTitle'));
      return c.body(new Uint8Array(workbook), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    if (format !== 'json')
      return problemJson(c, 400, 'Unknown format.', [{ field: 'format', message: 'json, csv or xlsx' }]);
    return c.json({ total: rows.length, incentives: rows.map(incentiveJson) });
  });

  return app;
}
