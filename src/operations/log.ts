import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import pino from 'pino';
import { ConfigError, config, type LogLevel } from '../config.ts';

/** The request being served, for every log line written while serving it. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * One JSON object per line on standard output, each with the request id when written while
 * serving a request. Quiet under the test runner unless IPCOOP_LOG_LEVEL says otherwise.
 */
export const logger = pino({
  level: configuredLevel(),
  base: { service: 'ipcoop' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => {
    const scope = requestScope.getStore();
    return scope ? { requestId: scope.requestId } : {};
  },
});

/** Sends what the code writes with console.* to the JSON log, so that every line is JSON. */
export function routeConsoleToLog() {
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) => {
    const error = args.find((arg) => arg instanceof Error);
    if (error && args.length === 1) logger.error({ err: error }, (error as Error).message);
    else logger.error(error ? { err: error } : {}, format(...args));
  };
}

/** The configured level; a bad environment is reported by the command itself, in one line. */
function configuredLevel(): LogLevel {
  try {
    return config().logLevel;
  } catch (error) {
    if (error instanceof ConfigError) return 'info';
    throw error;
  }
}
