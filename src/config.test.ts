import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, config, readConfig, replaceConfig, variableNames } from './config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('takes the documented defaults when nothing is set, and treats a blank value as unset', () => {
    const defaults = readConfig({});
    expect(defaults).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: './data',
      seedsDir: undefined,
      publicUrl: undefined,
      smtpUrl: undefined,
      mailFrom: 'ipcoop <no-reply@localhost>',
      trustProxy: false,
      debug: false,
      chromiumPath: '/usr/bin/chromium',
      testDatabaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      metricsOpen: false,
      metricsToken: undefined,
      logLevel: 'info',
      keepAliveSeconds: 75,
      shutdownSeconds: 25,
      cacheDir: join(tmpdir(), 'ipcoop-cache'),
      downloadCacheMb: 512,
    });
    expect(readConfig({ VITEST: 'true' }).logLevel).toBe('silent');
    expect(readConfig({ VITEST: 'true' }).downloadCacheMb).toBe(0);
    expect(readConfig({ PORT: '', DATABASE_URL: ' ', IPCOOP_DATA_DIR: '' })).toEqual(defaults);
  });

  it('reads every variable into its typed setting', () => {
    const settings = readConfig({
      PORT: ' 8080 ',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://hub:secret@db.example:5432/ipcoop',
      IPCOOP_DATA_DIR: '/var/lib/ipcoop',
      IPCOOP_SEEDS_DIR: '/srv/seeds',
      IPCOOP_PUBLIC_URL: 'https://hub.example/',
      IPCOOP_SMTP_URL: 'smtps://user:pass@mail.example.org',
      IPCOOP_MAIL_FROM: 'Hub <hub@example.org>',
      IPCOOP_TRUST_PROXY: 'TRUE',
      IPCOOP_DEBUG: '1',
      CHROMIUM_PATH: '/opt/chromium/chrome',
      IPCOOP_TEST_PG_URL: 'postgres://root@127.0.0.1:5432/test',
      IPCOOP_METRICS: '1',
      IPCOOP_METRICS_TOKEN: 'a-token-of-sixteen-or-more',
      IPCOOP_LOG_LEVEL: 'warn',
      IPCOOP_KEEP_ALIVE_SECONDS: '90',
      IPCOOP_SHUTDOWN_SECONDS: '10',
      IPCOOP_CACHE_DIR: '/var/cache/ipcoop',
      IPCOOP_DOWNLOAD_CACHE_MB: '0',
    });
    expect(settings).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://hub:secret@db.example:5432/ipcoop',
      dataDir: '/var/lib/ipcoop',
      seedsDir: '/srv/seeds',
      publicUrl: 'https://hub.example',
      smtpUrl: 'smtps://user:pass@mail.example.org',
      mailFrom: 'Hub <hub@example.org>',
      trustProxy: true,
      debug: true,
      chromiumPath: '/opt/chromium/chrome',
      testDatabaseUrl: 'postgres://root@127.0.0.1:5432/test',
      metricsOpen: true,
      metricsToken: 'a-token-of-sixteen-or-more',
      logLevel: 'warn',
      keepAliveSeconds: 90,
      shutdownSeconds: 10,
      cacheDir: '/var/cache/ipcoop',
      downloadCacheMb: 0,
    });
    expect(readConfig({ IPCOOP_TRUST_PROXY: 'no' }).trustProxy).toBe(false);
  });

  it('names each bad variable once, says what it expects and what it got', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: expected a port number 1–65535, got "abc"']);
    expect(
      problemsOf({ PORT: '70000', IPCOOP_TRUST_PROXY: 'maybe', IPCOOP_PUBLIC_URL: 'hub.example' }),
    ).toEqual([
      'PORT: expected a port number 1–65535, got "70000"',
      'IPCOOP_PUBLIC_URL: expected an http:// or https:// address such as https://ipcoop.example.org, got "hub.example"',
      'IPCOOP_TRUST_PROXY: expected 1 (trust the proxy) or 0, got "maybe"',
    ]);
    expect(problemsOf({ PORT: '0' })).toHaveLength(1);
    expect(problemsOf({ IPCOOP_MAIL_FROM: 'nobody' })).toHaveLength(1);
    expect(problemsOf({ IPCOOP_DOWNLOAD_CACHE_MB: '-1' })).toHaveLength(1);
  });

  it('never repeats a value that may hold a password', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://hub:s3cret@db.example/ipcoop',
      IPCOOP_SMTP_URL: 'http://user:s3cret@mail.example.org',
      IPCOOP_TEST_PG_URL: 's3cret',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'DATABASE_URL',
      'IPCOOP_SMTP_URL',
      'IPCOOP_TEST_PG_URL',
    ]);
    for (const problem of problems) expect(problem).not.toContain('s3cret');
  });

  it('lets a test change a setting and put it back', () => {
    const before = config().trustProxy;
    const restore = replaceConfig({ trustProxy: !before });
    expect(config().trustProxy).toBe(!before);
    restore();
    expect(config().trustProxy).toBe(before);
  });
});

describe('configuration at the edges', () => {
  const sourceFiles = (readdirSync(join(root, 'src'), { recursive: true }) as string[]).filter(
    (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name),
  );

  it('is read from process.env by src/config.ts alone', () => {
    const readers = sourceFiles.filter(
      (name) => name !== 'config.ts' && readFileSync(join(root, 'src', name), 'utf8').includes('process.env'),
    );
    expect(readers).toEqual([]);
  });

  it('documents every variable in docs/configuration.md', () => {
    const documentation = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    expect(variableNames.filter((name) => !documentation.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it('has npm scripts set only variables the code reads', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const assigned = Object.values(scripts).flatMap((script) =>
      [...script.matchAll(/(?:^|\s)([A-Z][A-Z0-9_]*)=/g)].map((match) => match[1]),
    );
    expect(assigned).toContain('IPCOOP_TEST_PG_URL');
    expect(assigned.filter((name) => !variableNames.includes(name ?? ''))).toEqual([]);
  });
});
