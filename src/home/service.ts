import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { cachedWhileUnchanged } from '../http/kept-answers.ts';
import { registryVersion } from '../reports/registry-version.ts';
import { listReports, type ReportSummary } from '../reports/service.ts';

export type KeyFigures = {
  activities: number;
  reportingParties: number;
  beneficiaryParties: number;
  ldcShare: number;
};

/** Over public activities only: one that exists only in drafts (is_public false) counts nowhere. */
export async function keyFigures(db: Db): Promise<KeyFigures> {
  const [row] = await queryRows<{
    activities: number;
    ldc: number;
    reporting: number;
    beneficiaries: number;
  }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM activities WHERE is_public) AS activities,
               (SELECT count(*)::int FROM activity_search WHERE benefits_ldc) AS ldc,
               (SELECT count(DISTINCT reporting_party_code)::int FROM reports WHERE status = 'published') AS reporting,
               (SELECT count(DISTINCT b.party_code)::int FROM activity_beneficiaries b
                  JOIN activities a ON a.id = b.activity_id
                 WHERE b.party_code IS NOT NULL AND a.is_public) AS beneficiaries`,
  );
  const activities = row?.activities ?? 0;
  return {
    activities,
    reportingParties: row?.reporting ?? 0,
    beneficiaryParties: row?.beneficiaries ?? 0,
    ldcShare: activities > 0 ? (row?.ldc ?? 0) / activities : 0,
  };
}

export type HomeData = { figures: KeyFigures; latest: ReportSummary[] };

/**
 * Figures over the whole registry cost a scan: kept while the registry's version stays the same,
 * so a publication shows on the next request, in this process or another on the same database.
 */
export function homeData(db: Db): () => Promise<HomeData> {
  return cachedWhileUnchanged(
    () => registryVersion(db),
    async () => {
      const [figures, reports] = await Promise.all([keyFigures(db), listReports(db, { published: true })]);
      return { figures, latest: reports.slice(0, 10) };
    },
  );
}
