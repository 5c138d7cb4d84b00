import client from 'prom-client';

/** Database pool figures, where the database has a pool (a PostgreSQL server). */
export type PoolStats = () => { total: number; idle: number; waiting: number } | null;

/**
 * Prometheus metrics of one process: requests by route and status, their latency, the database
 * pool, and Node's own (event-loop lag, memory, garbage collection).
 */
export function createMetrics(poolStats: PoolStats = () => null) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  for (const [name, pick] of [
    ['db_pool_connections', 'total'],
    ['db_pool_idle_connections', 'idle'],
    ['db_pool_waiting_requests', 'waiting'],
  ] as const) {
    new client.Gauge({
      name,
      help: `Database pool: ${pick} (0 on the embedded database, which has no pool)`,
      registers: [registry],
      collect() {
        const stats = poolStats();
        if (stats) this.set(stats[pick]);
      },
    });
  }
  return {
    registry,
    observe(method: string, route: string, status: number, seconds: number) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
