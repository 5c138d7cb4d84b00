import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { needProposals, needStatusChanges, needs } from './schema.ts';
import { addNeed, createAssessment, publishAssessment } from './service.ts';
import { statusAfterProposals } from './status.ts';

describe('the status rule of proposals', () => {
  it('makes an open need offered while a proposal is pending or accepted, open again when all are declined', () => {
    expect(statusAfterProposals('open', ['pending'])).toBe('offered');
    expect(statusAfterProposals('offered', ['declined', 'accepted'])).toBe('offered');
    expect(statusAfterProposals('offered', ['declined', 'declined'])).toBe('open');
    expect(statusAfterProposals('open', [])).toBe('open');
    expect(statusAfterProposals('met', ['pending'])).toBe('met');
    expect(statusAfterProposals('in-progress', ['declined'])).toBe('in-progress');
  });

  it('counts a proposal its donor withdrew for nothing, pending or accepted before', () => {
    expect(statusAfterProposals('offered', ['withdrawn'])).toBe('open');
    expect(statusAfterProposals('offered', ['withdrawn', 'declined'])).toBe('open');
    expect(statusAfterProposals('offered', ['withdrawn', 'pending'])).toBe('offered');
    expect(statusAfterProposals('offered', ['accepted', 'withdrawn'])).toBe('offered');
    expect(statusAfterProposals('in-progress', ['withdrawn'])).toBe('in-progress');
  });
});

describe.each(testBackends)('proposals of help for a need (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let reporterCAN: TestSession;
  let reporterUSA: TestSession;
  let focalUGA: TestSession;
  let focalKEN: TestSession;
  let needId: number;
  let offerId: number;

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const status = async () =>
    (await database.db.select({ status: needs.status }).from(needs).where(eq(needs.id, needId)))[0]?.status;
  const proposalIds = async () =>
    (
      await database.db
        .select({ id: needProposals.id })
        .from(needProposals)
        .where(eq(needProposals.needId, needId))
    ).map((row) => row.id);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const actor = { userId: null, label: 'test' };
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
        title: 'Training of trademark examiners',
        description: null,
        ipAreas: ['trademarks'],
        kindsOfHelp: ['training-personnel'],
        institution: null,
        priority: 'high',
        wishedStart: null,
        wishedEnd: null,
      },
    );
    await publishAssessment(database.db, actor, assessment);
    reporterCAN = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    reporterUSA = await testSession(database.db, 'officer@uspto.example', 'reporter', { party: 'USA' });
    focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    focalKEN = await testSession(database.db, 'focal@kipi.example', 'focal-point', { party: 'KEN' });
    const created = await post('/en/offers/new', reporterCAN, {
      owner: 'party:CAN',
      title: 'Trademark examiner training',
      description: '',
      language: 'en',
      kindsOfHelp: ['training-personnel'],
      languages: ['en'],
      status: 'open',
    });
    offerId = Number(/\/offers\/(\d+)/.exec(created.headers.get('location') ?? '')?.[1]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a proposal with errors at its fields: no text, another donor’s name, another donor’s offer', async () => {
    const empty = await post(`/fr/needs/${needId}/proposals`, reporterUSA, {
      owner: 'party:CAN',
      text: '',
      offer: '',
    });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('Dites ce que vous proposez.');
    expect(html).toContain('Choisissez au nom de qui vous proposez.');
    const foreignOffer = await post(`/en/needs/${needId}/proposals`, reporterUSA, {
      owner: 'party:USA',
      text: 'We can help.',
      offer: String(offerId),
    });
    expect(foreignOffer.status).toBe(400);
    expect(await foreignOffer.text()).toContain('Choose one of your own open offers, or none.');
    expect(await proposalIds()).toEqual([]);
    expect(await status()).toBe('open');
  });

  it('makes the need offered on a proposal and tells the Member’s focal points', async () => {
    const page = await (await get(`/en/needs/${needId}`, reporterCAN)).text();
    expect(page).toContain('Propose help');
    expect(page).toContain('Trademark examiner training');
    const sent = await post(`/en/needs/${needId}/proposals`, reporterCAN, {
      owner: 'party:CAN',
      text: 'Two places in our spring course.',
      offer: String(offerId),
    });
    expect(sent.status).toBe(303);
    expect(await status()).toBe('offered');
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, focalUGA.userId));
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe(`/needs/${needId}`);
    const workspace = await (await get('/en/workspace', focalUGA)).text();
    expect(workspace).toContain('Proposals of help to answer');
    expect(workspace).toContain('1 proposal waiting');
    const publicPage = await (await get(`/fr/needs/${needId}`)).text();
    expect(publicPage).toContain('Two places in our spring course.');
    expect(publicPage).toContain('Un donateur a proposé son aide.');
    expect(publicPage).not.toContain('Répondre à la proposition');
  });

  it('lets only the Member answer; declining every proposal opens the need again, on record', async () => {
    const [first] = await proposalIds();
    expect(
      (await post(`/en/needs/${needId}/proposals/${first}`, focalKEN, { decision: 'declined', note: '' }))
        .status,
    ).toBe(403);
    expect(
      (await post(`/en/needs/${needId}/proposals/${first}`, reporterCAN, { decision: 'accepted', note: '' }))
        .status,
    ).toBe(403);
    const bad = await post(`/en/needs/${needId}/proposals/${first}`, focalUGA, {
      decision: 'maybe',
      note: '',
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await post(`/en/needs/${needId}/proposals/${first}`, focalUGA, {
          decision: 'declined',
          note: 'Dates do not fit.',
        })
      ).status,
    ).toBe(303);
    expect(await status()).toBe('open');
    // Answered already: a second answer is refused.
    expect(
      (await post(`/en/needs/${needId}/proposals/${first}`, focalUGA, { decision: 'accepted', note: '' }))
        .status,
    ).toBe(409);
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, reporterCAN.userId));
    expect(told.map((row) => (row.params as Record<string, string>).en)).toEqual([
      'Your proposal for the need “Training of trademark examiners” is declined.',
    ]);
  });

  it('accepting keeps the need offered; the history and the audit trail hold every change', async () => {
    await post(`/en/needs/${needId}/proposals`, reporterUSA, {
      owner: 'party:USA',
      text: 'An expert mission.',
      offer: '',
    });
    const [, second] = await proposalIds();
    expect(await status()).toBe('offered');
    expect(
      (await post(`/en/needs/${needId}/proposals/${second}`, focalUGA, { decision: 'accepted', note: '' }))
        .status,
    ).toBe(303);
    expect(await status()).toBe('offered');
    const history = await database.db
      .select({ to: needStatusChanges.toStatus, note: needStatusChanges.note })
      .from(needStatusChanges)
      .where(eq(needStatusChanges.needId, needId))
      .orderBy(needStatusChanges.id);
    expect(history.map((row) => row.to)).toEqual(['open', 'offered', 'open', 'offered']);
    const audited = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'need_proposals')));
    expect(audited.map((row) => row.action).sort()).toEqual(['accept', 'create', 'create', 'decline']);
    // A met need takes no more proposals.
    await post(`/en/needs/${needId}/status`, focalUGA, { status: 'met', note: 'Done.', seen: 'offered' });
    const late = await post(`/en/needs/${needId}/proposals`, reporterCAN, {
      owner: 'party:CAN',
      text: 'More.',
      offer: '',
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('This need no longer takes proposals.');
  });
});
