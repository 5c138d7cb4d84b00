import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, issuePasswordLink, resolveGrant, setPasswordWithLink } from '../accounts/service.ts';
import { attemptSignIn } from '../accounts/sign-in.ts';
import { countSignInTry, maxFailuresPerAccount, maxFailuresPerAddress } from '../accounts/throttle.ts';
import { createApp } from '../app.tsx';
import { cliActor } from '../audit/record.ts';
import { replaceConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { addressNetwork } from './address.ts';
import { publicFormLimits } from './request-guards.tsx';

describe('the network a request is counted against', () => {
  it('takes IPv4 as it is and IPv6 by its /64', () => {
    expect(addressNetwork('192.0.2.7')).toBe('192.0.2.7');
    expect(addressNetwork('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressNetwork('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(addressNetwork('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressNetwork('[2001:db8:1:3::1]')).toBe('2001:db8:1:3::/64');
    expect(addressNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressNetwork('unknown')).toBe('unknown');
  });
});

describe.each(testBackends)('holes closed (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
  }, 120_000);
  afterAll(() => database.close());

  it('answers a malformed form on every POST route with 400 in the page’s language, anonymous or not', async () => {
    const posts = [...new Set(app.routes.filter((r) => r.method === 'POST').map((r) => r.path))];
    expect(posts.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const pattern of posts) {
      const path = pattern
        .replace(/:lang\{[^}]*\}/, 'fr')
        .replace(/:token\{[^}]*\}/, 'x'.repeat(43))
        .replace(/:action\{\(\?:(\w+)[^}]*\}/, '$1')
        .replace(/:\w+\{\[0-9\]\+\}/g, '1');
      for (const [type, body] of [
        ['multipart/form-data', 'x'],
        ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut'],
      ] as const) {
        const response = await app.request(path, {
          method: 'POST',
          headers: { 'Content-Type': type, 'X-Forwarded-For': '198.51.100.1' },
          body,
        });
        const html = await response.text();
        if (response.status !== 400 || !html.includes('Le formulaire n’a pas pu être lu'))
          failures.push(`${pattern} (${type}): ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('holds the per-network sign-in limit under parallel tries for many accounts', async () => {
    // Counting is what must hold under parallel tries; the password check after it is scrypt, slow on purpose.
    const tries = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        countSignInTry(database.db, `unknown${i}@example.org`, '203.0.113.9'),
      ),
    );
    expect(tries.filter((t) => t.allowed)).toHaveLength(maxFailuresPerAddress);
    const [refused] = await Promise.all([
      attemptSignIn(database.db, 'one.more@example.org', 'wrong password', '203.0.113.9'),
    ]);
    expect(refused).toMatchObject({ outcome: 'throttled' });
    // Another address of the same IPv6 /64 shares the count; another network does not.
    await Promise.all(
      Array.from({ length: maxFailuresPerAddress }, (_, i) =>
        countSignInTry(database.db, `v6-${i}@example.org`, `2001:db8:7:1::${i + 1}`),
      ),
    );
    expect((await countSignInTry(database.db, 'v6@example.org', '2001:db8:7:1:ffff::1')).allowed).toBe(false);
    expect((await countSignInTry(database.db, 'v6@example.org', '2001:db8:7:2::1')).allowed).toBe(true);
  });

  it('never locks the owner out from another network, nor after a mailed password link', async () => {
    const password = 'correct horse battery staple';
    const grant = await resolveGrant(database.db, 'secretariat', {});
    const { id } = await addUser(database.db, cliActor, { email: 'owner@example.org', grant, password });
    const guesses = await Promise.all(
      Array.from({ length: maxFailuresPerAccount + 3 }, () =>
        attemptSignIn(database.db, 'owner@example.org', 'a guess', '198.51.100.66'),
      ),
    );
    expect(guesses.filter((t) => t.outcome === 'refused')).toHaveLength(maxFailuresPerAccount);
    const fromThere = await attemptSignIn(database.db, 'owner@example.org', password, '198.51.100.66');
    expect(fromThere).toMatchObject({ outcome: 'throttled' });
    expect((fromThere as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    const fromElsewhere = await attemptSignIn(database.db, 'owner@example.org', password, '192.0.2.10');
    expect(fromElsewhere).toMatchObject({ outcome: 'accepted', userId: id });
    // A password set through a link clears the account's counts, wherever the guesses came from.
    const link = await issuePasswordLink(database.db, cliActor, id);
    await setPasswordWithLink(database.db, link, 'a brand new password');
    expect(
      await attemptSignIn(database.db, 'owner@example.org', 'a brand new password', '198.51.100.66'),
    ).toMatchObject({ outcome: 'accepted' });
  });

  it('answers 429 with Retry-After on the public forms, per network', async () => {
    const nominate = publicFormLimits.find((rule) => rule.name === 'nominate');
    const post = (address: string) =>
      app.request('/es/programmes/editions/999/nominate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': address },
        body: 'candidate_name=A',
      });
    const restore = replaceConfig({ trustProxy: true });
    try {
      for (let i = 0; i < (nominate?.limit.max ?? 0); i++)
        expect((await post(`2001:db8:9:9::${i}`)).status).not.toBe(429);
      const refused = await post('2001:db8:9:9:abcd::1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.text()).toContain('Demasiadas solicitudes');
      expect((await post('2001:db8:9:a::1')).status).not.toBe(429);
      // The sign-in form says how long to wait too.
      await Promise.all(
        Array.from({ length: maxFailuresPerAddress }, (_, i) =>
          countSignInTry(database.db, `x${i}@example.org`, '198.51.100.200'),
        ),
      );
      const signIn = await app.request('/fr/sign-in', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': '198.51.100.200',
          Cookie: `ipcoop_csrf=${'c'.repeat(43)}`,
        },
        body: new URLSearchParams({ email: 'late@example.org', password: 'p', _csrf: 'c'.repeat(43) }),
      });
      expect(signIn.status).toBe(429);
      expect(Number(signIn.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await signIn.text()).toContain('Trop de tentatives');
    } finally {
      restore();
    }
  });
});
