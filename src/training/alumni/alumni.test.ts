import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../../demo/training-demo.ts';
import { participants } from '../schema.ts';

describe.each(testBackends)('alumni list for coordinators (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestSession;
  let focalPoint: TestSession;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    const training = await seedTrainingOperationsDemo(database.db);
    // A name typed by someone else must not run as a formula in the coordinator's spreadsheet.
    await database.db
      .update(participants)
      .set({ name: '=HYPERLINK("http://evil.example","x")' })
      .where(eq(participants.id, training.participantIds[0] as number));
    coordinator = await testSession(database.db, 'coord@example.org', 'coordinator', { agency: 'CIPO' });
    focalPoint = await testSession(database.db, 'focal@example.org', 'focal-point', { party: 'KEN' });
    app = createApp(database);
  });
  afterAll(() => database.close());

  it('lists the alumni: participants who completed an edition that has ended, marked when sample data', async () => {
    const response = await app.request('/en/training/alumni', { headers: { Cookie: coordinator.cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Four of the 2024 edition's nine completed; the one selected for 2027 has not taken part yet.
    expect(html).toContain('4 participants');
    expect(html).toContain('sample data');
    expect(html).toContain('Kenya');
    expect(html).toContain('Lucía Quispe (sample)');
    expect(html).not.toContain('Sample Participant C');
    expect(html).not.toContain('Nasrin Akter (sample)');
    const french = await (
      await app.request('/fr/training/alumni', { headers: { Cookie: coordinator.cookie } })
    ).text();
    expect(french).toContain(
      'Les personnes sélectionnées pour des éditions à venir ne sont pas encore des anciens.',
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('exports them as CSV in the page language, with no cell that runs as a formula', async () => {
    const response = await app.request('/fr/training/alumni.csv', {
      headers: { Cookie: coordinator.cookie },
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toContain('Office de PI');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('is not for anyone else', async () => {
    expect(
      (await app.request('/en/training/alumni', { headers: { Cookie: focalPoint.cookie } })).status,
    ).toBe(403);
    expect((await app.request('/en/training/alumni.csv')).status).toBe(303);
  });
});
