import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { decideNomination } from '../editions/selection.ts';
import { createNomination } from '../nominations/service.ts';
import {
  certificates,
  participantFiles,
  participants,
  projectComments,
  projectMilestones,
} from '../schema.ts';
import { accountOf, candidateInput, insertEdition } from '../test-fixtures.ts';

const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(testBackends)('participants, advisors, files and certificates (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestSession;
  let advisor: TestSession;
  let otherAdvisor: TestSession;
  let amina: TestSession;
  let kofi: TestSession;
  let aminaId: number;
  let kofiId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const { db } = database;
    const demo = await seedDemo(db);
    app = createApp(database);
    const editionId = await insertEdition(db, demo.programmeId, { capacity: 5, status: 'open' });
    coordinator = await testSession(db, 'coordinator@cipo.test', 'coordinator', { agency: 'CIPO' });
    advisor = await testSession(db, 'advisor@cipo.test', 'advisor', { agency: 'CIPO' });
    otherAdvisor = await testSession(db, 'advisor@rcmp.test', 'advisor', { agency: 'RCMP' });
    const account = await accountOf(db, coordinator);
    for (const [name, party] of [
      ['Amina Test', 'KEN'],
      ['Kofi Test', 'GHA'],
    ] as const) {
      const nominationId = await createNomination(db, null, editionId, candidateInput(name, party));
      await decideNomination(db, account, nominationId ?? 0, 'select', undefined);
    }
    const rows = await db.select().from(participants).where(eq(participants.editionId, editionId));
    aminaId = rows.find((p) => p.name === 'Amina Test')?.id ?? 0;
    kofiId = rows.find((p) => p.name === 'Kofi Test')?.id ?? 0;
    amina = await testSession(db, 'amina@kipi.test', 'participant', { participantId: aminaId });
    kofi = await testSession(db, 'kofi@ghana.test', 'participant', { participantId: kofiId });
  });
  afterAll(async () => {
    await database?.close();
  });

  const get = (session: TestSession, path: string) =>
    app.request(path, { headers: { Cookie: session.cookie } });
  const post = (session: TestSession, path: string, fields: Record<string, string>) =>
    app.request(path, formRequest(session, fields));
  const page = (id: number) => `/en/training/participants/${id}`;
  const upload = (session: TestSession, id: number, name: string, bytes: Buffer) => {
    const body = new FormData();
    body.set('_csrf', session.csrf);
    body.set('file', new File([new Uint8Array(bytes)], name));
    return app.request(`${page(id)}/presentation`, {
      method: 'POST',
      body,
      headers: { Cookie: session.cookie },
    });
  };

  it('assigns only an advisor of the organizer', async () => {
    const wrong = await post(coordinator, `${page(aminaId)}/advisor`, {
      advisorId: String(otherAdvisor.userId),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Choose an advisor from the list.');
    const right = await post(coordinator, `${page(aminaId)}/advisor`, { advisorId: String(advisor.userId) });
    expect(right.status).toBe(303);
    const [row] = await database.db.select().from(participants).where(eq(participants.id, aminaId));
    expect(row?.advisorId).toBe(advisor.userId);
    // Only the coordinator assigns.
    expect((await post(advisor, `${page(aminaId)}/advisor`, { advisorId: '' })).status).toBe(403);
  });

  it('lets the coordinator run the project and the assigned advisor follow it; other advisors get 403', async () => {
    const invalid = await post(coordinator, `${page(aminaId)}/project`, {
      title: '',
      plan: '',
      status: 'proposed',
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Enter a title.');
    const project = {
      title: 'Cutting the patent backlog',
      plan: 'Work-sharing with other offices.',
      status: 'in-progress',
    };
    expect((await post(coordinator, `${page(aminaId)}/project`, project)).status).toBe(303);
    const badDate = await post(coordinator, `${page(aminaId)}/milestones`, {
      title: 'Plan agreed',
      dueOn: '2028-02-31',
    });
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('Enter the due date as YYYY-MM-DD.');
    // Year 0 passes JavaScript's calendar but not PostgreSQL's: refused at the field, not a 500.
    const yearZero = await post(coordinator, `${page(aminaId)}/milestones`, {
      title: 'Plan agreed',
      dueOn: '0000-01-01',
    });
    expect(yearZero.status).toBe(400);
    expect(await yearZero.text()).toMatch(
      /aria-invalid="true"[^>]*>[\s\S]*?Enter the due date as YYYY-MM-DD\./,
    );
    expect(
      (await post(coordinator, `${page(aminaId)}/milestones`, { title: 'Plan agreed', dueOn: '2028-11-30' }))
        .status,
    ).toBe(303);

    expect((await get(otherAdvisor, page(aminaId))).status).toBe(403);
    expect((await post(otherAdvisor, `${page(aminaId)}/comments`, { body: 'Hello' })).status).toBe(403);
    expect(await (await get(otherAdvisor, '/en/training/advising')).text()).not.toContain('Amina Test');

    const advising = await (await get(advisor, '/en/training/advising')).text();
    expect(advising).toContain('Amina Test');
    expect(advising).not.toContain('Kofi Test');
    const html = await (await get(advisor, page(aminaId))).text();
    expect(html).toContain('Cutting the patent backlog');
    expect((await get(advisor, page(kofiId))).status).toBe(403);

    expect(
      (await post(advisor, `${page(aminaId)}/comments`, { body: 'Start with the oldest files.' })).status,
    ).toBe(303);
    const [milestone] = await database.db.select().from(projectMilestones);
    const done = { title: 'Plan agreed', dueOn: '2028-11-30', doneOn: '2028-11-20' };
    expect((await post(advisor, `${page(aminaId)}/milestones/${milestone?.id}`, done)).status).toBe(303);
    expect(
      (await post(advisor, `${page(aminaId)}/milestones`, { title: 'More', dueOn: '2029-01-31' })).status,
    ).toBe(403);
    const [updated] = await database.db.select().from(projectMilestones);
    expect(updated?.doneOn).toBe('2028-11-20');
    const comments = await database.db.select().from(projectComments);
    expect(comments.map((c) => [c.body, c.authorId])).toEqual([
      ['Start with the oldest files.', advisor.userId],
    ]);
  });

  it('shows a participant their own record only', async () => {
    const mine = await (await get(amina, '/en/training/me')).text();
    expect(mine).toContain('Amina Test');
    expect(mine).not.toContain('Kofi Test');
    const own = await get(amina, page(aminaId));
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Start with the oldest files.');
    expect((await get(amina, page(kofiId))).status).toBe(403);
    expect((await get(kofi, page(aminaId))).status).toBe(403);
    expect(
      (await post(amina, `${page(aminaId)}/project`, { title: 'Mine', plan: '', status: 'completed' }))
        .status,
    ).toBe(403);
    expect((await get(amina, '/en/training')).status).toBe(403);
    expect((await get(amina, `${page(aminaId)}/export.json`)).status).toBe(403);
  });

  it('accepts presentations by their bytes, up to 10 MB, and serves them as downloads to the three allowed', async () => {
    const html = await upload(
      amina,
      aminaId,
      'office.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('Only PDF, PPTX, PPT or ODP presentations are accepted');
    expect((await upload(amina, aminaId, 'office.pptx', pdfBytes)).status).toBe(400);
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('[Content_Types].xml word/document.xml'),
    ]);
    expect((await upload(amina, aminaId, 'office.pptx', docx)).status).toBe(400);
    expect((await upload(kofi, aminaId, 'office.pdf', pdfBytes)).status).toBe(403);
    const tooLarge = await upload(
      amina,
      aminaId,
      'office.pdf',
      Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(tooLarge.status).toBe(413);
    expect(await database.db.select().from(participantFiles)).toEqual([]);

    const ok = await upload(amina, aminaId, 'Our office (2028).pdf', pdfBytes);
    expect(ok.status).toBe(303);
    const [file] = await database.db.select().from(participantFiles);
    expect(file).toMatchObject({
      fileName: 'Our office (2028).pdf',
      contentType: 'application/pdf',
      sizeBytes: pdfBytes.length,
    });
    for (const session of [amina, coordinator, advisor]) {
      const download = await get(session, `${page(aminaId)}/files/${file?.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(
        'attachment; filename="Our office (2028).pdf"',
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(pdfBytes)).toBe(true);
    }
    expect((await get(kofi, `${page(aminaId)}/files/${file?.id}`)).status).toBe(403);
    expect((await get(otherAdvisor, `${page(aminaId)}/files/${file?.id}`)).status).toBe(403);
    expect((await get(kofi, `${page(kofiId)}/files/${file?.id}`)).status).toBe(404);
  });

  it('issues a certificate only to a completed participant', async () => {
    const early = await post(coordinator, `${page(aminaId)}/certificate`, {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('A certificate is issued only once the participant has completed.');
    expect((await get(coordinator, `${page(aminaId)}/certificate.pdf`)).status).toBe(404);
    expect((await post(advisor, `${page(aminaId)}/completion`, { completed: '1' })).status).toBe(403);

    expect((await post(coordinator, `${page(aminaId)}/completion`, { completed: '1' })).status).toBe(303);
    expect((await post(coordinator, `${page(aminaId)}/certificate`, {})).status).toBe(303);
    const [certificate] = await database.db.select().from(certificates);
    expect(certificate?.participantId).toBe(aminaId);
    expect(certificate?.code).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    for (const session of [coordinator, amina]) {
      const pdf = await get(session, `${page(aminaId)}/certificate.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    expect((await get(kofi, `${page(aminaId)}/certificate.pdf`)).status).toBe(403);
    const verified = await app.request(`/en/certificates/${certificate?.code}`);
    expect(verified.status).toBe(200);
    expect(await verified.text()).toContain('Amina Test');
    // Completion cannot be withdrawn under an issued certificate.
    expect((await post(coordinator, `${page(aminaId)}/completion`, { completed: '0' })).status).toBe(409);
  });

  it('tells the holder that the check link shows their name, and lets them revoke or replace it', async () => {
    const [before] = await database.db
      .select()
      .from(certificates)
      .where(eq(certificates.participantId, aminaId));
    const own = await (await get(amina, page(aminaId))).text();
    expect(own).toContain('Anyone you give this link to sees your name');
    expect(own).toContain(`/en/certificates/${before?.code}`);
    const french = await (await get(amina, page(aminaId).replace('/en/', '/fr/'))).text();
    expect(french).toContain('Toute personne à qui vous donnez ce lien voit votre nom');
    // Someone else's certificate is not theirs to change.
    expect((await post(kofi, `${page(aminaId)}/certificate/revoke`, {})).status).toBe(403);

    const revoked = await post(amina, `${page(aminaId)}/certificate/revoke`, {});
    expect(revoked.headers.get('location')).toBe(`${page(aminaId)}?done=linkRevoked`);
    const check = await (await app.request(`/en/certificates/${before?.code}`)).text();
    expect(check).toMatch(/revoked/i);

    const reissued = await post(amina, `${page(aminaId)}/certificate/reissue`, {});
    expect(reissued.headers.get('location')).toBe(`${page(aminaId)}?done=linkReissued`);
    const [after] = await database.db
      .select()
      .from(certificates)
      .where(eq(certificates.participantId, aminaId));
    expect(after?.code).not.toBe(before?.code);
    expect(after?.revokedAt).toBeNull();
    expect((await app.request(`/en/certificates/${before?.code}`)).status).toBe(404);
    const valid = await app.request(`/en/certificates/${after?.code}`);
    expect(valid.status).toBe(200);
    expect(await valid.text()).toContain('Amina Test');
    const notice = await (await get(amina, `${page(aminaId)}?done=linkReissued`)).text();
    expect(notice).toContain('The certificate has a new link; the old one no longer works.');
  });
});
