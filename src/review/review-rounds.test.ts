import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import { createApp } from '../app.tsx';
import { auditLog } from '../audit/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { reportComments, reportSubmissions, reports } from '../reports/schema.ts';

describe.each(testBackends)('review rounds remember (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let secretariat: TestSession;
  let reporter: TestSession;
  let reportId: number;

  const get = (path: string, session: TestSession) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const post = (path: string, session: TestSession, fields: Record<string, string>) =>
    app.request(path, formRequest(session, fields));
  const versionOf = async (id: number) =>
    (await database.db.select().from(reports).where(eq(reports.id, id)))[0]?.version;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db);
    app = createApp(database);
    secretariat = await testSession(database.db, 'trips@wto.example', 'secretariat');
    reporter = await testSession(database.db, 'officer@cipo.example', 'reporter', { party: 'CAN' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores the document as submitted, once per round', async () => {
    const started = await post('/en/drafting/reports', reporter, {
      party: 'CAN',
      periodStart: '2022-01-01',
      periodEnd: '2023-12-31',
      originalLanguage: 'en',
    });
    reportId = reportIdFrom(started.headers.get('location'));
    const saved = await post(`/en/drafting/reports/${reportId}/narrative`, reporter, {
      narrative: 'Canada cooperates.\n\nParagraph two as first sent.',
      grouping: 'level-agency',
      version: String(await versionOf(reportId)),
    });
    expect(saved.status).toBe(303);
    expect((await post(`/en/drafting/reports/${reportId}/submit`, reporter, {})).status).toBe(303);
    const rounds = await database.db
      .select()
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, reportId));
    expect(rounds.map((r) => r.round)).toEqual([1]);
    expect((rounds[0]?.snapshot as { narrative: string[] } | undefined)?.narrative).toEqual([
      'Canada cooperates.',
      'Paragraph two as first sent.',
    ]);
  });

  it('lets the reporter answer each comment of a return, at the field, in their language', async () => {
    const returned = await post(`/en/secretariat/reports/${reportId}/return`, secretariat, {
      comment_general: 'Please say which years.',
      comment_narrative: 'Paragraph two is unclear.',
    });
    expect(returned.status).toBe(303);
    const comments = await database.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.reportId, reportId))
      .orderBy(asc(reportComments.id));
    const [general, narrative] = comments;
    if (!general || !narrative) throw new Error('comments missing');

    const page = await (await get(`/fr/drafting/reports/${reportId}`, reporter)).text();
    expect(page).toContain('Votre réponse à cette observation');
    const empty = await post(`/fr/drafting/reports/${reportId}/comments/${general.id}/reply`, reporter, {
      reply: '   ',
    });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('Écrivez une réponse avant de l’enregistrer.');
    expect(emptyHtml).toMatch(new RegExp(`id="reply-${general.id}"[^>]*aria-invalid="true"`));

    const answered = await post(`/en/drafting/reports/${reportId}/comments/${narrative.id}/reply`, reporter, {
      reply: 'Rewritten: it now names the programme.',
    });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toContain('notice=replySaved');
    const [stored] = await database.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.id, narrative.id));
    expect(stored).toMatchObject({
      reply: 'Rewritten: it now names the programme.',
      repliedBy: reporter.userId,
    });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'reply'));
    expect(audit?.after).toEqual({ reply: 'Rewritten: it now names the programme.' });
    // A comment of another report is not this report's to answer.
    const other = await post(`/en/drafting/reports/${reportId}/comments/999999/reply`, reporter, {
      reply: 'x',
    });
    expect(other.status).toBe(404);
  });

  it('shows the Secretariat the earlier comments, the answers and what changed since the return', async () => {
    const saved = await post(`/en/drafting/reports/${reportId}/narrative`, reporter, {
      narrative: 'Canada cooperates.\n\nParagraph two names the CIPO–WIPO programme.',
      grouping: 'level-agency',
      version: String(await versionOf(reportId)),
    });
    expect(saved.status).toBe(303);
    expect((await post(`/en/drafting/reports/${reportId}/submit`, reporter, {})).status).toBe(303);
    const rounds = await database.db
      .select()
      .from(reportSubmissions)
      .where(eq(reportSubmissions.reportId, reportId));
    expect(rounds.map((r) => r.round).sort()).toEqual([1, 2]);

    const html = await (await get(`/en/secretariat/reports/${reportId}`, secretariat)).text();
    expect(html).toContain('What changed since the return (submission 1 → submission 2)');
    expect(html).toContain('Paragraph two as first sent.');
    expect(html).toContain('Paragraph two names the CIPO–WIPO programme.');
    expect(html).toContain('Returned after submission 1');
    expect(html).toContain('Paragraph two is unclear.');
    expect(html).toContain('Rewritten: it now names the programme.');
    expect(html).toContain('no answer');
    const spanish = await (await get(`/es/secretariat/reports/${reportId}`, secretariat)).text();
    expect(spanish).toContain('Qué cambió desde la devolución (presentación 1 → presentación 2)');
    expect(spanish).toContain('Respuesta del informante:');

    // Submitted again: the answers are closed with the round.
    const late = await post(`/en/drafting/reports/${reportId}/comments/1/reply`, reporter, { reply: 'late' });
    expect(late.status).toBe(409);
  });
});
