/*
 * Load on loopback, with figures: autocannon clients walking the request mix (./mix.ts) against
 *   --target embedded   one hub on a PGlite data folder, or
 *   --target server2    two hub processes on one PostgreSQL database behind Debian's nginx
 *                       (upstream keep-alive, as a production proxy runs), on loopback.
 *   npm run bench:load -- --clients 200 --duration 60 --target server2 [--mix ./my-mix.ts]
 *   npm run bench:load -- --clients 50 --target server2 --registry bench [--activities 200000]
 * --registry demo (default) loads the demo registry into a fresh database; --registry bench uses
 * the registry `npm run bench -- --keep` left (.bench-data/ or ipcoop_bench_<n>_<seed>) with the
 * bench's queries (mix.ts registryMix), and waits until every hub answers searches from memory.
 * --profile DIR writes each hub's CPU profile there (node --cpu-prof) when it stops.
 * Prints requests, errors by kind (resets included), non-2xx answers, latency of the whole mix
 * and of the search page alone (one more client asking only search pages, timed), the hubs'
 * RSS after a 10 s warm-up and at the end (and sampled every 2 s between), their V8 heap at both
 * points and their answering time by route (from their own /metrics); exits 1 on any error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import pg from 'pg';
import { type LoadContext, type LoadRequest, mixSequence, registryMix, requestMix } from './mix.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    target: { type: 'string', default: 'embedded' },
    mix: { type: 'string' },
    'download-timeout': { type: 'string', default: '60' },
    registry: { type: 'string', default: 'demo' },
    activities: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '42' },
    profile: { type: 'string' },
  },
});
const clients = Number(values.clients);
const duration = Number(values.duration);
const target = values.target;
if (target !== 'embedded' && target !== 'server2') throw new Error('--target is embedded or server2');
const registry = values.registry;
if (registry !== 'demo' && registry !== 'bench') throw new Error('--registry is demo or bench');
const benchActivities = Number(values.activities);
const mix: LoadRequest[] = values.mix
  ? (await import(pathToFileURL(resolve(values.mix)).href)).requestMix
  : registry === 'bench'
    ? registryMix(benchActivities)
    : requestMix;

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const serverUrl = process.env.IPCOOP_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const folder = mkdtempSync(join(tmpdir(), 'ipcoop-load-'));
const children: ChildProcess[] = [];
const hubs: Array<{ url: string; pid: number }> = [];

type HubMemory = { rss: number; heapUsed: number; heapTotal: number; external: number };

/** A hub's memory in MB: its RSS, and from its metrics the V8 heap (used, reserved) and memory outside it. */
async function hubMemory(hub: { url: string; pid: number }): Promise<HubMemory> {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  const metric = (name: string) =>
    Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? 0) / 1_048_576);
  return {
    rss: rssMb(hub.pid),
    heapUsed: metric('nodejs_heap_size_used_bytes'),
    heapTotal: metric('nodejs_heap_size_total_bytes'),
    external: metric('nodejs_external_memory_bytes'),
  };
}

/** Where the hubs spent their answering time, by route pattern: from each hub's request histogram. */
async function timeByRoute(list: Array<{ url: string }>) {
  const totals = new Map<string, { seconds: number; count: number }>();
  for (const hub of list) {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    for (const [, kind, route, value] of text.matchAll(
      /^http_request_duration_seconds_(sum|count)\{method="GET",route="([^"]*)"\} (\S+)$/gm,
    )) {
      const entry = totals.get(route ?? '') ?? { seconds: 0, count: 0 };
      if (kind === 'sum') entry.seconds += Number(value);
      else entry.count += Number(value);
      totals.set(route ?? '', entry);
    }
  }
  const all = [...totals.values()].reduce((sum, t) => sum + t.seconds, 0) || 1;
  return [...totals.entries()]
    .map(([route, t]) => ({
      route,
      count: t.count,
      meanMs: (1000 * t.seconds) / Math.max(1, t.count),
      share: (100 * t.seconds) / all,
    }))
    .sort((a, b) => b.share - a.share);
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

/** Waits until the hub answers searches from its in-memory index (it builds after start). */
async function waitSearchInMemory(url: string, seconds = 1800) {
  for (let i = 0; i < seconds; i++) {
    const state = ((await (await fetch(`${url}/readyz`)).json()) as { search?: string }).search;
    if (state === 'in memory') return;
    if (state === 'unavailable') throw new Error(`${url}: the search index could not be built`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url}: the search index was not built in ${seconds} s`);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function waitReady(url: string, seconds = 600) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

async function startHub(env: Record<string, string>, demo: boolean): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : []),
      '--import',
      'tsx',
      cli,
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      ...(demo ? ['--demo'] : []),
    ],
    {
      // Downloads kept by the hubs start empty at each run (IPCOOP_DOWNLOAD_CACHE_MB=0: none kept).
      // Metrics on (loopback only): the run reads each hub's heap beside its RSS.
      env: {
        ...process.env,
        IPCOOP_LOG_LEVEL: 'warn',
        IPCOOP_CACHE_DIR: join(folder, 'cache'),
        IPCOOP_METRICS: '1',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);
  if (child.pid) hubs.push({ url, pid: child.pid });
  return url;
}

async function startNginx(upstreams: string[]): Promise<string> {
  const port = await freePort();
  const temp = join(folder, 'nginx');
  mkdirSync(temp, { recursive: true });
  const config = join(temp, 'nginx.conf');
  writeFileSync(
    config,
    // Run as root, nginx's workers would become "nobody", who cannot write the proxy's temp files
    // in this private folder: every download larger than its buffers then stalls until timeout.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 2;
daemon off;
pid ${temp}/nginx.pid;
error_log ${temp}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp}/body; proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi; uwsgi_temp_path ${temp}/uwsgi; scgi_temp_path ${temp}/scgi;
  upstream hub {
    ${upstreams.map((u) => `server ${u.replace('http://', '')};`).join('\n    ')}
    keepalive 64;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${port};
    # nginx closes a client's connection after its 1,000th request; autocannon may already have
    # sent the next one on it (a reset the script would count). Browsers reconnect; the load
    # generator's fifty connections are kept for the whole run instead.
    keepalive_requests 1000000;
    location / {
      proxy_pass http://hub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', config, '-p', temp], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, 30);
  return url;
}

async function context(url: string): Promise<LoadContext> {
  const reports = (await (await fetch(`${url}/api/v1/reports`)).json()) as { items: Array<{ id: number }> };
  const programmes = await (await fetch(`${url}/en/programmes`)).text();
  return {
    reportId: reports.items[0]?.id ?? 1,
    programmeId: Number(/\/en\/programmes\/(\d+)/.exec(programmes)?.[1] ?? 1),
  };
}

const databaseName = `ipcoop_load_${process.pid}`;
async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const benchName = `ipcoop_bench_${benchActivities}_${values.seed}`;
const benchFolder = join('.bench-data', `embedded-${benchActivities}-${values.seed}`);
const keepsDatabase = registry === 'bench';

/**
 * Times one search page after another while the load runs: the latency a visitor would see. In a
 * thread of its own, so the timings do not include the load generator's own event-loop delays
 * (autocannon reading fifty connections and the downloads in the main thread).
 */
function probeSearchPages(url: string, paths: string[]): { stop: () => Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let running = true;
     parentPort.on('message', () => { running = false; });
     (async () => {
       const times = [];
       for (let i = 0; running; i++) {
         const started = performance.now();
         const answer = await fetch(workerData.url + workerData.paths[i % workerData.paths.length]);
         await answer.arrayBuffer();
         if (answer.ok) times.push(performance.now() - started);
       }
       parentPort.postMessage(times);
     })();`,
    { eval: true, workerData: { url, paths } },
  );
  const times = once(worker, 'message').then(([list]) => (list as number[]).sort((a, b) => a - b));
  return {
    stop: async () => {
      worker.postMessage('stop');
      const sorted = await times;
      await worker.terminate();
      return sorted;
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;

try {
  let url: string;
  if (target === 'embedded') {
    if (registry === 'bench' && !existsSync(benchFolder)) {
      throw new Error(
        `${benchFolder} is missing: run npm run bench -- --keep --target embedded --activities ${benchActivities}`,
      );
    }
    const dataDir = registry === 'bench' ? resolve(benchFolder) : join(folder, 'data');
    url = await startHub({ IPCOOP_DATA_DIR: dataDir, DATABASE_URL: '' }, registry === 'demo');
  } else {
    const name = registry === 'bench' ? benchName : databaseName;
    if (registry === 'demo') await admin(`CREATE DATABASE ${databaseName}`);
    const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    // The first loads the demo (if asked); the second starts once it is there.
    const first = await startHub({ DATABASE_URL: databaseUrl }, registry === 'demo');
    const second = await startHub({ DATABASE_URL: databaseUrl }, false);
    url = await startNginx([first, second]);
  }
  for (const hub of hubs) await waitSearchInMemory(hub.url);
  const sequence = mixSequence(mix, await context(url));
  const errors: Record<string, number> = {};
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url,
    connections: clients,
    duration,
    requests: sequence,
    // Downloads (PDF, XLSX of every activity) take longest: no client gives up on them early.
    timeout: Number(values['download-timeout']),
  };
  const instance = autocannon(options, (error, result) => (error ? fail(error) : finish(result)));
  const searchPaths = sequence.filter((r) => r.path.includes('/search')).map((r) => r.path);
  const probe = probeSearchPages(url, searchPaths.length ? searchPaths : ['/en/search?q=patent']);
  const afterWarmUp = new Promise<HubMemory[]>((resolve) =>
    setTimeout(() => resolve(Promise.all(hubs.map(hubMemory))), Math.min(10, duration / 2) * 1000),
  );
  instance.on('reqError', (error: NodeJS.ErrnoException) => {
    const kind = error.code ?? error.message;
    errors[kind] = (errors[kind] ?? 0) + 1;
  });
  // V8 lets garbage pile up between full collections, so RSS read at two instants swings with
  // the sawtooth: sampled every 2 s after the warm-up, the medians of the first and last quarter
  // of the run show whether it keeps climbing or holds a level.
  const samples: number[][] = [];
  let sampling: NodeJS.Timeout | undefined;
  const startSampling = setTimeout(
    () => {
      sampling = setInterval(() => samples.push(hubs.map((hub) => rssMb(hub.pid))), 2000);
    },
    Math.min(10, duration / 2) * 1000,
  );
  const result = await done;
  clearTimeout(startSampling);
  clearInterval(sampling);
  const searchTimes = await probe.stop();
  const memoryStart = await afterWarmUp;
  const memoryEnd = await Promise.all(hubs.map(hubMemory));
  const rssStart = memoryStart.map((m) => m.rss);
  const rssEnd = memoryEnd.map((m) => m.rss);
  console.log(
    `target:            ${target}${target === 'server2' ? ' (two hub processes behind nginx)' : ''}`,
  );
  console.log(`clients:           ${clients} for ${duration} s, ${mix.length} kinds of request`);
  console.log(`requests:          ${result.requests.total} (${Math.round(result.requests.average)}/s)`);
  console.log(`2xx / non-2xx:     ${result['2xx']} / ${result.non2xx}`);
  const byStatus = Object.entries(result.statusCodeStats ?? {}).map(
    ([code, stat]) => `${code}: ${stat.count}`,
  );
  console.log(`answers by status: ${byStatus.join(', ')}`);
  console.log(
    `errors:            ${result.errors} (timeouts ${result.timeouts}; resets ${errors.ECONNRESET ?? 0})`,
  );
  if (Object.keys(errors).length) console.log(`errors by kind:    ${JSON.stringify(errors)}`);
  console.log(
    `latency ms:        p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
  );
  console.log(
    `search page ms:    p50 ${percentile(searchTimes, 50)}, p95 ${percentile(searchTimes, 95)}, p99 ${percentile(searchTimes, 99)} (${searchTimes.length} timed by one more client)`,
  );
  const growth = rssStart.map((start, i) =>
    Math.round((100 * ((rssEnd[i] ?? 0) - start)) / Math.max(1, start)),
  );
  console.log(
    `hub RSS MB:        after warm-up ${rssStart.join(' / ')}, at the end ${rssEnd.join(' / ')} (growth ${growth.map((g) => `${g} %`).join(' / ')})`,
  );
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const levels = hubs.map((_, i) => {
    const first = median(samples.slice(0, quarter).map((row) => row[i] ?? 0));
    const last = median(samples.slice(-quarter).map((row) => row[i] ?? 0));
    const all = samples.map((row) => row[i] ?? 0);
    return `${first} → ${last} (${Math.round((100 * (last - first)) / Math.max(1, first))} %; range ${Math.min(...all)}–${Math.max(...all)})`;
  });
  console.log(`hub RSS sampled:   median of the first and last quarter, every 2 s: ${levels.join(' / ')}`);
  const routes = await timeByRoute(hubs);
  console.log('hub time by route: (all hubs, from their metrics: requests, mean ms, share of the time)');
  for (const r of routes.slice(0, 8))
    console.log(
      `  ${r.route.padEnd(40)} ${String(r.count).padStart(7)} ${r.meanMs.toFixed(1).padStart(8)} ms ${r.share.toFixed(0).padStart(4)} %`,
    );
  const heap = (m: HubMemory) => `${m.heapUsed} used of ${m.heapTotal}, external ${m.external}`;
  console.log(
    `hub heap MB:       after warm-up ${memoryStart.map(heap).join(' / ')}; at the end ${memoryEnd.map(heap).join(' / ')}`,
  );
  if (result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
} finally {
  for (const child of children.reverse()) {
    child.kill(child.spawnfile === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
  if (target === 'server2' && !keepsDatabase)
    await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => {});
  rmSync(folder, { recursive: true, force: true });
}
