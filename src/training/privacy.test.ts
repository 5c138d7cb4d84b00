import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '../accounts/roles-schema.ts';
import { users } from '../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { decideNomination } from './editions/selection.ts';
import { createNomination } from './nominations/service.ts';
import type { PersonDataExport } from './privacy.ts';
import {
  certificates,
  nominations,
  participantFiles,
  participants,
  projectComments,
  projectMilestones,
  researchProjects,
} from './schema.ts';
import { accountOf, candidateInput, insertEdition } from './test-fixtures.ts';

describe.each(testBackends)('personal data export and erasure (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestSession;
  let participantId: number;
  let nominationId: number;
  let editionId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    const demo = await seedDemo(db);
    app = createApp(database);
    editionId = await insertEdition(db, demo.programmeId, { capacity: 3 });
    coordinator = await testSession(db, 'coordinator@cipo.test', 'coordinator', { agency: 'CIPO' });
    const focal = await testSession(db, 'focal@kipi.test', 'focal-point', { party: 'KEN' });
    nominationId =
      (await createNomination(
        db,
        await accountOf(db, focal),
        editionId,
        candidateInput('Wanjiku Private'),
      )) ?? 0;
    await decideNomination(db, await accountOf(db, coordinator), nominationId, 'select', 1);
    const [participant] = await db
      .select()
      .from(participants)
      .where(eq(participants.nominationId, nominationId));
    participantId = participant?.id ?? 0;
    const own = await testSession(db, 'wanjiku@kipi.test', 'participant', { participantId });
    const post = (path: string, fields: Record<string, string>) =>
      app.request(`/en/training/participants/${participantId}${path}`, formRequest(coordinator, fields));
    await post('/project', { title: 'Private project', plan: 'Plan of Wanjiku', status: 'in-progress' });
    await post('/milestones', { title: 'First step', dueOn: '2028-12-01' });
    await post('/comments', { body: 'A comment about Wanjiku' });
    const body = new FormData();
    body.set('_csrf', own.csrf);
    body.set('file', new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'kipi.pdf'));
    await app.request(`/en/training/participants/${participantId}/presentation`, {
      method: 'POST',
      body,
      headers: { Cookie: own.cookie },
    });
    await post('/completion', { completed: '1' });
    await post('/certificate', {});
  });
  afterAll(async () => {
    await database?.close();
  });

  it('exports everything stored about the person, to the coordinator only', async () => {
    const response = await app.request(`/en/training/participants/${participantId}/export.json`, {
      headers: { Cookie: coordinator.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const data = (await response.json()) as PersonDataExport;
    expect(data.participant).toMatchObject({
      name: 'Wanjiku Private',
      email: 'wanjiku.private@kipi.example',
      partyCode: 'KEN',
    });
    expect(data.nomination).toMatchObject({ candidateName: 'Wanjiku Private', phone: '+254 20 000000' });
    expect(data.project).toMatchObject({ title: 'Private project', plan: 'Plan of Wanjiku' });
    expect(data.milestones).toHaveLength(1);
    expect(data.comments.map((c) => c.body)).toEqual(['A comment about Wanjiku']);
    expect(data.files).toEqual([
      expect.objectContaining({ fileName: 'kipi.pdf', contentType: 'application/pdf' }),
    ]);
    expect(data.files[0]).not.toHaveProperty('content');
    expect(data.certificate?.code).toMatch(/^[\w-]{22,}$/);
    expect(data.accounts).toEqual([expect.objectContaining({ email: 'wanjiku@kipi.test' })]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export-personal-data'));
    expect(audit.map((a) => [a.recordId, a.userId])).toEqual([[String(participantId), coordinator.userId]]);
  });

  it('erases the personal data, keeps the counts, and audits without copying it', async () => {
    const refused = await app.request(
      `/en/training/participants/${participantId}/erase`,
      formRequest(coordinator, {}),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Tick the box to confirm.');

    const erased = await app.request(
      `/en/training/participants/${participantId}/erase`,
      formRequest(coordinator, { confirm: 'yes' }),
    );
    expect(erased.status).toBe(303);
    const { db } = database;
    const [participant] = await db.select().from(participants).where(eq(participants.id, participantId));
    expect(participant).toMatchObject({
      editionId,
      name: 'Erased',
      email: null,
      position: null,
      gender: null,
      consentPublicName: false,
      partyCode: 'KEN',
    });
    const [nomination] = await db.select().from(nominations).where(eq(nominations.id, nominationId));
    expect(nomination).toMatchObject({
      candidateName: 'Erased',
      email: '',
      phone: null,
      motivation: '',
      status: 'selected',
    });
    expect(await db.select().from(participantFiles)).toEqual([]);
    expect(await db.select().from(researchProjects)).toEqual([]);
    expect(await db.select().from(projectMilestones)).toEqual([]);
    expect(await db.select().from(projectComments)).toEqual([]);
    expect(await db.select().from(certificates)).toEqual([]);
    expect(await db.select().from(userRoles).where(eq(userRoles.participantId, participantId))).toEqual([]);
    const [account] = await db.select().from(users).where(eq(users.email, 'wanjiku@kipi.test'));
    expect(account).toBeUndefined();

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'erase-personal-data'));
    expect(audit?.recordId).toBe(String(participantId));
    const trail = JSON.stringify(
      await db.select().from(auditLog).where(eq(auditLog.userId, coordinator.userId)),
    );
    expect(trail).not.toMatch(/Wanjiku|kipi\.example|Private project|\+254/);

    // The stored marker is shown in the reader's language wherever the name appears.
    const view = async (path: string) =>
      (await app.request(path, { headers: { Cookie: coordinator.cookie } })).text();
    const participantPage = await view(`/fr/training/participants/${participantId}`);
    expect(participantPage).toContain('<h1>Personne effacée');
    expect(participantPage).not.toContain('Erased');
    const editionPage = await view(`/es/training/editions/${editionId}`);
    expect(editionPage).toContain(`/es/training/participants/${participantId}">Persona borrada</a>`);
    expect(editionPage).toContain('<strong>Persona borrada</strong>');
    expect(editionPage).not.toContain('Erased');
    expect(await view(`/en/training/editions/${editionId}`)).toContain('Erased person');

    const again = await app.request(`/en/training/participants/${participantId}/export.json`, {
      headers: { Cookie: coordinator.cookie },
    });
    expect(JSON.stringify(await again.json())).not.toMatch(/Wanjiku|kipi\.example/);
  });
  it('erases a candidate who was not selected, but a selected one only through their participant record', async () => {
    const { db } = database;
    const declinedId = (await createNomination(db, null, editionId, candidateInput('Otieno Declined'))) ?? 0;
    await decideNomination(db, await accountOf(db, coordinator), declinedId, 'decline', undefined);
    const erase = (id: number, fields: Record<string, string>) =>
      app.request(`/en/training/nominations/${id}/erase`, formRequest(coordinator, fields));
    // Refusals land on the edition page too, saying why beside the candidate.
    const unconfirmed = await erase(declinedId, {});
    expect(unconfirmed.headers.get('location')).toContain(
      `refused=eraseConfirmRequired&nomination=${declinedId}`,
    );
    const selected = await erase(nominationId, { confirm: 'yes' });
    expect(selected.headers.get('location')).toContain('refused=eraseThroughParticipant');
    const said = await app.request(selected.headers.get('location') ?? '', {
      headers: { Cookie: coordinator.cookie },
    });
    expect(await said.text()).toContain(
      'This candidate was selected: erase their data from their participant page.',
    );
    expect((await erase(declinedId, { confirm: 'yes' })).status).toBe(303);
    const [row] = await db.select().from(nominations).where(eq(nominations.id, declinedId));
    expect(row).toMatchObject({
      candidateName: 'Erased',
      email: '',
      motivation: '',
      status: 'declined',
      partyCode: 'KEN',
    });
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain('Otieno Declined');
  });
});
