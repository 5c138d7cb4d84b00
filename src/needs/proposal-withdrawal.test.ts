import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { decideProposal, editProposal, proposeHelp, shortened, withdrawProposal } from './proposals.ts';
import { needProposals, needStatusChanges, needs } from './schema.ts';
import { addNeed, createAssessment, publishAssessment } from './service.ts';

describe.each(testBackends)('a donor changes or withdraws its proposal (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporterCAN: TestSession;
  let reporterUSA: TestSession;
  let focalUGA: TestSession;
  let needId: number;
  let proposalId: number;
  const actor = { userId: null, label: 'test' };

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const status = async () =>
    (await database.db.select({ status: needs.status }).from(needs).where(eq(needs.id, needId)))[0]?.status;
  const proposal = async (id = proposalId) =>
    (await database.db.select().from(needProposals).where(eq(needProposals.id, id)))[0];
  const path = (what: string, id = proposalId) => `/en/needs/${needId}/proposals/${id}/${what}`;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const assessment = await createAssessment(database.db, actor, {
      party: 'UGA',
      symbol: null,
      documentDate: null,
      source: 'trips-council',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    needId = await addNeed(
      database.db,
      actor,
      { id: assessment, language: 'en', status: 'draft' },
      {
        title: 'Awareness campaign on geographical indications',
        description: null,
        ipAreas: [],
        kindsOfHelp: ['awareness'],
        institution: null,
        priority: 'medium',
        wishedStart: null,
        wishedEnd: null,
      },
    );
    await publishAssessment(database.db, actor, assessment);
    reporterCAN = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    reporterUSA = await testSession(database.db, 'officer@uspto.example', 'reporter', { party: 'USA' });
    focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    const sent = await post(`/en/needs/${needId}/proposals`, reporterCAN, {
      owner: 'party:CAN',
      text: 'Two seminars.',
      offer: '',
    });
    expect(sent.status).toBe(303);
    proposalId = (await database.db.select({ id: needProposals.id }).from(needProposals))[0]?.id ?? 0;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows the proposing side its actions, and nobody else', async () => {
    const own = await (await get(`/en/needs/${needId}`, reporterCAN)).text();
    expect(own).toContain(`action="${path('edit')}"`);
    expect(own).toContain(`action="${path('withdraw')}"`);
    for (const other of [reporterUSA, focalUGA]) {
      const page = await (await get(`/en/needs/${needId}`, other)).text();
      expect(page).not.toContain(path('withdraw'));
    }
    expect(await (await get(`/en/needs/${needId}`)).text()).not.toContain(path('withdraw'));
  });

  it('refuses other donors and the Member, and a form without its CSRF token', async () => {
    const version = String((await proposal())?.version);
    for (const other of [reporterUSA, focalUGA]) {
      expect((await post(path('edit'), other, { text: 'Hijack', version })).status).toBe(403);
      expect((await post(path('withdraw'), other, { note: '', version })).status).toBe(403);
    }
    const anonymous = await app.request(path('withdraw'), formRequest(null, { note: '', version }));
    expect(anonymous.status).toBe(403);
    expect((await proposal())?.status).toBe('pending');
    expect((await proposal())?.text).toBe('Two seminars.');
  });

  it('changes the text of a pending proposal, version-checked, and tells the Member', async () => {
    const empty = await post(`/fr/needs/${needId}/proposals/${proposalId}/edit`, reporterCAN, {
      text: '',
      version: String((await proposal())?.version),
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Dites ce que vous proposez.');
    // Never changed yet: nothing says it was.
    expect((await proposal())?.editedAt).toBeNull();
    expect(await (await get(`/en/needs/${needId}`)).text()).not.toContain('Changed by the donor');
    const seen = String((await proposal())?.version);
    const saved = await post(path('edit'), reporterCAN, {
      text: 'Three seminars, in Kampala.',
      version: seen,
    });
    expect(saved.status).toBe(303);
    expect((await proposal())?.text).toBe('Three seminars, in Kampala.');
    const stale = await post(`/es/needs/${needId}/proposals/${proposalId}/edit`, reporterCAN, {
      text: 'Four.',
      version: seen,
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Esta propuesta cambió mientras tanto');
    expect((await proposal())?.text).toBe('Three seminars, in Kampala.');
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, focalUGA.userId));
    expect(told.map((row) => (row.params as Record<string, string>).en)).toContain(
      'A donor changed its proposal for the need “Awareness campaign on geographical indications”: “Two seminars.” → “Three seminars, in Kampala.”.',
    );
    expect(told.map((row) => (row.params as Record<string, string>).fr)).toContain(
      'Un donateur a modifié sa proposition pour le besoin «\u00a0Awareness campaign on geographical indications\u00a0»\u202f: «\u00a0Two seminars.\u00a0» → «\u00a0Three seminars, in Kampala.\u00a0».',
    );
    // The need's page says, to everyone, that the donor changed it and when.
    expect((await proposal())?.editedAt).toBeInstanceOf(Date);
    const page = await (await get(`/en/needs/${needId}`)).text();
    expect(page).toMatch(/Changed by the donor on [^<]*\d{4}/);
    expect(await (await get(`/fr/needs/${needId}`)).text()).toContain('Modifiée par le donateur le');
  });

  it('shortens long texts in the notification, on one line', () => {
    expect(shortened('a  b\n c')).toBe('a b c');
    const long = 'word '.repeat(60);
    const cut = shortened(long);
    expect(cut.length).toBe(140);
    expect(cut.endsWith('…')).toBe(true);
    expect(shortened('x'.repeat(140))).toBe('x'.repeat(140));
  });

  it('moves the need from offered to open when its only proposal is withdrawn, on record', async () => {
    expect(await status()).toBe('offered');
    const stale = await post(path('withdraw'), reporterCAN, { note: '', version: '1' });
    expect(stale.status).toBe(409);
    expect(await status()).toBe('offered');
    const withdrawn = await post(path('withdraw'), reporterCAN, {
      note: 'Our budget was cut.',
      version: String((await proposal())?.version),
    });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toContain('done=proposal-withdrawn');
    expect(await proposal()).toMatchObject({
      status: 'withdrawn',
      withdrawalNote: 'Our budget was cut.',
      withdrawnBy: reporterCAN.userId,
    });
    expect(await status()).toBe('open');
    const history = await database.db
      .select({ to: needStatusChanges.toStatus, note: needStatusChanges.note })
      .from(needStatusChanges)
      .where(eq(needStatusChanges.needId, needId))
      .orderBy(needStatusChanges.id);
    expect(history.at(-1)).toEqual({ to: 'open', note: `proposal:${proposalId}:withdrawn` });
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, focalUGA.userId));
    expect(told.map((row) => (row.params as Record<string, string>).fr)).toContain(
      'Un donateur a retiré sa proposition pour le besoin «\u00a0Awareness campaign on geographical indications\u00a0».',
    );
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'need_proposals'), eq(auditLog.action, 'withdraw')));
    expect(audited).toHaveLength(1);
    const page = await (await get(`/en/needs/${needId}`)).text();
    expect(page).toMatch(/Withdrawn by the donor on [^<]*2\d{3}\./);
    expect(page).toContain('Our budget was cut.');
    expect(page).toContain('A donor withdrew its proposal.');
    // Withdrawn: neither changed nor withdrawn again.
    const version = String((await proposal())?.version);
    expect((await post(path('edit'), reporterCAN, { text: 'Back.', version })).status).toBe(409);
    expect((await post(path('withdraw'), reporterCAN, { note: '', version })).status).toBe(409);
  });

  it('refuses a change of text once the Member answered; an accepted one can still be withdrawn', async () => {
    const made = await proposeHelp(database.db, { userId: reporterCAN.userId, label: 'test' }, needId, {
      donorPartyCode: 'CAN',
      agencyId: null,
      text: 'A study visit.',
      language: 'en',
      offerId: null,
    });
    if (!made.ok) throw new Error('proposal refused');
    expect((await decideProposal(database.db, actor, needId, made.id, 'accepted', '')).ok).toBe(true);
    const accepted = await proposal(made.id);
    expect(
      await editProposal(database.db, actor, needId, made.id, accepted?.version ?? 0, 'Changed after.'),
    ).toEqual({ ok: false, reason: 'stale' });
    const page = await (await get(`/en/needs/${needId}`, reporterCAN)).text();
    expect(page).not.toContain(path('edit', made.id));
    expect(page).toContain(path('withdraw', made.id));
    // Another reporter of the same Member speaks for it too.
    const colleague = await testSession(database.db, 'colleague@cipo.example', 'reporter', { party: 'CAN' });
    expect(await status()).toBe('offered');
    expect(
      (
        await post(path('withdraw', made.id), colleague, {
          note: '',
          version: String(accepted?.version),
        })
      ).status,
    ).toBe(303);
    expect(await status()).toBe('open');
    expect(await withdrawProposal(database.db, actor, needId, made.id, 99, '')).toEqual({
      ok: false,
      reason: 'stale',
    });
  });
});
