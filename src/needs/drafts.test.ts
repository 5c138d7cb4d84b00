import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { editDraftAssessment, editDraftNeed, removeDraftNeed } from './drafts.ts';
import type { NeedInput } from './forms.ts';
import { needRevisions, needs, needsAssessments } from './schema.ts';
import { addNeed, createAssessment, publishAssessment } from './service.ts';

const input: NeedInput = {
  title: 'Trainign of patent examiners',
  description: 'Twelve examiners, two weeks.',
  ipAreas: ['patents'],
  kindsOfHelp: ['training-personnel'],
  institution: 'URSB',
  priority: 'high',
  wishedStart: '2026',
  wishedEnd: null,
};

const assessmentInput = {
  party: 'UGA',
  symbol: 'IP/C/W/9',
  documentDate: '2025',
  source: 'trips-council' as const,
  language: 'en' as const,
  contactName: null,
  contactEmail: null,
};

describe.each(testBackends)(
  'correcting and removing the needs of a draft assessment (%s database)',
  (backend) => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let focalUGA: TestSession;
    let focalKEN: TestSession;
    let secretariat: TestSession;
    let reporter: TestSession;
    let draft: number;
    let published: number;
    let draftNeed: number;
    let publishedNeed: number;
    const actor = { userId: null, label: 'test' };

    const get = (path: string, session?: TestSession) =>
      app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
    const post = (path: string, session: TestSession | null, fields: Record<string, string | string[]>) =>
      app.request(path, formRequest(session, fields));
    const needRow = async (id: number) => (await database.db.select().from(needs).where(eq(needs.id, id)))[0];
    const version = async (id: number) => (await needRow(id))?.version ?? 0;
    const assessmentRow = async (id: number) =>
      (await database.db.select().from(needsAssessments).where(eq(needsAssessments.id, id)))[0];
    const audits = async (table: string, id: number, action: string) =>
      database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.tableName, table), eq(auditLog.recordId, String(id)), eq(auditLog.action, action)),
        );
    const fields = (overrides: Record<string, string | string[]> = {}) => ({
      title: 'Training of patent examiners',
      description: 'Twelve examiners, two weeks.',
      ipAreas: ['patents'],
      kindsOfHelp: ['training-personnel'],
      institution: 'URSB',
      priority: 'high',
      wishedStart: '2026',
      wishedEnd: '',
      ...overrides,
    });
    const addTo = (assessment: number, title: string, status: 'draft' | 'published' = 'draft') =>
      addNeed(database.db, actor, { id: assessment, language: 'en', status }, { ...input, title });

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      app = createApp(database);
      draft = await createAssessment(database.db, actor, assessmentInput);
      draftNeed = await addTo(draft, input.title);
      published = await createAssessment(database.db, actor, assessmentInput);
      publishedNeed = await addTo(published, 'Public need');
      await publishAssessment(database.db, actor, published);
      focalUGA = await testSession(database.db, 'focal@ursb.example', 'focal-point', { party: 'UGA' });
      focalKEN = await testSession(database.db, 'focal@kipi.example', 'focal-point', { party: 'KEN' });
      secretariat = await testSession(database.db, 'staff@wto.example', 'secretariat');
      reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    it('gives each need of a draft Edit and Remove on the assessment’s page, and the assessment’s own edit', async () => {
      const html = await (await get(`/en/needs/assessments/${draft}`, focalUGA)).text();
      expect(html).toContain(`href="/en/needs/${draftNeed}/edit"`);
      expect(html).toContain(`action="/en/needs/${draftNeed}/remove"`);
      expect(html).toContain('Remove “Trainign of patent examiners” from this draft?');
      expect(html).toContain(`href="/en/needs/assessments/${draft}/edit"`);
      expect(html).toContain(`name="version" value="${await version(draftNeed)}"`);
      // A published assessment: the need's edit (with explanation), no removal, no details edit.
      const public_ = await (await get(`/en/needs/assessments/${published}`, focalUGA)).text();
      expect(public_).toContain(`href="/en/needs/${publishedNeed}/edit"`);
      expect(public_).not.toContain(`/en/needs/${publishedNeed}/remove`);
      expect(public_).not.toContain(`/en/needs/assessments/${published}/edit`);
    });

    it('shows the need form pre-filled, without the explanation, for a draft’s need', async () => {
      const form = await get(`/fr/needs/${draftNeed}/edit`, focalUGA);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('value="Trainign of patent examiners"');
      expect(html).toContain('Twelve examiners, two weeks.');
      expect(html).not.toContain('name="note"');
      expect(html).toContain('L’évaluation est encore un brouillon');
      expect(html).toContain(`href="/fr/needs/assessments/${draft}#need-${draftNeed}"`);
      // A published need's form still asks for it.
      expect(await (await get(`/en/needs/${publishedNeed}/edit`, focalUGA)).text()).toContain('name="note"');
    });

    it('corrects a draft’s need without explanation: no revision kept, audited', async () => {
      const saved = await post(
        `/en/needs/${draftNeed}/edit`,
        focalUGA,
        fields({ version: String(await version(draftNeed)) }),
      );
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(
        `/en/needs/assessments/${draft}?done=need-edited#need-${draftNeed}`,
      );
      expect((await needRow(draftNeed))?.title).toEqual({ en: 'Training of patent examiners' });
      expect(
        await database.db.select().from(needRevisions).where(eq(needRevisions.needId, draftNeed)),
      ).toEqual([]);
      const [audit] = await audits('needs', draftNeed, 'update');
      expect(audit?.before).toEqual({ title: { en: 'Trainign of patent examiners' } });
      expect(audit?.after).toMatchObject({ title: { en: 'Training of patent examiners' }, draft: true });
      const page = await (await get(`/en/needs/assessments/${draft}?done=need-edited`, focalUGA)).text();
      expect(page).toContain('The need is corrected.');
    });

    it('still requires the explanation for a published need', async () => {
      const refused = await post(
        `/en/needs/${publishedNeed}/edit`,
        focalUGA,
        fields({ title: 'Public need, corrected', note: '', version: String(await version(publishedNeed)) }),
      );
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Say why the need changes.');
      expect((await needRow(publishedNeed))?.title).toEqual({ en: 'Public need' });
    });

    it('refuses a stale form (409, the need as it is now) and a form that changes nothing', async () => {
      const stale = await post(
        `/es/needs/${draftNeed}/edit`,
        focalUGA,
        fields({ title: 'Another title', version: '1' }),
      );
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('Alguien modificó esta necesidad mientras tanto.');
      expect(html).toContain('value="Training of patent examiners"');
      const same = await post(
        `/en/needs/${draftNeed}/edit`,
        focalUGA,
        fields({ version: String(await version(draftNeed)) }),
      );
      expect(same.status).toBe(400);
      expect(await same.text()).toContain('Nothing differs from the need as it is');
      expect((await needRow(draftNeed))?.title).toEqual({ en: 'Training of patent examiners' });
    });

    it('refuses everyone but the Member’s focal points and the Secretariat', async () => {
      const current = String(await version(draftNeed));
      for (const other of [focalKEN, reporter]) {
        expect((await get(`/en/needs/${draftNeed}/edit`, other)).status).toBe(403);
        expect(
          (await post(`/en/needs/${draftNeed}/edit`, other, fields({ title: 'X', version: current }))).status,
        ).toBe(403);
        expect((await post(`/en/needs/${draftNeed}/remove`, other, { version: current })).status).toBe(403);
        expect((await get(`/en/needs/assessments/${draft}/edit`, other)).status).toBe(403);
      }
      expect((await get(`/en/needs/${draftNeed}/edit`)).status).toBe(303);
      expect((await post(`/en/needs/${draftNeed}/remove`, null, { version: current })).status).toBe(403);
      // Still not public: the need's page is not found for a draft.
      expect((await get(`/en/needs/${draftNeed}`)).status).toBe(404);
      expect(await needRow(draftNeed)).toBeDefined();
    });

    it('removes a need from a draft, version-checked and audited', async () => {
      const other = await addTo(draft, 'Duplicate need');
      const stale = await post(`/fr/needs/${other}/remove`, focalUGA, { version: '7' });
      expect(stale.status).toBe(409);
      expect(await stale.text()).toContain('Quelqu’un a modifié ce besoin entre-temps.');
      expect(await needRow(other)).toBeDefined();
      const removed = await post(`/en/needs/${other}/remove`, secretariat, {
        version: String(await version(other)),
      });
      expect(removed.status).toBe(303);
      expect(removed.headers.get('location')).toBe(`/en/needs/assessments/${draft}?done=need-removed`);
      expect(await needRow(other)).toBeUndefined();
      const [audit] = await audits('needs', other, 'delete');
      expect(audit?.before).toMatchObject({ assessmentId: draft, title: { en: 'Duplicate need' } });
      expect((await get(`/en/needs/${other}/edit`, focalUGA)).status).toBe(404);
      expect((await post(`/en/needs/${other}/remove`, focalUGA, { version: '1' })).status).toBe(404);
      expect(await needRow(draftNeed)).toBeDefined();
    });

    it('refuses to remove a need of a published assessment (409, with a message)', async () => {
      const refused = await post(`/en/needs/${publishedNeed}/remove`, focalUGA, {
        version: String(await version(publishedNeed)),
      });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('A need of a published assessment cannot be removed.');
      expect(await needRow(publishedNeed)).toBeDefined();
      expect(await removeDraftNeed(database.db, actor, publishedNeed, await version(publishedNeed))).toEqual({
        ok: false,
        reason: 'published',
      });
      expect(
        await editDraftNeed(database.db, actor, publishedNeed, await version(publishedNeed), {
          ...input,
          title: 'Sneaked',
        }),
      ).toEqual({ ok: false, reason: 'published' });
      expect((await needRow(publishedNeed))?.title).toEqual({ en: 'Public need' });
    });

    it('edits a draft assessment’s own details; a new language carries its needs’ text', async () => {
      const form = await get(`/en/needs/assessments/${draft}/edit`, focalUGA);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('value="IP/C/W/9"');
      expect(html).not.toContain('name="party"');
      const seen = String((await assessmentRow(draft))?.version);
      const saved = await post(`/en/needs/assessments/${draft}/edit`, focalUGA, {
        version: seen,
        party: 'KEN',
        symbol: 'IP/C/W/10',
        documentDate: '2025-06',
        source: 'national-strategy',
        language: 'fr',
        contactName: 'Office',
        contactEmail: 'office@ursb.example',
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe(`/en/needs/assessments/${draft}?done=assessment-edited`);
      expect(await assessmentRow(draft)).toMatchObject({
        partyCode: 'UGA',
        symbol: 'IP/C/W/10',
        documentDate: '2025-06',
        source: 'national-strategy',
        language: 'fr',
        contactEmail: 'office@ursb.example',
      });
      const need = await needRow(draftNeed);
      expect(need?.title).toEqual({ fr: 'Training of patent examiners' });
      expect(need?.description).toEqual({ fr: 'Twelve examiners, two weeks.' });
      const [audit] = await audits('needs_assessments', draft, 'update');
      expect(audit?.before).toMatchObject({ symbol: 'IP/C/W/9', language: 'en' });
      // The same form again: stale.
      const stale = await post(`/en/needs/assessments/${draft}/edit`, focalUGA, {
        version: seen,
        symbol: 'IP/C/W/11',
        documentDate: '',
        source: 'trips-council',
        language: 'en',
        contactName: '',
        contactEmail: '',
      });
      expect(stale.status).toBe(409);
      expect(await stale.text()).toContain('Someone changed this assessment meanwhile.');
      expect((await assessmentRow(draft))?.symbol).toBe('IP/C/W/10');
      const invalid = await post(`/fr/needs/assessments/${draft}/edit`, focalUGA, {
        version: String((await assessmentRow(draft))?.version),
        symbol: '',
        documentDate: '2025-13',
        source: 'trips-council',
        language: 'fr',
        contactName: '',
        contactEmail: 'not an address',
      });
      expect(invalid.status).toBe(400);
      expect(await invalid.text()).toContain('id="contactEmail-error"');
    });

    it('clears a draft need’s description, in the assessment’s new language', async () => {
      const cleared = await post(
        `/en/needs/${draftNeed}/edit`,
        focalUGA,
        fields({ description: '', version: String(await version(draftNeed)) }),
      );
      expect(cleared.status).toBe(303);
      expect(await needRow(draftNeed)).toMatchObject({
        title: { fr: 'Training of patent examiners' },
        description: {},
      });
    });

    it('does not edit a published assessment’s details', async () => {
      const page = await get(`/en/needs/assessments/${published}/edit`, focalUGA);
      expect(page.status).toBe(409);
      const html = await page.text();
      expect(html).toContain('The assessment is published: its details can no longer be changed.');
      expect(html).not.toContain('name="symbol"');
      const row = await assessmentRow(published);
      const { party: _party, ...rest } = assessmentInput;
      expect(
        await editDraftAssessment(database.db, actor, published, row?.version ?? 0, { ...rest, symbol: 'X' }),
      ).toEqual({ ok: false, reason: 'published' });
      const refused = await post(`/en/needs/assessments/${published}/edit`, focalUGA, {
        version: String(row?.version),
        symbol: 'X',
        documentDate: '',
        source: 'trips-council',
        language: 'en',
        contactName: '',
        contactEmail: '',
      });
      expect(refused.status).toBe(409);
      expect((await assessmentRow(published))?.symbol).toBe('IP/C/W/9');
    });
  },
);
