import { type Context, Hono } from 'hono';
import { requireAccount } from '../accounts/guard.ts';
import { isSecretariat } from '../accounts/policy.ts';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { auditText } from './messages.ts';
import {
  type AuditFilters,
  auditChoices,
  auditCsv,
  auditPage,
  auditRowsForExport,
  parseAuditFilters,
} from './service.ts';
import { AuditPage } from './views.tsx';

/** The audit trail, for the Secretariat: GET /{lang}/secretariat/audit and its CSV export. */
export function auditRoutes(db: Db) {
  const app = new Hono();
  const base = '/:lang{(?:en|fr|es)}/secretariat';

  const filtersOf = (c: Context) => parseAuditFilters(c.req.query());

  app.get(`${base}/audit`, async (c) => {
    requireAccount(c, isSecretariat);
    const page = pageContext(c);
    const text = auditText(page.lang);
    const parsed = filtersOf(c);
    const choices = await auditChoices(db);
    if ('problems' in parsed) {
      const errors: Partial<Record<keyof AuditFilters, string>> = {};
      for (const { field, problem } of parsed.problems) errors[field] = text(problem);
      return c.html(
        <AuditPage page={page} filters={parsed.filters} errors={errors} choices={choices} result={null} />,
        400,
      );
    }
    const result = await auditPage(db, parsed.filters);
    return c.html(
      <AuditPage page={page} filters={parsed.filters} errors={{}} choices={choices} result={result} />,
    );
  });

  app.get(`${base}/audit.csv`, async (c) => {
    requireAccount(c, isSecretariat);
    const parsed = filtersOf(c);
    if ('problems' in parsed) {
      const text = auditText(pageContext(c).lang);
      const lines = parsed.problems.map(({ field, problem }) => `${field}: ${text(problem)}`);
      return c.text(lines.join('\n'), 400);
    }
    const csv = auditCsv(await auditRowsForExport(db, parsed.filters));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  });

  return app;
}
