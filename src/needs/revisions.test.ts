import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import type { NeedInput } from './forms.ts';
import { reviseNeed } from './revisions.ts';
import { needRevisions, needs } from './schema.ts';
import { addNeed, changeNeedStatus, createAssessment, publishAssessment } from './service.ts';

const input: NeedInput = {
  title: 'Training of patent examiners',
  description: 'Twelve examiners, two weeks.',
  ipAreas: ['patents'],
  kindsOfHelp: ['training-personnel'],
  institution: 'URSB',
  priority: 'high',
  wishedStart: '2026',
  wishedEnd: null,
};

describe.each(testBackends)('editing a published need, its history kept (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let focalUGA: TestSession;
  let focalKEN: TestSession;
  let secretariat: TestSession;
  let reporter: TestSession;
  let draftNeed: number;
  let needId: number;
  const actor = { userId: null, label: 'test' };

  const get = (path: string, session?: TestSession) =>
    app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
  const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
    app.request(path, formRequest(session, fields));
  const version = async (id = needId) =>
    (await database.db.select({ version: needs.version }).from(needs).where(eq(needs.id, id)))[0]?.version ??
    0;
  const revisions = async (id = needId) =>
    database.db.select().from(needRevisions).where(eq(needRevisions.needId, id));
  const fields = (overrides: Record<string, string | string[]> = {}) => ({
    title: 'Training of patent and trademark examiners',
    description: 'Twelve examiners, three weeks.',
    ipAreas: ['patents', 'trademarks'],
    kindsOfHelp: ['training-personnel'],
    institution: 'URSB',
    priority: 'high',
    wishedStart: '2026',
    wishedEnd: '',
    note: 'The trademark office joins the training.',
    ...overrides,
  });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const assessmentOf = () =>
      createAssessment(database.db, actor, {
        party: 'UGA',
        symbol: null,
        documentDate: null,
        source: 'trips-council',
        language: 'en',
        contactName: null,
        contactEmail: null,
      });
    const draft = await assessmentOf();
    draftNeed = await addNeed(database.db, actor, { id: draft, language: 'en', status: 'draft' }, input);
    const published = await assessmentOf();
    needId = await addNeed(database.db, actor, { id: published, language: 'en', status: 'draft' }, input);
    await publishAssessment(database.db, actor, published);
    focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
    focalKEN = await testSession(database.db, 'focal@kipi.example', 'focal-point', { party: 'KEN' });
    secretariat = await testSession(database.db, 'staff@wto.example', 'secretariat');
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('keeps the values before each change as a numbered revision, with the change and its audit entry', async () => {
    const first = await reviseNeed(
      database.db,
      actor,
      needId,
      await version(),
      { ...input, description: 'Twelve examiners, three weeks.' },
      'Longer course.',
      'member',
    );
    expect(first).toEqual({ ok: true, revision: 1 });
    const [stored] = await revisions();
    expect(stored).toMatchObject({
      revision: 1,
      changedFields: ['description'],
      note: 'Longer course.',
      byRole: 'member',
      previous: expect.objectContaining({
        title: { en: 'Training of patent examiners' },
        description: { en: 'Twelve examiners, two weeks.' },
      }),
    });
    const [need] = await database.db.select().from(needs).where(eq(needs.id, needId));
    expect(need?.description).toEqual({ en: 'Twelve examiners, three weeks.' });
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'needs'), eq(auditLog.action, 'update')));
    expect(audited).toHaveLength(1);
  });

  it('refuses a change made from an older version, and one that changes nothing', async () => {
    const stale = await reviseNeed(database.db, actor, needId, 1, input, 'Back to two weeks.', 'member');
    expect(stale).toEqual({ ok: false, reason: 'stale' });
    const same = await reviseNeed(
      database.db,
      actor,
      needId,
      await version(),
      { ...input, description: 'Twelve examiners, three weeks.' },
      'Nothing.',
      'member',
    );
    expect(same).toEqual({ ok: false, reason: 'unchanged' });
    expect(await revisions()).toHaveLength(1);
  });

  it('keeps no revision of a draft’s need: its form asks no explanation (see drafts.test.ts)', async () => {
    expect(await reviseNeed(database.db, actor, draftNeed, 1, input, 'x', 'member')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const draftForm = await get(`/en/needs/${draftNeed}/edit`, focalUGA);
    expect(draftForm.status).toBe(200);
    expect(await draftForm.text()).not.toContain('name="note"');
  });

  it('shows the Member its form, pre-filled; refuses everyone else', async () => {
    const form = await get(`/en/needs/${needId}/edit`, focalUGA);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('value="Training of patent examiners"');
    expect(html).toContain('Twelve examiners, three weeks.');
    expect(html).toContain(`name="version" value="${await version()}"`);
    expect(html).toContain('name="_csrf"');
    expect((await get(`/en/needs/${needId}/edit`, focalKEN)).status).toBe(403);
    expect((await get(`/en/needs/${needId}/edit`, reporter)).status).toBe(403);
    const anonymous = await get(`/en/needs/${needId}/edit`);
    expect(anonymous.status).toBe(303);
    expect((await post(`/en/needs/${needId}/edit`, focalKEN, fields({ version: '2' }))).status).toBe(403);
    expect((await post(`/en/needs/${needId}/edit`, reporter, fields({ version: '2' }))).status).toBe(403);
    // The need page offers the edit to the Member only.
    expect(await (await get(`/en/needs/${needId}`, focalUGA)).text()).toContain(`/en/needs/${needId}/edit`);
    expect(await (await get(`/en/needs/${needId}`, focalKEN)).text()).not.toContain(
      `/en/needs/${needId}/edit`,
    );
  });

  it('refuses a form without its CSRF token', async () => {
    const request = formRequest(focalUGA, fields({ version: String(await version()) }));
    const body = new URLSearchParams(request.body as string);
    body.delete('_csrf');
    const response = await app.request(`/en/needs/${needId}/edit`, { ...request, body });
    expect(response.status).toBe(403);
    expect(await revisions()).toHaveLength(1);
  });

  it('gives errors at the fields in the user’s language, the explanation required', async () => {
    const response = await post(
      `/fr/needs/${needId}/edit`,
      focalUGA,
      fields({ version: String(await version()), title: '', note: '', kindsOfHelp: [] }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Saisissez l’intitulé du besoin.');
    expect(html).toContain('Dites pourquoi le besoin change.');
    expect(html).toContain('Choisissez au moins un type d’aide.');
    expect(html).toContain('id="note-error"');
    expect(await revisions()).toHaveLength(1);
  });

  it('saves through the form, then refuses the same stale form with 409 and a clear message', async () => {
    const seen = String(await version());
    const saved = await post(`/en/needs/${needId}/edit`, secretariat, fields({ version: seen }));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain(`/en/needs/${needId}?done=revised`);
    const [, second] = await revisions();
    expect(second).toMatchObject({
      revision: 2,
      byRole: 'secretariat',
      changedFields: ['title', 'ipAreas'],
    });
    const stale = await post(
      `/es/needs/${needId}/edit`,
      focalUGA,
      fields({ version: seen, title: 'Another title' }),
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Alguien modificó esta necesidad mientras tanto.');
    // The form shows the need as it is now.
    expect(html).toContain('value="Training of patent and trademark examiners"');
    expect(await revisions()).toHaveLength(2);
  });

  it('shows the history publicly: how many edits, when, why, what changed — never who', async () => {
    const page = await (await get(`/en/needs/${needId}`)).text();
    expect(page).toContain('Changes to the need');
    expect(page).toMatch(/Edited 2 times, last on /);
    expect(page).toContain('The trademark office joins the training.');
    expect(page).toContain('by the Secretariat for the Member');
    expect(page).toContain('by the Member');
    expect(page).toContain('Title before: <span lang="en">Training of patent examiners</span>');
    expect(page).toContain('Twelve examiners, two weeks.');
    expect(page).not.toContain('staff@wto.example');
    expect(page).not.toContain('focal@ursb.example');
    const french = await (await get(`/fr/needs/${needId}`)).text();
    expect(french).toMatch(/Modifié 2\s+fois, la dernière le /);
    const api = (await (await get('/api/v1/needs?party=UGA')).json()) as {
      needs: Array<{ id: number; revisionCount: number; revisedAt: string | null }>;
    };
    const listed = api.needs.find((need) => need.id === needId);
    expect(listed?.revisionCount).toBe(2);
    expect(listed?.revisedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('does not edit a met need: a clear message, no form, 409 on a post', async () => {
    const status = await changeNeedStatus(database.db, actor, needId, 'open', 'met', 'Delivered.');
    expect(status.ok).toBe(true);
    const form = await (await get(`/en/needs/${needId}/edit`, focalUGA)).text();
    expect(form).toContain('A met or withdrawn need cannot be edited.');
    expect(form).not.toContain('name="note"');
    const refused = await post(
      `/en/needs/${needId}/edit`,
      focalUGA,
      fields({ version: String(await version()), title: 'Late change' }),
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('A met or withdrawn need cannot be edited.');
    expect(await reviseNeed(database.db, actor, needId, await version(), input, 'x', 'member')).toEqual({
      ok: false,
      reason: 'closed',
    });
    expect(await revisions()).toHaveLength(2);
    expect(await (await get(`/en/needs/${needId}`, focalUGA)).text()).not.toContain(
      `/en/needs/${needId}/edit`,
    );
  });
});
