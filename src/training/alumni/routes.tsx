import { Hono } from 'hono';
import { requirePermission, requireSignedIn } from '../../accounts/guard.ts';
import { coordinatedAgencies } from '../../accounts/policy.ts';
import type { WorkspaceEntries } from '../../accounts/workspace-entries.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import { coordinatedProgrammeIds } from '../access.ts';
import { type Labels, training } from '../route-helpers.ts';
import { alumniCsv } from './csv.ts';
import { alumniText } from './messages.ts';
import { alumniOf } from './service.ts';
import { AlumniPage } from './views.tsx';

/** The alumni of the programmes a coordinator runs, as a page and as CSV: coordinators only. */
export function alumniRoutes(db: Db, labels: Labels) {
  const app = new Hono();

  const alumniFor = async (c: Parameters<typeof requireSignedIn>[0]) => {
    const { account } = requireSignedIn(c);
    const programmeIds = await coordinatedProgrammeIds(db, account);
    requirePermission(programmeIds.length > 0);
    return alumniOf(db, programmeIds);
  };

  app.get(`${training}/alumni`, async (c) => {
    const alumni = await alumniFor(c);
    return c.html(<AlumniPage page={pageContext(c)} labels={await labels()} alumni={alumni} />);
  });

  app.get(`${training}/alumni.csv`, async (c) => {
    const alumni = await alumniFor(c);
    const { lang } = pageContext(c);
    return c.body(alumniCsv(alumni, await labels(), lang), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="alumni.csv"',
      'Cache-Control': 'private, no-store',
    });
  });

  return app;
}

/** Coordinators find the alumni list on their workspace. */
export const alumniWorkspaceEntries: WorkspaceEntries = async (account, lang) => ({
  cards: [],
  links:
    coordinatedAgencies(account).length > 0
      ? [{ href: `/${lang}/training/alumni`, label: alumniText(lang)('title') }]
      : [],
});
