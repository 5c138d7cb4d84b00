import { openDatabase } from './src/db/database.ts';
import { keepMatchIndex, matchInMemory } from './src/activities/match-index/live-index.ts';
import { activityFilters } from './src/activities/service.ts';
import { facetLimit } from './src/activities/facets.ts';
import { pageInMemory } from './src/activities/service.ts';
import { sampleQueries } from './bench/synthetic-registry.ts';
const main = async () => {
  const database = await openDatabase({ kind: 'server', url: 'postgres://postgres@127.0.0.1:5432/ipcoop_bench_200000_42' });
  const t0 = performance.now();
  await keepMatchIndex(database.db);
  console.log('build', performance.now() - t0, 'rss', process.memoryUsage().rss / 1e6);
  const rows: string[] = [];
  for (let round = 0; round < 2; round++) for (const q of sampleQueries) {
    const f = activityFilters.parse({ q });
    const c0 = process.cpuUsage(); const a = performance.now();
    const m = await matchInMemory(database.db, f);
    const b = performance.now();
    if (!m) { rows.push(`${q}: PG`); continue; }
    const facets = m.index.facets(m.set, facetLimit);
    const c = performance.now();
    const ids = pageInMemory(m, f, 0, 20);
    const d = performance.now();
    const cpu = process.cpuUsage(c0);
    if (round === 1) rows.push(`${q.padEnd(28)} n=${String(facets.total).padStart(6)} match=${(b-a).toFixed(1)} facets=${(c-b).toFixed(1)} page=${(d-c).toFixed(1)} cpu=${((cpu.user+cpu.system)/1000).toFixed(1)}`);
  }
  console.log(rows.join('\n'));
  await database.close();
};
main();
