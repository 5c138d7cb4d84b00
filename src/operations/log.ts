import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import pino from 'pino';

/** The request being served, for every log line written while serving it. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * One JSON object per line on standard output, each with the request id when written while
 * serving a request. Quiet under the test runner unless IPCOOP_LOG_LEVEL says otherwise.
 */
export const logger = pino({
  level: process.env.IPCOOP_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
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
