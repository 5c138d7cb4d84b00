import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { draftActivityEdits, reports } from '../reports/schema.ts';
import { getReport } from '../reports/service.ts';
import { exactJsonSurfaces, publicSurfaces } from '../testing/public-surfaces.ts';

const secret = 'PENDINGEDITQZX';
const publicPaths = [...publicSurfaces(secret), '/en/activities/1', '/api/v1/activities/1', '/en/reports/1'];

/**
 * A carried-forward (public) activity edited in a draft: the edit stays with the draft and its
 * reviewers until the report is published, on every public surface.
 */
describe.each(testBackends)(
  'a draft’s edits of a public activity wait for publication (%s database)',
  (backend) => {
    let database: Database;
    let app: ReturnType<typeof createApp>;
    let officer: TestSession;
    let secretariat: TestSession;
    let draftId: number;
    /** Each public address as it read before the draft changed anything. */
    const before = new Map<string, { status: number; text: string }>();

    const read = async (path: string, session?: TestSession) => {
      const response = await app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
      const text = await response.text();
      // A feed without entries is "updated" at the moment it is read.
      const stable = text.includes('<entry>') ? text : text.replace(/<updated>[^<]*<\/updated>/, '');
      return { status: response.status, text: stable };
    };
    const json = async (path: string) => JSON.parse((await read(path)).text);
    const post = (path: string, session: TestSession, fields: Record<string, string | string[]>) =>
      app.request(path, formRequest(session, fields));
    const docxText = async (path: string, session?: TestSession) => {
      const response = await app.request(path, session ? { headers: { Cookie: session.cookie } } : {});
      expect(response.status, path).toBe(200);
      return (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value;
    };
    const xlsxText = async (path: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await app.request(path)).arrayBuffer());
      return workbook.worksheets.map((sheet) => JSON.stringify(sheet.getSheetValues())).join('\n');
    };
    const idsOf = async (path: string) =>
      ((await json(path)).items as Array<{ id: number }>).map((item) => item.id);

    /** Edits activity 1 through the form, on the version the form shows. */
    async function editActivity(reportId: number, title: string, lang = 'en') {
      const form = await read(`/${lang}/drafting/reports/${reportId}/activities/1/edit`, officer);
      expect(form.status).toBe(200);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const saved = await post(`/${lang}/drafting/reports/${reportId}/activities/1/edit`, officer, {
        title,
        originalLanguage: 'en',
        startDate: '2021-04-24',
        beneficiaries: ['NPL'],
        elements: ['laws-regulations'],
        version,
      });
      expect(saved.status).toBe(303);
    }

    /** No public address shows the secret or reads differently than before the draft changed it. */
    async function expectPublicAsBefore() {
      for (const path of publicPaths) {
        const now = await read(path);
        expect(now.status, path).toBe(before.get(path)?.status);
        // A page that echoes the query must read exactly as before the draft changed anything.
        if (path.includes(secret)) expect(now.text, path).toBe(before.get(path)?.text);
        else expect(now.text, path).not.toContain(secret);
        if (!path.startsWith('/api/')) expect(now.text, path).toBe(before.get(path)?.text);
      }
      for (const path of exactJsonSurfaces) {
        const then = JSON.parse(before.get(path)?.text ?? 'null');
        const now = await json(path);
        delete then.generatedAt;
        delete now.generatedAt;
        expect(now, path).toEqual(then);
      }
      expect(await xlsxText('/api/v1/activities?format=xlsx&donor=CAN')).not.toContain(secret);
      expect(await docxText('/en/reports/1.docx')).not.toContain(secret);
    }

    beforeAll(async () => {
      database = await openTestDatabase(backend);
      await seedDemo(database.db);
      app = createApp(database);
      officer = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
      secretariat = await testSession(database.db, 'secretariat@wto.example', 'secretariat');
      for (const path of publicPaths) before.set(path, await read(path));
      expect(await idsOf('/api/v1/activities?beneficiary=NPL')).not.toContain(1);
      const started = await post('/en/drafting/reports', officer, {
        party: 'CAN',
        periodStart: '2021-01-01',
        periodEnd: '2022-12-31',
        originalLanguage: 'en',
      });
      expect(started.status).toBe(303);
      draftId = reportIdFrom(started.headers.get('location'));
    });
    afterAll(async () => {
      await database?.close();
    });

    it('shows the edit in the draft, its form and its document, and nowhere public', async () => {
      await editActivity(draftId, `${secret} workshop on office management`);
      const page = await read(`/en/drafting/reports/${draftId}`, officer);
      expect(page.text).toContain(`${secret} workshop on office management`);
      expect(page.text).toContain('changed in this draft: the public page keeps the published version');
      const french = await read(`/fr/drafting/reports/${draftId}`, officer);
      expect(french.text).toContain('modifié dans ce projet');
      const form = await read(`/fr/drafting/reports/${draftId}/activities/1/edit`, officer);
      expect(form.text).toContain(`value="${secret} workshop on office management"`);
      expect(form.text).toContain('le portail l’affiche quand le rapport est publié');
      // The draft's elements of Article 67 travel with the pending edit, ticked in its form.
      expect(form.text).toMatch(/value="laws-regulations" checked/);
      expect(form.text).not.toMatch(/value="training-personnel" checked/);
      expect(await docxText(`/en/reports/${draftId}.docx`, officer)).toContain(secret);
      // The command line's JSON export of every report reads a draft as its drafters see it.
      const exported = await getReport(database.db, draftId);
      expect(exported?.programmes[0]).toMatchObject({
        activityId: 1,
        title: { en: `${secret} workshop on office management` },
        beneficiaries: [{ code: 'NPL' }],
      });
      expect((await getReport(database.db, 1))?.programmes[0]?.title.en).not.toContain(secret);
      await expectPublicAsBefore();
    });

    it('shows it to the Secretariat once submitted; a return leaves the public record as it was', async () => {
      expect((await post(`/en/drafting/reports/${draftId}/submit`, officer, {})).status).toBe(303);
      const review = await read(`/en/secretariat/reports/${draftId}`, secretariat);
      expect(review.status).toBe(200);
      expect(review.text).toContain(secret);
      await expectPublicAsBefore();
      const returned = await post(`/en/secretariat/reports/${draftId}/return`, secretariat, {
        comment_general: 'Please check the title.',
      });
      expect(returned.status).toBe(303);
      expect((await read(`/en/drafting/reports/${draftId}`, officer)).text).toContain(secret);
      await expectPublicAsBefore();
    });

    it('publishes the edit everywhere with the report; the earlier report keeps what it said', async () => {
      expect((await post(`/en/drafting/reports/${draftId}/submit`, officer, {})).status).toBe(303);
      const published = await post(`/en/secretariat/reports/${draftId}/publish`, secretariat, {
        circulation_date: '2023-03-01',
        symbol: 'IP/C/R/TC/CAN/7',
      });
      expect(published.status).toBe(303);
      expect(await database.db.select().from(draftActivityEdits)).toEqual([]);

      const activityPage = await read('/en/activities/1');
      expect(activityPage.text).toContain(`${secret} workshop on office management`);
      expect(activityPage.text).toContain('<li>Laws and regulations on protection and enforcement</li>');
      expect(activityPage.text).not.toContain('<li>Training of personnel');
      expect((await json('/api/v1/activities/1')).title.en).toBe(`${secret} workshop on office management`);
      expect((await read(`/en/search?q=${secret}`)).text).toContain(
        `<mark>${secret}</mark> workshop on office`,
      );
      expect((await json(`/api/v1/activities?q=${secret}`)).total).toBe(1);
      expect(await idsOf('/api/v1/activities?beneficiary=NPL')).toContain(1);
      const facets = await json('/api/v1/activities/facets?beneficiary=NPL');
      const facetsBefore = JSON.parse(before.get('/api/v1/activities/facets?beneficiary=NPL')?.text ?? '{}');
      expect(facets.total).toBe(facetsBefore.total + 1);
      expect((await read('/api/v1/activities?format=csv&beneficiary=NPL')).text).toContain(secret);
      expect((await read('/api/v1/activities?format=iati&beneficiary=NPL')).text).toContain(secret);
      expect(await xlsxText('/api/v1/activities?format=xlsx&donor=CAN')).toContain(secret);
      expect((await read('/en/parties/NPL')).text).toContain(secret);
      expect((await read('/en/reports/feed.atom?beneficiary=NPL')).text).not.toBe(
        before.get('/en/reports/feed.atom?beneficiary=NPL')?.text,
      );
      expect((await read('/en/')).text).toContain(`/en/reports/${draftId}"`);
      expect((await read(`/en/reports/${draftId}`)).text).toContain(secret);
      expect(await docxText(`/en/reports/${draftId}.docx`)).toContain(secret);

      // The 2020–2021 report was published before the edit: its page and document say what they said.
      expect((await read('/en/reports/1')).text).toBe(before.get('/en/reports/1')?.text);
      expect(await docxText('/en/reports/1.docx')).not.toContain(secret);
    });

    it('drops the edits of a deleted draft without touching the public record', async () => {
      const revision = await post(`/en/drafting/reports/${draftId}/revisions`, officer, {
        kind: 'corrigendum',
      });
      expect(revision.status).toBe(303);
      const corrigendumId = reportIdFrom(revision.headers.get('location'));
      await editActivity(corrigendumId, 'ABANDONEDEDIT title', 'es');
      expect((await read(`/en/drafting/reports/${corrigendumId}`, officer)).text).toContain('ABANDONEDEDIT');
      // The Secretariat sees the change against the published version; the reporter then drops it.
      expect((await post(`/en/drafting/reports/${corrigendumId}/submit`, officer, {})).status).toBe(303);
      const review = (await read(`/es/secretariat/reports/${corrigendumId}`, secretariat)).text;
      expect(review).toContain('Cambios respecto de la versión publicada');
      expect(review).toContain('ABANDONEDEDIT title');
      expect(review).toContain(`${secret} workshop on office management`);
      const publicPage = (await read('/en/activities/1')).text;
      expect(publicPage).not.toContain('ABANDONEDEDIT');
      await database.db.delete(reports).where(eq(reports.id, corrigendumId));
      expect(await database.db.select().from(draftActivityEdits)).toEqual([]);
      expect((await read('/en/activities/1')).text).toBe(publicPage);
      expect((await json('/api/v1/activities?q=ABANDONEDEDIT')).total).toBe(0);
    });

    it('drops the edit of an activity taken off the draft’s list', async () => {
      const revision = await post(`/en/drafting/reports/${draftId}/revisions`, officer, { kind: 'addendum' });
      expect(revision.status).toBe(303);
      const addendumId = reportIdFrom(revision.headers.get('location'));
      await editActivity(addendumId, 'REMOVEDEDIT title');
      expect(await database.db.select().from(draftActivityEdits)).toHaveLength(1);
      const publicPage = (await read('/en/activities/1')).text;
      const removed = await post(`/en/drafting/reports/${addendumId}/activities/1/remove`, officer, {});
      expect(removed.status).toBe(303);
      expect(await database.db.select().from(draftActivityEdits)).toEqual([]);
      expect((await read('/en/activities/1')).text).toBe(publicPage);
      expect((await read(`/en/drafting/reports/${addendumId}`, officer)).text).not.toContain('REMOVEDEDIT');
    });
  },
);
