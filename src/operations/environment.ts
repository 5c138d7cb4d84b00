import { type Config, config } from '../config.ts';

/** What the operations side (metrics, HTTP timeouts) needs of the configuration. */
export type OperationsSettings = {
  metrics: { enabled: boolean; token: string | undefined };
  /**
   * How long an idle keep-alive connection stays open. Longer than any proxy's own idle timeout
   * (nginx 60 s, AWS ALB 60 s), so the proxy always closes first and never reuses a connection
   * the app is closing: that race is what resets requests.
   */
  keepAliveSeconds: number;
  /** On SIGTERM, how long requests in flight may take to finish before the process ends anyway. */
  shutdownSeconds: number;
};

export function operationsSettings(settings: Config = config()): OperationsSettings {
  return {
    metrics: {
      enabled: settings.metricsOpen || settings.metricsToken !== undefined,
      token: settings.metricsToken,
    },
    keepAliveSeconds: settings.keepAliveSeconds,
    shutdownSeconds: settings.shutdownSeconds,
  };
}
