import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import { cliActor } from '../audit/record.ts';
import { auditLog } from '../audit/schema.ts';
import { replaceConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { sessions } from './schema.ts';
import { addUser, disableUser, issuePasswordLink, resolveGrant } from './service.ts';
import { formRequest, testSession } from './test-sessions.ts';
import { maxFailuresPerAccount } from './throttle.ts';

describe('passwords', () => {
  it('verifies the right password only, with a salt of its own per hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterx', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

describe.each(testBackends)('accounts over HTTP (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const password = 'a long enough secret 1';

  /** The anonymous CSRF cookie and token a sign-in page hands out. */
  async function signInForm(lang = 'en') {
    const response = await app.request(`/${lang}/sign-in`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? '';
    return { cookie, token };
  }

  async function signIn(email: string, pass: string, lang = 'en', headers: Record<string, string> = {}) {
    const { cookie, token } = await signInForm(lang);
    return app.request(`/${lang}/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ email, password: pass, _csrf: token, next: '/en/account' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const grant = await resolveGrant(database.db, 'reporter', { party: 'CAN' });
    await addUser(database.db, cliActor, { email: 'Officer@Example.org', grant, password });
  });
  afterAll(() => database.close());

  it('signs in with a session cookie that is HttpOnly, SameSite and Secure on loopback', async () => {
    const response = await signIn('officer@example.org', password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/account');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/ipcoop_session=[\w-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const session = /ipcoop_session=[\w-]+/.exec(cookie)?.[0] ?? '';
    const account = await app.request('/en/account', { headers: { Cookie: session } });
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('private, no-store');
    expect(await account.text()).toContain('Reporting officer for Canada');
  });

  it('refuses a wrong password in the page language, and a form without its CSRF token', async () => {
    const wrong = await signIn('officer@example.org', 'not the password', 'fr', {
      'X-Forwarded-For': '10.0.0.1',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('L’adresse électronique ou le mot de passe n’est pas correct.');
    const forged = await app.request('/en/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'officer@example.org', password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);
    const { cookie, token } = await signInForm();
    const crossSite = await app.request('/en/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'officer@example.org', password, _csrf: token }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        Origin: 'https://evil.example',
      },
    });
    expect(crossSite.status).toBe(403);
  });

  it('slows down guessing: after repeated failures even the right password waits', async () => {
    const grant = await resolveGrant(database.db, 'secretariat', {});
    await addUser(database.db, cliActor, { email: 'target@example.org', grant, password });
    for (let i = 0; i < maxFailuresPerAccount; i++) {
      expect((await signIn('target@example.org', `guess ${i}`)).status).toBe(401);
    }
    const blocked = await signIn('target@example.org', password);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/Try again in \d+ minutes/);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const one = await testSession(database.db, 'many@example.org', 'reporter', { party: 'CAN' });
    const two = await testSession(database.db, 'many@example.org', 'reporter', { party: 'CAN' });
    const out = await app.request('/en/account/sign-out-everywhere', formRequest(one, {}));
    expect(out.status).toBe(200);
    for (const session of [one, two]) {
      const page = await app.request('/en/account', { headers: { Cookie: session.cookie } });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/en/sign-in?next=%2Fen%2Faccount');
    }
  });

  it('sets a password through a one-time link, which then stops working', async () => {
    const grant = await resolveGrant(database.db, 'focal-point', { party: 'KEN' });
    const { id } = await addUser(database.db, cliActor, { email: 'new@example.org', grant });
    const token = await issuePasswordLink(database.db, cliActor, id);
    const { cookie, token: csrf } = await signInForm();
    const post = (fields: Record<string, string>) =>
      app.request(`/es/account/password/${token}`, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, _csrf: csrf }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      });
    const short = await post({ password: 'short', repeat: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('La contraseña debe tener al menos 12 caracteres.');
    expect((await post({ password: 'twelve chars long', repeat: 'twelve chars long' })).status).toBe(200);
    expect((await signIn('new@example.org', 'twelve chars long')).status).toBe(303);
    expect((await app.request(`/es/account/password/${token}`)).status).toBe(404);
  });

  it('a disabled account can no longer sign in, and its sessions end; all of it is audited', async () => {
    const session = await testSession(database.db, 'leaver@example.org', 'reporter', { party: 'CAN' });
    await disableUser(database.db, cliActor, session.userId);
    expect((await app.request('/en/account', { headers: { Cookie: session.cookie } })).status).toBe(303);
    const trail = await database.db.select().from(auditLog);
    expect(trail.some((row) => row.action === 'disable' && row.recordId === String(session.userId))).toBe(
      true,
    );
  });

  it('sends a signed-out visitor of a private page to sign in, and never back to another site', async () => {
    const response = await app.request('/fr/workspace');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/fr/sign-in?next=%2Ffr%2Fworkspace');
    const { cookie, token } = await signInForm();
    const offsite = await app.request('/en/sign-in', {
      method: 'POST',
      body: new URLSearchParams({
        email: 'officer@example.org',
        password,
        _csrf: token,
        next: '//evil.example/',
      }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    });
    expect(offsite.headers.get('location')).toBe('/en/workspace');
  });

  it('counts parallel guesses: they cannot all slip past the throttle', async () => {
    const grant = await resolveGrant(database.db, 'secretariat', {});
    await addUser(database.db, cliActor, { email: 'parallel@example.org', grant, password });
    const attempts = await Promise.all(
      Array.from({ length: maxFailuresPerAccount + 4 }, (_, i) =>
        signIn('parallel@example.org', `guess ${i}`),
      ),
    );
    expect(attempts.filter((r) => r.status === 401)).toHaveLength(maxFailuresPerAccount);
    expect(attempts.filter((r) => r.status === 429)).toHaveLength(4);
  });

  it('takes forms from the public address behind a TLS proxy, and strips NUL from every field', async () => {
    const { cookie, token } = await signInForm();
    const proxied = await app.request('http://hub.example/en/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'nobody\u0000@example.org', password: 'x', _csrf: token }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        Origin: 'https://hub.example',
        'X-Forwarded-Proto': 'https',
      },
    });
    // Refused by the origin check unless the proxy is trusted.
    expect(proxied.status).toBe(403);
    const restore = replaceConfig({ trustProxy: true });
    try {
      const trusted = await app.request('http://hub.example/en/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ email: 'nobody\u0000@example.org', password: 'x', _csrf: token }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: cookie,
          Origin: 'https://hub.example',
          'X-Forwarded-Proto': 'https',
        },
      });
      expect(trusted.status).toBe(401);
      expect(await trusted.text()).toContain('value="nobody@example.org"');
    } finally {
      restore();
    }
  });

  it('clears ended sessions when someone signs in', async () => {
    const stale = await testSession(database.db, 'stale@example.org', 'reporter', { party: 'CAN' });
    await database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, stale.userId));
    await testSession(database.db, 'fresh@example.org', 'reporter', { party: 'CAN' });
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, stale.userId))).toEqual([]);
  });

  it('keeps public pages free of cookies so they stay cacheable', async () => {
    const home = await app.request('/en/');
    expect(home.headers.get('set-cookie')).toBeNull();
    expect(home.headers.get('cache-control')).toContain('public');
  });
});
