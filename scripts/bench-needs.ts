/**
 * Times the two whole-registry reads of needs on a made-up registry in an embedded database:
 * the coverage of every Member (its counts, who responded, what was delivered, what the links
 * say) and the suggestions for one need (which ranks the donors of every published activity).
 *
 *   npx tsx scripts/bench-needs.ts [--members 40] [--activities 400] [--matching 20000] [--runs 10]
 *
 * --matching 0 skips the matching part (its seeding takes a while: the search rows are built).
 */
import { eq, sql } from 'drizzle-orm';
import { refreshActivitySearch } from '../src/activities/search-index.ts';
import { queryRows } from '../src/db/database.ts';
import { openTestDatabase } from '../src/db/test-database.ts';
import { suggestionsForNeed } from '../src/matching/service.ts';
import { coverageByMember } from '../src/needs/coverage/service.ts';
import { needs, needsAssessments } from '../src/needs/schema.ts';
import { loadReferenceLabels } from '../src/reference/labels.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const memberCount = option('members', 40);
const activityCount = option('activities', 400);
const matchingCount = option('matching', 20000);
const runs = option('runs', 10);

async function timed(label: string, work: () => Promise<unknown>) {
  await work(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${label}: median ${median.toFixed(1)} ms over ${runs} runs (min ${times[0]?.toFixed(1)} ms)`);
}

const database = await openTestDatabase('embedded');
const { db } = database;
const members = (
  await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM parties WHERE kind = 'member' ORDER BY code LIMIT ${memberCount}`,
  )
).map((row) => row.code);
const list = sql.join(
  members.map((code) => sql`${code}`),
  sql`, `,
);
// One published assessment of each Member (March 2020), five needs each.
await db.execute(sql`INSERT INTO needs_assessments (party_code, document_date, source, language, status)
  SELECT code, '2020-03', 'trips-council', 'en', 'published' FROM unnest(ARRAY[${list}]::text[]) AS code`);
await db.execute(sql`INSERT INTO needs (assessment_id, title, ip_areas, kinds_of_help, priority, status)
  SELECT a.id, jsonb_build_object('en', 'Need ' || a.party_code || ' ' || i),
         '["patents"]'::jsonb, '["training-personnel"]'::jsonb, 'medium',
         (ARRAY['open','offered','in-progress','met','withdrawn'])[1 + i % 5]
    FROM needs_assessments a, generate_series(1, 5) AS i`);

async function addActivities(count: number, offset: number) {
  const donors = sql`ARRAY['CAN','JPN','CHE','AUS','NOR','USA','GBR','DEU','FRA','SWE']`;
  const ids = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO activities (donor_party_code, title, original_language, source, start_date, end_date,
                                ip_areas, delivery_languages, is_public)
        SELECT (${donors})[1 + i % 10], jsonb_build_object('en', 'Bench activity ' || i), 'en', 'bench',
               make_date(2015 + i % 11, 1 + i % 12, 1), make_date(2016 + i % 11, 1 + i % 12, 28),
               CASE i % 4 WHEN 0 THEN ARRAY['patents'] WHEN 1 THEN ARRAY['trademarks']
                         WHEN 2 THEN ARRAY[]::text[] ELSE ARRAY['copyright','patents'] END,
               CASE i % 3 WHEN 0 THEN ARRAY['en'] WHEN 1 THEN ARRAY['fr'] ELSE ARRAY['es','en'] END, true
          FROM generate_series(${offset + 1}::int, ${offset + count}::int) AS i
        RETURNING id`,
  );
  const first = ids[0]?.id ?? 0;
  await db.execute(sql`INSERT INTO activity_beneficiaries (activity_id, position, kind, party_code, name_as_written)
    SELECT a.id, 1, 'party', m.code, m.code
      FROM activities a
      JOIN LATERAL (SELECT (ARRAY[${list}]::text[])[1 + a.id % ${members.length}] AS code) m ON true
     WHERE a.id >= ${first}`);
  await db.execute(sql`INSERT INTO activity_elements (activity_id, element, state, set_by)
    SELECT id, (ARRAY['training-personnel','laws-regulations','offices-agencies','other'])[1 + id % 4], 'suggested', 'bench'
      FROM activities WHERE id >= ${first}`);
  await refreshActivitySearch(db, ids.length ? ids.map((row) => row.id) : []);
}

await addActivities(activityCount, 0);
console.log(`${members.length} Members with 5 published needs each, ${activityCount} public activities`);
await timed('coverageByMember (every Member)', () => coverageByMember(db));

if (matchingCount > 0) {
  for (let done = activityCount; done < matchingCount; done += 2000) {
    await addActivities(Math.min(2000, matchingCount - done), done);
  }
  const labels = await loadReferenceLabels(db);
  const [row] = await db
    .select({ need: needs, assessment: needsAssessments })
    .from(needs)
    .innerJoin(needsAssessments, eq(needs.assessmentId, needsAssessments.id))
    .limit(1);
  if (!row) throw new Error('no need');
  console.log(`${matchingCount} public activities`);
  await timed('suggestionsForNeed (one need)', () => suggestionsForNeed(db, labels, row, 'en'));
  // As the first request after a publication: the registry's version moved, the activities are read again.
  await timed('suggestionsForNeed right after a change of the registry', async () => {
    await db.execute(sql`UPDATE search_state SET version = version + 1`);
    await suggestionsForNeed(db, labels, row, 'en');
  });
}
await database.close();
