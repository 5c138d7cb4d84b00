import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../accounts/schema.ts';
import { addUser, listedUser, resolveGrant } from '../accounts/service.ts';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { upsertAgencies } from '../agencies/service.ts';
import { createApp } from '../app.tsx';
import { cliActor } from '../audit/record.ts';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';

/** The people pages and the account page's password form, as a user meets them: over HTTP. */
describe.each(testBackends)('people and roles in the browser (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let admin: TestSession;
  let secretariat: TestSession;

  const cookieOf = (response: Response, name: string) =>
    new RegExp(`${name}=([^;]*)`).exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const audit = async (action: string, id: number) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.recordId, String(id))));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    await upsertAgencies(database.db, [
      { code: 'CIPO', partyCode: 'CAN', acronym: 'CIPO', name: { en: 'Canadian IP Office' } },
    ]);
    admin = await testSession(database.db, 'admin@example.org', 'admin');
    secretariat = await testSession(database.db, 'sec@example.org', 'secretariat');
  });
  afterAll(() => database?.close());

  it('lets an admin invite someone with a scoped role, shows the password link once, and audits it', async () => {
    const invited = await app.request(
      '/fr/accounts',
      formRequest(admin, {
        email: 'Coord@Example.org',
        displayName: 'Nouvelle coordinatrice',
        language: 'fr',
        role: 'coordinator',
        agency: 'cipo',
      }),
    );
    expect(invited.status).toBe(303);
    const location = invited.headers.get('location') ?? '';
    expect(location).toMatch(/^\/fr\/accounts\/\d+\?done=invited$/);
    const link = cookieOf(invited, 'ipcoop_password_link');
    expect(link).toMatch(/^\d+\.[\w-]{43}\.0$/);
    const id = Number(/accounts\/(\d+)/.exec(location)?.[1]);

    const page = await app.request(location, {
      headers: { Cookie: `${admin.cookie}; ipcoop_password_link=${link}` },
    });
    const html = await page.text();
    expect(html).toContain('Le compte est créé.');
    expect(html).toContain('Coordonnateur de formation à CIPO');
    expect(html).toContain(`/fr/account/password/${link.split('.')[1]}`);
    // Read once: the cookie is deleted by the page that shows it.
    expect(page.headers.get('set-cookie')).toMatch(/ipcoop_password_link=;/);

    const stored = await listedUser(database.db, id);
    expect(stored).toMatchObject({ email: 'coord@example.org', language: 'fr', hasPassword: false });
    expect(await audit('create', id)).toHaveLength(1);
    expect(await audit('grant-role', id)).toHaveLength(1);
    expect(await audit('issue-password-link', id)).toHaveLength(1);
  });

  it('refuses a role without its scope at the field, in the user’s language, and stores nothing', async () => {
    const before = (await database.db.select().from(users)).length;
    const en = await app.request(
      '/en/accounts',
      formRequest(admin, { email: 'someone@example.org', role: 'reporter', party: '' }),
    );
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('Choose the party this role is for.');
    const es = await app.request(
      '/es/accounts',
      formRequest(admin, { email: 'not-an-address', role: 'reporter', party: 'XXX' }),
    );
    expect(es.status).toBe(400);
    const html = await es.text();
    expect(html).toContain('Indique una dirección como nombre@ejemplo.org.');
    expect(html).toContain('Ningún Miembro tiene este código.');
    expect((await database.db.select().from(users)).length).toBe(before);
  });

  it('lets the Secretariat manage reporters and focal points, and nothing else', async () => {
    const refused = await app.request(
      '/en/accounts',
      formRequest(secretariat, { email: 'c2@example.org', role: 'coordinator', agency: 'CIPO' }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('You may not give this role.');

    const invited = await app.request(
      '/en/accounts',
      formRequest(secretariat, { email: 'reporter@example.org', role: 'reporter', party: 'KEN' }),
    );
    expect(invited.status).toBe(303);
    const id = Number(/accounts\/(\d+)/.exec(invited.headers.get('location') ?? '')?.[1]);
    const granted = await app.request(
      `/en/accounts/${id}/roles`,
      formRequest(secretariat, { role: 'focal-point', party: 'KEN' }),
    );
    expect(granted.headers.get('location')).toBe(`/en/accounts/${id}?done=granted`);
    const person = await listedUser(database.db, id);
    expect(person?.roles.map((g) => `${g.role} ${g.partyCode}`)).toEqual(['reporter KEN', 'focal-point KEN']);

    const grant = person?.roles[0]?.id;
    const withdrawn = await app.request(
      `/en/accounts/${id}/roles/${grant}/withdraw`,
      formRequest(secretariat, {}),
    );
    expect(withdrawn.headers.get('location')).toBe(`/en/accounts/${id}?done=withdrawn`);
    expect((await listedUser(database.db, id))?.roles.map((g) => g.role)).toEqual(['focal-point']);
    expect(await audit('withdraw-role', id)).toHaveLength(1);

    // An administrator's account is not the Secretariat's to change.
    const adminPage = await app.request(`/en/accounts/${admin.userId}`, {
      headers: { Cookie: secretariat.cookie },
    });
    expect(adminPage.status).toBe(403);
    const list = await app.request('/en/accounts', { headers: { Cookie: secretariat.cookie } });
    expect(await list.text()).toContain('reporter@example.org');
  });

  it('disables an account (its sessions end), enables it again, and makes a new password link', async () => {
    const target = await testSession(database.db, 'focal@example.org', 'focal-point', { party: 'GHA' });
    const disabled = await app.request(`/en/accounts/${target.userId}/disable`, formRequest(admin, {}));
    expect(disabled.headers.get('location')).toBe(`/en/accounts/${target.userId}?done=disabled`);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, target.userId))).toEqual([]);
    expect((await app.request('/en/account', { headers: { Cookie: target.cookie } })).status).toBe(303);

    const enabled = await app.request(`/en/accounts/${target.userId}/enable`, formRequest(admin, {}));
    expect(enabled.headers.get('location')).toBe(`/en/accounts/${target.userId}?done=enabled`);
    expect((await listedUser(database.db, target.userId))?.disabled).toBe(false);

    const link = await app.request(`/en/accounts/${target.userId}/password-link`, formRequest(admin, {}));
    expect(link.headers.get('location')).toBe(`/en/accounts/${target.userId}?done=linkIssued`);
    const token = cookieOf(link, 'ipcoop_password_link').split('.')[1];
    expect((await app.request(`/en/account/password/${token}`)).status).toBe(200);
    expect(await audit('disable', target.userId)).toHaveLength(1);
    expect(await audit('enable', target.userId)).toHaveLength(1);
  });

  it('lets everyone change their own password with the current one; other sessions end', async () => {
    const grant = await resolveGrant(database.db, 'reporter', { party: 'CAN' });
    const { id } = await addUser(database.db, cliActor, {
      email: 'self@example.org',
      grant,
      password: 'the first long password',
    });
    const here = await testSession(database.db, 'self@example.org', 'reporter', { party: 'CAN' });
    const elsewhere = await testSession(database.db, 'self@example.org', 'reporter', { party: 'CAN' });

    const wrong = await app.request(
      '/fr/account/password',
      formRequest(here, {
        current: 'not it',
        password: 'a brand new password',
        repeat: 'a brand new password',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Le mot de passe actuel n’est pas correct.');

    const changed = await app.request(
      '/en/account/password',
      formRequest(here, {
        current: 'the first long password',
        password: 'a brand new password',
        repeat: 'a brand new password',
      }),
    );
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe('/en/account?done=passwordChanged');
    const after = await app.request('/en/account?done=passwordChanged', { headers: { Cookie: here.cookie } });
    expect(await after.text()).toContain('Your password is changed.');
    expect((await app.request('/en/account', { headers: { Cookie: elsewhere.cookie } })).status).toBe(303);
    expect(await audit('change-password', id)).toHaveLength(1);
  });

  it('offers the people page on the workspace of admins and the Secretariat only', async () => {
    const reporter = await testSession(database.db, 'r2@example.org', 'reporter', { party: 'CAN' });
    const adminWorkspace = await (
      await app.request('/es/workspace', { headers: { Cookie: admin.cookie } })
    ).text();
    expect(adminWorkspace).toContain('Personas y funciones');
    const reporterWorkspace = await (
      await app.request('/en/workspace', { headers: { Cookie: reporter.cookie } })
    ).text();
    expect(reporterWorkspace).not.toContain('People and roles');
    expect((await app.request('/en/accounts', { headers: { Cookie: reporter.cookie } })).status).toBe(403);
  });
});
