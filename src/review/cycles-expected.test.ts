import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { settings } from '../settings/schema.ts';

describe.each(testBackends)('who is expected to report, per cycle (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let secretariat: TestSession;

  const page = async (path: string) => {
    const response = await app.request(path, { headers: { Cookie: secretariat.cookie } });
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const checked = (html: string, code: string) =>
    new RegExp(`id="expected-${code}"[^>]*checked`).test(html) ||
    new RegExp(`checked[^>]*id="expected-${code}"`).test(html);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts from developed Members, the IGOs and the WTO Secretariat itself', async () => {
    const html = await page('/en/secretariat/cycles?period=2020-2021');
    expect(html).toContain('Who is expected to report');
    expect(html).toContain('the WTO Secretariat among them');
    expect(checked(html, 'WTO-OMC')).toBe(true);
    expect(checked(html, 'CAN')).toBe(true);
    expect(html).toContain('WTO Secretariat');
  });

  it('saves the Secretariat’s list for the cycle, audited, and the overview follows it', async () => {
    const response = await app.request(
      '/en/secretariat/cycles/expected',
      formRequest(secretariat, {
        period: '2020-2021',
        parties: ['CAN', 'WTO-OMC', 'WIPO'],
        add_party: 'NOR',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/en/secretariat/cycles?period=2020-2021&saved=1');
    const [row] = await database.db
      .select()
      .from(settings)
      .where(eq(settings.key, 'expectedReporters:2020-2021'));
    expect(row?.value).toEqual(['CAN', 'NOR', 'WIPO', 'WTO-OMC']);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.recordId, 'expectedReporters:2020-2021'));
    expect(audit?.action).toBe('create');
    const html = await page('/en/secretariat/cycles?period=2020-2021&saved=1');
    expect(html).toContain('The list of expected reporters was saved.');
    expect(html).toContain('4 parties expected to report');
    expect(html).toContain('data-party="NOR"');
    // Not expected this cycle and not reported: not in the table.
    expect(html).not.toContain('data-party="USA"');
    expect(checked(html, 'USA')).toBe(false);
  });

  it('starts the next cycle from the previous cycle’s list', async () => {
    const html = await page('/fr/secretariat/cycles?period=2021-2022');
    expect(html).toContain('elle reprend la liste de 2020-2021');
    expect(checked(html, 'NOR')).toBe(true);
    expect(checked(html, 'USA')).toBe(false);
    expect(html).toContain('4 parties appelées à présenter un rapport');
  });

  it('refuses an unknown party at the field, changing nothing', async () => {
    const response = await app.request(
      '/es/secretariat/cycles/expected',
      formRequest(secretariat, { period: '2021-2022', parties: ['CAN'], add_party: 'XXX' }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Parte desconocida: XXX.');
    const rows = await database.db
      .select()
      .from(settings)
      .where(eq(settings.key, 'expectedReporters:2021-2022'));
    expect(rows).toEqual([]);
  });
});
