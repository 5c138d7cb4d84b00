import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activities } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { type Database, inTransaction } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { editionSessions, participants, trainingEditions } from '../schema.ts';
import { accountOf } from '../test-fixtures.ts';
import { editionFormSchema } from './forms.ts';
import { updateEdition } from './service.ts';

const editionFields = {
  year: '2029',
  startDate: '2029-10-01',
  endDate: '2029-10-05',
  mode: 'in-person',
  venue: 'CIPO headquarters',
  venueCity: 'Gatineau',
  venuePartyCode: 'CAN',
  deliveryLanguages: ['en', 'fr'],
  capacity: '12',
  topics: 'IT modernization\nExaminer training',
  publicNominations: 'on',
  nominationDeadline: '2029-06-30',
};

describe.each(testBackends)('running an edition (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let programmeId: number;
  let coordinator: TestSession;
  let editionId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    programmeId = (await seedDemo(database.db)).programmeId;
    app = createApp(database);
    coordinator = await testSession(database.db, 'coordinator@cipo.test', 'coordinator', { agency: 'CIPO' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const post = (path: string, fields: Record<string, string | string[]>, session = coordinator) =>
    app.request(path, formRequest(session, fields));
  const edition = async () => {
    const [row] = await database.db.select().from(trainingEditions).where(eq(trainingEditions.id, editionId));
    if (!row) throw new Error('no edition');
    return row;
  };

  it("lists the coordinator's programmes and refuses everyone else", async () => {
    const list = await app.request('/en/training', { headers: { Cookie: coordinator.cookie } });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('WIPO-CIPO Executive Training Program');
    expect(html).toContain('2024');
    const rcmp = await testSession(database.db, 'coordinator@rcmp.test', 'coordinator', { agency: 'RCMP' });
    expect(
      await (await app.request('/en/training', { headers: { Cookie: rcmp.cookie } })).text(),
    ).not.toContain('WIPO-CIPO');
    const newForm = `/en/training/programmes/${programmeId}/editions/new`;
    expect((await app.request(newForm, { headers: { Cookie: rcmp.cookie } })).status).toBe(403);
    expect((await post(`/en/training/programmes/${programmeId}/editions`, editionFields, rcmp)).status).toBe(
      403,
    );
    const focal = await testSession(database.db, 'focal@kipi.test', 'focal-point', { party: 'KEN' });
    expect((await app.request('/en/training', { headers: { Cookie: focal.cookie } })).status).toBe(403);
    expect((await app.request('/en/training')).status).toBe(303);
    const workspace = await (
      await app.request('/en/workspace', { headers: { Cookie: coordinator.cookie } })
    ).text();
    expect(workspace).toContain('href="/en/training"');
  });

  it('creates an edition, explaining mistakes at the fields in the page language', async () => {
    const wrong = await post(`/fr/training/programmes/${programmeId}/editions`, {
      ...editionFields,
      endDate: '2029-09-01',
      venueCity: '',
      deliveryLanguages: [],
      capacity: 'many',
    });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('Le dernier jour ne peut précéder le premier.');
    expect(html).toContain('Saisissez la ville, ou choisissez la formation en ligne.');
    expect(html).toContain('Choisissez au moins une langue.');
    expect(html).toContain('Saisissez un nombre entier de 1 à 1000, ou laissez vide.');
    expect(html).toContain('aria-invalid="true"');

    const created = await post(`/en/training/programmes/${programmeId}/editions`, editionFields);
    expect(created.status).toBe(303);
    editionId = Number(/editions\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
    expect(await edition()).toMatchObject({
      year: 2029,
      status: 'planned',
      capacity: 12,
      deliveryLanguages: ['en', 'fr'],
      topics: ['IT modernization', 'Examiner training'],
      publicNominations: true,
      nominationDeadline: '2029-06-30',
    });
    // Reported as an activity from the start, not public until a report is published.
    const [activity] = await database.db
      .select()
      .from(activities)
      .where(eq(activities.id, (await edition()).activityId ?? 0));
    expect(activity).toMatchObject({
      donorPartyCode: 'CAN',
      isPublic: false,
      startDate: '2029-10-01',
      status: 'planned',
    });
  });

  it('edits the edition; online delivery needs no venue', async () => {
    const bad = await post(`/es/training/editions/${editionId}`, {
      ...editionFields,
      nominationDeadline: '2029-12-01',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('El plazo de candidaturas debe terminar el primer día o antes.');
    // Year 0 is a calendar day to JavaScript, not to PostgreSQL: refused at the field, not a 500.
    const yearZero = await post(`/fr/training/editions/${editionId}`, {
      ...editionFields,
      nominationDeadline: '0000-01-01',
    });
    expect(yearZero.status).toBe(400);
    const yearZeroHtml = await yearZero.text();
    expect(yearZeroHtml).toContain('Saisissez une date au format AAAA-MM-JJ.');
    expect(yearZeroHtml).toMatch(/id="nominationDeadline"[^>]*aria-invalid="true"/);
    const online = await post(`/en/training/editions/${editionId}`, {
      ...editionFields,
      mode: 'online',
      venueCity: '',
      venuePartyCode: '',
      startDate: '2029-11-05',
      endDate: '2029-11-09',
    });
    expect(online.status).toBe(303);
    expect(await edition()).toMatchObject({
      mode: 'online',
      venue: null,
      venueCity: null,
      startDate: '2029-11-05',
    });
    const [activity] = await database.db
      .select()
      .from(activities)
      .where(eq(activities.id, (await edition()).activityId ?? 0));
    expect(activity).toMatchObject({ startDate: '2029-11-05', deliveryMode: 'online' });
  });

  it('adds, edits and removes agenda sessions', async () => {
    const base = `/en/training/editions/${editionId}/sessions`;
    const invalid = await post(base, {
      title: '',
      kind: 'party',
      startsAt: '2029-11-05T25:00',
      speakers: '',
    });
    expect(invalid.status).toBe(400);
    const text = await invalid.text();
    expect(text).toContain('Enter a title.');
    expect(text).toContain('Choose the kind of session.');
    expect(text).toContain('Enter a date and time.');
    expect(
      (
        await post(base, {
          title: 'Opening',
          kind: 'ceremony',
          startsAt: '2029-11-05T09:00',
          speakers: 'CEO\nDDG',
        })
      ).status,
    ).toBe(303);
    expect(
      (await post(base, { title: 'Fireside', kind: 'fireside-conversation', startsAt: '', speakers: '' }))
        .status,
    ).toBe(303);
    const sessions = await database.db
      .select()
      .from(editionSessions)
      .where(eq(editionSessions.editionId, editionId));
    expect(sessions.map((s) => [s.position, s.title, s.kind, s.speakers])).toEqual([
      [1, 'Opening', 'ceremony', ['CEO', 'DDG']],
      [2, 'Fireside', 'fireside-conversation', []],
    ]);
    const [opening, fireside] = sessions;
    expect(
      (
        await post(`${base}/${opening?.id}`, {
          title: 'Opening ceremony',
          kind: 'ceremony',
          startsAt: '2029-11-05T09:30',
          speakers: 'CEO',
        })
      ).status,
    ).toBe(303);
    expect((await post(`${base}/${fireside?.id}/remove`, {})).status).toBe(303);
    const after = await database.db
      .select()
      .from(editionSessions)
      .where(eq(editionSessions.editionId, editionId));
    expect(after.map((s) => [s.title, s.startsAt, s.speakers])).toEqual([
      ['Opening ceremony', '2029-11-05T09:30', ['CEO']],
    ]);
    const page = await (
      await app.request(`/en/training/editions/${editionId}`, { headers: { Cookie: coordinator.cookie } })
    ).text();
    expect(page).toContain('Opening ceremony');
  });

  it('moves the status forward one step at a time, never back', async () => {
    const status = (to: string) => post(`/en/training/editions/${editionId}/status`, { to });
    const refusedAt = `/en/training/editions/${editionId}?refused=statusNotNext`;
    expect((await status('selection')).headers.get('location')).toBe(refusedAt);
    expect((await status('open')).headers.get('location')).toBe(
      `/en/training/editions/${editionId}?done=statusChanged`,
    );
    expect((await status('planned')).headers.get('location')).toBe(refusedAt);
    for (const next of ['selection', 'running', 'completed']) expect((await status(next)).status).toBe(303);
    expect((await edition()).status).toBe('completed');
    const [activity] = await database.db
      .select()
      .from(activities)
      .where(eq(activities.id, (await edition()).activityId ?? 0));
    expect(activity?.status).toBe('completed');
    const page = await (
      await app.request(`/en/training/editions/${editionId}`, { headers: { Cookie: coordinator.cookie } })
    ).text();
    expect(page).not.toContain(`action="/en/training/editions/${editionId}/status"`);
  });

  it('checks the capacity against selections made while the edit was saving', async () => {
    const { db } = database;
    await db.insert(participants).values({ editionId, name: 'First Seat', office: 'KIPI', partyCode: 'KEN' });
    const account = await accountOf(db, coordinator);
    const before = await edition();
    // A selection holds the edition (as decideNomination does) and adds a second participant.
    let selected!: () => void;
    let commit!: () => void;
    const seatTaken = new Promise<void>((resolve) => {
      selected = resolve;
    });
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const selection = inTransaction(db, async (t) => {
      await t.select().from(trainingEditions).where(eq(trainingEditions.id, editionId)).for('update');
      await t
        .insert(participants)
        .values({ editionId, name: 'Second Seat', office: 'KIPI', partyCode: 'KEN' });
      selected();
      await committed;
    });
    await seatTaken;
    const input = editionFormSchema.parse({
      ...editionFields,
      capacity: '1',
      publicNominations: true,
      topics: [],
    });
    const update = updateEdition(db, account, before, input);
    setTimeout(commit, 300);
    const [, result] = await Promise.all([selection, update]);
    expect(result).toEqual({ ok: false, field: 'capacity', message: 'capacityBelowSelected' });
    expect((await edition()).capacity).toBe(12);
  });
});
