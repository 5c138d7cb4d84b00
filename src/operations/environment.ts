import { z } from 'zod';

/**
 * The operations settings, read from the environment once and checked. Every variable of the
 * operations side (logs, metrics, HTTP timeouts) is read here and nowhere else.
 */
const schema = z.object({
  /** "1" serves Prometheus metrics at /metrics to anyone who can reach the port. */
  IPCOOP_METRICS: z.enum(['0', '1']).default('0'),
  /** Serves /metrics only to requests with "Authorization: Bearer <token>". */
  IPCOOP_METRICS_TOKEN: z.string().min(16, 'IPCOOP_METRICS_TOKEN must be at least 16 characters').optional(),
  IPCOOP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).optional(),
  /**
   * How long an idle keep-alive connection stays open. Longer than any proxy's own idle timeout
   * (nginx 60 s, AWS ALB 60 s), so the proxy always closes first and never reuses a connection
   * the app is closing: that race is what resets requests.
   */
  IPCOOP_KEEP_ALIVE_SECONDS: z.coerce.number().int().min(1).max(3600).default(75),
  /** On SIGTERM, how long requests in flight may take to finish before the process ends anyway. */
  IPCOOP_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
});

export type OperationsSettings = {
  metrics: { enabled: boolean; token: string | undefined };
  logLevel: z.infer<typeof schema>['IPCOOP_LOG_LEVEL'];
  keepAliveSeconds: number;
  shutdownSeconds: number;
};

export function operationsSettings(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid setting: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const values = parsed.data;
  return {
    metrics: {
      enabled: values.IPCOOP_METRICS === '1' || values.IPCOOP_METRICS_TOKEN !== undefined,
      token: values.IPCOOP_METRICS_TOKEN,
    },
    logLevel: values.IPCOOP_LOG_LEVEL,
    keepAliveSeconds: values.IPCOOP_KEEP_ALIVE_SECONDS,
    shutdownSeconds: values.IPCOOP_SHUTDOWN_SECONDS,
  };
}
