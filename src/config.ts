import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The environment, read once and checked with zod: the only module that reads process.env.
 * docs/configuration.md describes every variable; a value that cannot be used stops the command
 * at start-up with one line per variable (`PORT: expected a port number 1–65535, got "abc"`).
 */
export type Config = {
  /** PORT: where `ipcoop serve` listens. */
  port: number;
  /** HOST */
  host: string;
  /** DATABASE_URL: a PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  /** IPCOOP_DATA_DIR: the embedded database's folder. */
  dataDir: string;
  /** IPCOOP_SEEDS_DIR: where the demo reads its source documents (unset: found beside the checkout). */
  seedsDir: string | undefined;
  /** IPCOOP_PUBLIC_URL: the hub's address as people reach it, without a trailing slash. */
  publicUrl: string | undefined;
  /** IPCOOP_SMTP_URL: mail is sent only when it is set. */
  smtpUrl: string | undefined;
  /** IPCOOP_MAIL_FROM */
  mailFrom: string;
  /** IPCOOP_TRUST_PROXY: believe X-Forwarded-Proto and X-Forwarded-For. */
  trustProxy: boolean;
  /** IPCOOP_DEBUG: print the stack of a failed command. */
  debug: boolean;
  /** CHROMIUM_PATH: the browser the end-to-end tests drive. */
  chromiumPath: string;
  /** IPCOOP_TEST_PG_URL: the server on which each test file creates a database of its own. */
  testDatabaseUrl: string;
  /** IPCOOP_METRICS: serve Prometheus metrics at /metrics to anyone who reaches the port. */
  metricsOpen: boolean;
  /** IPCOOP_METRICS_TOKEN: serve /metrics only with "Authorization: Bearer <token>". */
  metricsToken: string | undefined;
  /** IPCOOP_LOG_LEVEL (silent under the test runner, which sets VITEST, unless set). */
  logLevel: LogLevel;
  /** IPCOOP_KEEP_ALIVE_SECONDS: how long an idle keep-alive connection stays open. */
  keepAliveSeconds: number;
  /** IPCOOP_SHUTDOWN_SECONDS: on SIGTERM, how long requests in flight may take to finish. */
  shutdownSeconds: number;
  /** IPCOOP_CACHE_DIR: where finished downloads are kept (several processes may share it). */
  cacheDir: string;
  /** IPCOOP_DOWNLOAD_CACHE_MB: how much of it downloads may take; 0 keeps none. */
  downloadCacheMb: number;
};

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** What each variable must hold, in the words of the start-up message; secrets are never echoed. */
const expectations: Record<string, { expected: string; secret?: boolean }> = {
  PORT: { expected: 'a port number 1–65535' },
  HOST: { expected: 'an address to listen on, such as 0.0.0.0 or 127.0.0.1' },
  DATABASE_URL: {
    expected: 'a PostgreSQL URL such as postgres://user:password@host:5432/database',
    secret: true,
  },
  IPCOOP_DATA_DIR: { expected: 'a folder' },
  IPCOOP_SEEDS_DIR: { expected: 'a folder' },
  IPCOOP_PUBLIC_URL: { expected: 'an http:// or https:// address such as https://ipcoop.example.org' },
  IPCOOP_SMTP_URL: { expected: 'an SMTP URL such as smtps://user:password@mail.example.org', secret: true },
  IPCOOP_MAIL_FROM: { expected: 'a sender such as "ipcoop <no-reply@example.org>"' },
  IPCOOP_TRUST_PROXY: { expected: '1 (trust the proxy) or 0' },
  IPCOOP_DEBUG: { expected: '1 or 0' },
  CHROMIUM_PATH: { expected: 'the path of a Chromium executable' },
  IPCOOP_TEST_PG_URL: {
    expected: 'a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test',
    secret: true,
  },
  IPCOOP_METRICS: { expected: '1 or 0' },
  IPCOOP_METRICS_TOKEN: { expected: 'a token of at least 16 characters', secret: true },
  IPCOOP_LOG_LEVEL: { expected: `one of ${logLevels.join(', ')}` },
  IPCOOP_KEEP_ALIVE_SECONDS: { expected: 'a whole number of seconds 1–3600' },
  IPCOOP_SHUTDOWN_SECONDS: { expected: 'a whole number of seconds 1–600' },
  IPCOOP_CACHE_DIR: { expected: 'a folder' },
  IPCOOP_DOWNLOAD_CACHE_MB: { expected: 'a whole number of megabytes 0–1000000' },
  VITEST: { expected: 'set by the test runner' },
};

/** Every variable ipcoop reads. */
export const variableNames = Object.keys(expectations);

const isUrl = (protocols: string[]) => (value: string) => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const text = z.string().trim().min(1);
const port = text
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535);
const seconds = (max: number) =>
  text
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max);
const postgresUrl = text.refine(isUrl(['postgres:', 'postgresql:']));
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no']))
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** An unset or blank variable takes the default (or stays undefined). */
function setting<T>(schema: z.ZodType<T>): z.ZodType<T | undefined>;
function setting<T>(schema: z.ZodType<T>, fallback: T): z.ZodType<T>;
function setting<T>(schema: z.ZodType<T>, fallback?: T) {
  return z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      schema.optional(),
    )
    .transform((value) => value ?? fallback);
}

const environment = z.object({
  PORT: setting(port, 3000),
  HOST: setting(text, '0.0.0.0'),
  DATABASE_URL: setting(postgresUrl),
  IPCOOP_DATA_DIR: setting(text, './data'),
  IPCOOP_SEEDS_DIR: setting(text),
  IPCOOP_PUBLIC_URL: setting(
    text.refine(isUrl(['http:', 'https:'])).transform((url) => url.replace(/\/+$/, '')),
  ),
  IPCOOP_SMTP_URL: setting(text.refine(isUrl(['smtp:', 'smtps:']))),
  IPCOOP_MAIL_FROM: setting(text.regex(/@/), 'ipcoop <no-reply@localhost>'),
  IPCOOP_TRUST_PROXY: setting(flag, false),
  IPCOOP_DEBUG: setting(flag, false),
  CHROMIUM_PATH: setting(text, '/usr/bin/chromium'),
  IPCOOP_TEST_PG_URL: setting(postgresUrl, 'postgres://postgres@127.0.0.1:5432/test'),
  IPCOOP_METRICS: setting(flag, false),
  IPCOOP_METRICS_TOKEN: setting(text.min(16)),
  IPCOOP_LOG_LEVEL: setting(z.enum(logLevels)),
  IPCOOP_KEEP_ALIVE_SECONDS: setting(seconds(3600), 75),
  IPCOOP_SHUTDOWN_SECONDS: setting(seconds(600), 25),
  IPCOOP_CACHE_DIR: setting(text, join(tmpdir(), 'ipcoop-cache')),
  IPCOOP_DOWNLOAD_CACHE_MB: setting(
    text
      .regex(/^\d{1,7}$/)
      .transform(Number)
      .refine((n) => n <= 1_000_000),
  ),
  VITEST: setting(text),
});

/** One line per variable that cannot be used. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and checks the given environment; throws a ConfigError naming every bad variable. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new ConfigError(
      names.map((name) => {
        const { expected, secret } = expectations[name] ?? { expected: 'another value' };
        return secret
          ? `${name}: expected ${expected}; the value set is not one (not shown, as it may hold a password)`
          : `${name}: expected ${expected}, got ${JSON.stringify(env[name])}`;
      }),
    );
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.IPCOOP_DATA_DIR,
    seedsDir: v.IPCOOP_SEEDS_DIR,
    publicUrl: v.IPCOOP_PUBLIC_URL,
    smtpUrl: v.IPCOOP_SMTP_URL,
    mailFrom: v.IPCOOP_MAIL_FROM,
    trustProxy: v.IPCOOP_TRUST_PROXY,
    debug: v.IPCOOP_DEBUG,
    chromiumPath: v.CHROMIUM_PATH,
    testDatabaseUrl: v.IPCOOP_TEST_PG_URL,
    metricsOpen: v.IPCOOP_METRICS,
    metricsToken: v.IPCOOP_METRICS_TOKEN,
    logLevel: v.IPCOOP_LOG_LEVEL ?? (v.VITEST ? 'silent' : 'info'),
    keepAliveSeconds: v.IPCOOP_KEEP_ALIVE_SECONDS,
    shutdownSeconds: v.IPCOOP_SHUTDOWN_SECONDS,
    cacheDir: v.IPCOOP_CACHE_DIR,
    // Test files open hundreds of throwaway databases: their downloads are not worth keeping.
    downloadCacheMb: v.IPCOOP_DOWNLOAD_CACHE_MB ?? (v.VITEST ? 0 : 512),
  };
}

let current: Config | undefined;

/** The process's settings, read from process.env on first use and kept. */
export function config(): Config {
  current ??= readConfig(process.env);
  return current;
}

/**
 * Changes some settings for the rest of the process (a test trying a proxy setup, say) and
 * returns the function that puts the previous ones back.
 */
export function replaceConfig(changes: Partial<Config>): () => void {
  const previous = config();
  current = { ...previous, ...changes };
  return () => {
    current = previous;
  };
}
