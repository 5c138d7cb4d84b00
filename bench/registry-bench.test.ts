import { describe, expect, it } from 'vitest';
import { type BenchResult, percentile, runBenchmark } from './registry-bench.ts';
import { beneficiaryCount, mulberry32 } from './synthetic-registry.ts';

describe('registry benchmark', () => {
  it('is reproducible: the same seed gives the same numbers', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = Array.from({ length: 5 }, () => a());
    expect(first).toEqual(Array.from({ length: 5 }, () => b()));
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws mostly one to three beneficiaries, never more than thirty', () => {
    const random = mulberry32(1);
    const counts = Array.from({ length: 10_000 }, () => beneficiaryCount(random));
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
    expect(counts.filter((n) => n <= 3).length / counts.length).toBeGreaterThan(0.7);
  });

  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile([3], 95)).toBe(3);
  });

  it('loads a small registry in memory and measures the product functions', async () => {
    const result: BenchResult = await runBenchmark({
      activities: 300,
      runs: 5,
      seed: 1,
      embedded: 'memory',
      serverUrl: null,
    });
    expect(Object.keys(result).sort()).toEqual(
      ['activities', 'embedded', 'node', 'rssMb', 'runs', 'seed', 'server', 'vacuum'].sort(),
    );
    expect(result.activities).toBe(300);
    expect(result.runs).toBe(5);
    expect(result.server).toBeNull();
    expect(result.node).toBe(process.version);

    const embedded = result.embedded;
    if (!embedded) throw new Error('the embedded database was measured');
    expect(embedded.rowsByTable.activities).toBe(300);
    expect(embedded.rowsByTable.reports).toBe(50 * 30);
    expect(embedded.rowsByTable.beneficiaries).toBeGreaterThanOrEqual(300);
    expect(embedded.rowsByTable.reportActivities).toBeGreaterThanOrEqual(300);
    expect(embedded.rows).toBe(
      embedded.rowsByTable.activities +
        embedded.rowsByTable.beneficiaries +
        embedded.rowsByTable.reports +
        embedded.rowsByTable.reportActivities,
    );
    expect(embedded.loadSeconds).toBeGreaterThan(0);
    expect(embedded.rowsPerSecond).toBeGreaterThan(0);
    for (const timing of [
      embedded.fullText,
      embedded.filtered,
      embedded.facets,
      embedded.searchPage,
      embedded.matchAlone,
      embedded.countingAlone,
    ]) {
      expect(Object.keys(timing).sort()).toEqual(['cpuP95Ms', 'meanMatches', 'p50Ms', 'p95Ms']);
      expect(timing.p50Ms).toBeGreaterThan(0);
      expect(timing.p95Ms).toBeGreaterThanOrEqual(timing.p50Ms);
    }
    // The vocabulary is shared by data and queries: searches do find things.
    expect(embedded.fullText.meanMatches).toBeGreaterThan(0);
    expect(embedded.facets.meanMatches).toBeGreaterThan(0);
    expect(embedded.searchPage.meanMatches).toBeGreaterThan(0);
    // The split is measured on the same searches as the page.
    expect(embedded.matchAlone.meanMatches).toBe(embedded.searchPage.meanMatches);
    expect(embedded.countingAlone.meanMatches).toBe(embedded.searchPage.meanMatches);
    expect(embedded.indexBuildSeconds).toBeGreaterThan(0);
    expect(result.rssMb.afterEmbeddedLoad).toBeGreaterThan(0);
    expect(result.rssMb.end).toBeGreaterThan(0);
    expect(result.rssMb.afterServerLoad).toBeNull();
  }, 300_000); // migrates a fresh database and loads a registry: minutes on a busy machine
});
