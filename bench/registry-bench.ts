// npm run bench [-- --activities 200000 --runs 50 --seed 42 --vacuum --keep --target server]
//
// Loads a synthetic registry into a fresh embedded database (and, with DATABASE_URL, into a fresh
// database on that PostgreSQL server), then times the product's own search and facet functions.
// With --keep the databases are kept (embedded in .bench-data/, on the server as
// ipcoop_bench_<activities>_<seed>) and a later run with the same size and seed reuses them
// instead of loading again. --target embedded|server|both (default both) picks what to measure.
// Prints one JSON object on stdout; progress goes to stderr.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { countActivityFacets, facetLimit } from '../src/activities/facets.ts';
import { type ActivityFilters, activityFilters } from '../src/activities/filters.ts';
import { keepMatchIndex, matchInMemory } from '../src/activities/match-index/live-index.ts';
import { listActivities, matchingActivityIds } from '../src/activities/service.ts';
import { config } from '../src/config.ts';
import { type Database, openDatabase, queryRows } from '../src/db/database.ts';
import { searchPageResults } from '../src/search/service.ts';
import {
  castOfParties,
  firstYear,
  type LoadCounts,
  lastYear,
  loadRegistry,
  mulberry32,
  pick,
  popularBeneficiaries,
  type Random,
  sampleQueries,
} from './synthetic-registry.ts';

export type BenchOptions = {
  activities: number;
  runs: number;
  seed: number;
  /** VACUUM ANALYZE after the load instead of ANALYZE alone (the state after autovacuum). */
  vacuum?: boolean;
  /** Runs before measuring, to warm caches and the planner. */
  warmup?: number;
  /** 'temp-folder' (default) as the product stores data, or 'memory' for tests. */
  embedded?: 'temp-folder' | 'memory';
  /** A PostgreSQL server URL to benchmark as well; null or absent: embedded only. */
  serverUrl?: string | null;
  /** Keep the loaded databases and reuse them when they hold this size and seed already. */
  keep?: boolean;
  /** Which databases to measure (default both; the server one needs serverUrl). */
  target?: 'embedded' | 'server' | 'both';
  log?: (message: string) => void;
};

/**
 * Wall-clock percentiles, and the 95th percentile of this process's own CPU time per run (with
 * the embedded database that includes PostgreSQL's work; on a busy machine wall time is CPU time
 * plus waiting for a core).
 */
export type Timing = { p50Ms: number; p95Ms: number; cpuP95Ms: number; meanMatches: number };
export type TargetResult = {
  loadSeconds: number;
  rowsPerSecond: number;
  rows: number;
  rowsByTable: LoadCounts;
  fullText: Timing;
  filtered: Timing;
  facets: Timing;
  /** One public search page: the list and all facets, as src/search/routes.tsx gets them. */
  searchPage: Timing;
  /** For the same inputs as searchPage: finding the matches alone (words and filters, no counting). */
  matchAlone: Timing;
  /** For the same inputs: counting every facet over matches already found. */
  countingAlone: Timing;
  /** Seconds to build the in-memory search index after the load (the app does it at start). */
  indexBuildSeconds: number;
  /** Process memory once the index is built. */
  rssAfterIndexMb: number;
};
export type BenchResult = {
  activities: number;
  runs: number;
  seed: number;
  vacuum: boolean;
  embedded: TargetResult | null;
  server: TargetResult | null;
  rssMb: { afterEmbeddedLoad: number | null; afterServerLoad: number | null; end: number; peak: number };
  node: string;
};

const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

/** Nearest-rank percentile of a sample. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function measure(
  warmup: number,
  runs: number,
  random: Random,
  run: (random: Random) => Promise<number>,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run(random);
  const times: number[] = [];
  const cpu: number[] = [];
  let matches = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    matches += await run(random);
    const used = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    cpuP95Ms: round(percentile(cpu, 95)),
    meanMatches: round(matches / runs, 1),
  };
}

async function benchmarkTarget(
  database: Database,
  options: Required<Omit<BenchOptions, 'serverUrl' | 'embedded' | 'log' | 'target'>> &
    Pick<BenchOptions, 'log'>,
) {
  const log = options.log ?? (() => {});
  log(`${database.kind}: migrating ${database.location}`);
  await database.migrate();
  const started = performance.now();
  const kept = options.keep ? await keptCounts(database.db, options.activities) : null;
  if (kept) log(`${database.kind}: reusing the ${options.activities.toLocaleString('en')} activities kept`);
  else log(`${database.kind}: loading ${options.activities.toLocaleString('en')} activities`);
  const counts =
    kept ??
    (await loadRegistry(database.db, {
      activities: options.activities,
      seed: options.seed,
      vacuum: options.vacuum,
      log,
    }));
  const loadSeconds = (performance.now() - started) / 1000;
  const rows = counts.activities + counts.beneficiaries + counts.reports + counts.reportActivities;
  log(`${database.kind}: ${rows.toLocaleString('en')} rows in ${loadSeconds.toFixed(1)} s`);
  const loaded = rssMb();
  log(`${database.kind}: building the in-memory search index`);
  const indexStarted = performance.now();
  await keepMatchIndex(database.db);
  const indexBuildSeconds = (performance.now() - indexStarted) / 1000;
  const rssAfterIndexMb = rssMb();
  log(`${database.kind}: index built in ${indexBuildSeconds.toFixed(1)} s, RSS ${rssAfterIndexMb} MB`);

  // Inputs drawn from their own stream, so that they do not depend on the data size.
  const random = mulberry32(options.seed ^ 0x5eed);
  const cast = castOfParties();
  // Filters go through the same zod schema as the HTTP query string.
  const filters = (input: Record<string, string | number>) => activityFilters.parse(input);

  log(`${database.kind}: full-text search`);
  const fullText = await measure(options.warmup, options.runs, random, async (r) => {
    const result = await listActivities(
      database.db,
      filters({ q: pick(r, sampleQueries), sort: 'relevance' }),
    );
    return result.total;
  });
  log(`${database.kind}: filtered search`);
  const filtered = await measure(options.warmup, options.runs, random, async (r) => {
    const from = firstYear + Math.floor(r() * (lastYear - firstYear + 1));
    const to = Math.min(lastYear, from + Math.floor(r() * 10));
    const result = await listActivities(
      database.db,
      filters({
        donor: cast.donorPicker.pick(r).code,
        beneficiary: cast.beneficiaryPicker.pick(r).code,
        from,
        to,
      }),
    );
    return result.total;
  });
  log(`${database.kind}: facets`);
  const facets = await measure(options.warmup, options.runs, random, async (r) => {
    const result = await countActivityFacets(database.db, filters({ q: pick(r, sampleQueries) }));
    return result.total;
  });
  // The search page (src/search/service.ts, as the route calls it): a query, and in every other
  // run a popular beneficiary as well. The inputs are drawn once so that the match alone and the
  // counting alone are measured for the very same searches.
  const pageInputs = Array.from({ length: options.warmup + options.runs }, (_, n) => {
    const input: Record<string, string> = { q: pick(random, sampleQueries) };
    if (n % 2 === 1) input.beneficiary = pick(random, popularBeneficiaries);
    return filters(input);
  });
  const each = (run: (input: ActivityFilters) => Promise<number>) => {
    let n = 0;
    return measure(options.warmup, options.runs, random, () =>
      run(pageInputs[n++ % pageInputs.length] as ActivityFilters),
    );
  };
  log(`${database.kind}: search page`);
  const searchPage = await each(async (pageFilters) => {
    const results = await searchPageResults(database.db, pageFilters, () =>
      countActivityFacets(database.db, {}),
    );
    return results.total;
  });
  log(`${database.kind}: match alone, counting alone`);
  const matchAlone = await each(async (pageFilters) => {
    const memory = await matchInMemory(database.db, pageFilters);
    if (memory) return memory.set.count();
    // Not answerable from memory: the ids of every match from PostgreSQL, nothing counted.
    return (await matchingActivityIds(database.db, { ...pageFilters, sort: 'date' }, 10_000_000)).length;
  });
  const matched = new Map<ActivityFilters, Awaited<ReturnType<typeof matchInMemory>>>();
  for (const input of pageInputs) matched.set(input, await matchInMemory(database.db, input));
  const countingAlone = await each(async (pageFilters) => {
    const memory = matched.get(pageFilters);
    if (!memory) return (await countActivityFacets(database.db, pageFilters)).total;
    return memory.index.facets(memory.set, facetLimit).total;
  });
  return {
    loaded,
    result: {
      loadSeconds: round(loadSeconds),
      rowsPerSecond: Math.round(rows / loadSeconds),
      rows,
      rowsByTable: counts,
      fullText,
      filtered,
      facets,
      searchPage,
      matchAlone,
      countingAlone,
      indexBuildSeconds: round(indexBuildSeconds),
      rssAfterIndexMb,
    } satisfies TargetResult,
  };
}

/** The row counts of a kept database when it holds the wanted number of activities, else null. */
async function keptCounts(db: Database['db'], activities: number): Promise<LoadCounts | null> {
  const [row] = await queryRows<{ a: number; b: number; r: number; l: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM activities) AS a, (SELECT count(*)::int FROM activity_beneficiaries) AS b,
               (SELECT count(*)::int FROM reports) AS r, (SELECT count(*)::int FROM report_activities) AS l`,
  );
  if (!row || row.a !== activities) {
    if (row && row.a > 0) throw new Error(`The kept database holds ${row.a} activities, not ${activities}.`);
    return null;
  }
  return { activities: row.a, beneficiaries: row.b, reports: row.r, reportActivities: row.l };
}

/** Waits (up to 10 s) until no session is connected to the database. */
async function connectionsClosed(admin: pg.Client, name: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A URL for another database on the same server. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const settings = {
    activities: options.activities,
    runs: options.runs,
    seed: options.seed,
    vacuum: options.vacuum ?? false,
    warmup: options.warmup ?? 3,
    keep: options.keep ?? false,
    log,
  };
  const target = options.target ?? 'both';

  // Embedded: a fresh PGlite folder under the system temp directory, removed afterwards; or, kept,
  // one folder per size and seed under .bench-data/.
  let embedded: Awaited<ReturnType<typeof benchmarkTarget>> | null = null;
  if (target !== 'server') {
    const keptFolder = join('.bench-data', `embedded-${options.activities}-${options.seed}`);
    if (settings.keep) await mkdir(keptFolder, { recursive: true });
    const folder =
      options.embedded === 'memory'
        ? null
        : settings.keep
          ? keptFolder
          : await mkdtemp(join(tmpdir(), 'ipcoop-bench-'));
    try {
      const database = await openDatabase(
        folder ? { kind: 'embedded', dataDir: folder } : { kind: 'embedded' },
      );
      try {
        embedded = await benchmarkTarget(database, settings);
      } finally {
        await database.close();
      }
    } finally {
      if (folder && !settings.keep) await rm(folder, { recursive: true, force: true });
    }
  }

  // Server: a database of our own, created and dropped through the given URL (or kept).
  let server: Awaited<ReturnType<typeof benchmarkTarget>> | null = null;
  if (options.serverUrl && target !== 'embedded') {
    const name = settings.keep
      ? `ipcoop_bench_${options.activities}_${options.seed}`
      : `ipcoop_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: options.serverUrl });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!settings.keep || exists.rowCount === 0) {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
      try {
        const database = await openDatabase({ kind: 'server', url: withDatabase(options.serverUrl, name) });
        try {
          server = await benchmarkTarget(database, settings);
        } finally {
          await database.close();
        }
      } finally {
        // pool.end() resolves before its connections have closed; were they still open, the
        // forced drop would terminate them and the pool would throw an unhandled 'error' event.
        await connectionsClosed(admin, name);
        if (!settings.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
  }

  return {
    activities: options.activities,
    runs: options.runs,
    seed: options.seed,
    vacuum: settings.vacuum,
    embedded: embedded?.result ?? null,
    server: server?.result ?? null,
    rssMb: {
      afterEmbeddedLoad: embedded?.loaded ?? null,
      afterServerLoad: server?.loaded ?? null,
      end: rssMb(),
      peak: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    node: process.version,
  };
}

function parseArguments(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      activities: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '50' },
      seed: { type: 'string', default: '42' },
      vacuum: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      target: { type: 'string', default: 'both' },
    },
  });
  const whole = (name: 'activities' | 'runs' | 'seed', min: number) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < min) {
      throw new Error(`--${name} needs a whole number of at least ${min}, not "${values[name]}".`);
    }
    return value;
  };
  return {
    activities: whole('activities', 1),
    runs: whole('runs', 1),
    seed: whole('seed', 0),
    vacuum: values.vacuum ?? false,
    keep: values.keep ?? false,
    target: targetOf(values.target ?? 'both'),
  };
}

function targetOf(value: string): 'embedded' | 'server' | 'both' {
  if (value === 'embedded' || value === 'server' || value === 'both') return value;
  throw new Error(`--target is embedded, server or both, not "${value}".`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = parseArguments(process.argv.slice(2));
    const result = await runBenchmark({
      ...args,
      serverUrl: config().databaseUrl ?? null,
      log: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}
