import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activityBeneficiaries } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import type { Database } from '../../db/database.ts';
import { openTestDatabase, testBackends } from '../../db/test-database.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { nominations, participants, trainingEditions } from '../schema.ts';
import { candidate, insertEdition } from '../test-fixtures.ts';

describe.each(testBackends)('nominations and selection (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let editionId: number;
  let coordinator: TestSession;
  let kenya: TestSession;
  let uganda: TestSession;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const demo = await seedDemo(database.db);
    app = createApp(database);
    editionId = await insertEdition(database.db, demo.programmeId, { capacity: 1, publicNominations: true });
    coordinator = await testSession(database.db, 'coordinator@cipo.test', 'coordinator', { agency: 'CIPO' });
    kenya = await testSession(database.db, 'focal@kipi.test', 'focal-point', { party: 'KEN' });
    uganda = await testSession(database.db, 'focal@ursb.test', 'focal-point', { party: 'UGA' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const nominate = (session: TestSession | null, fields: Record<string, string>, lang = 'en') =>
    app.request(`/${lang}/training/editions/${editionId}/nominations/new`, formRequest(session, fields));
  const decide = (session: TestSession, nominationId: number, decision: string, rank = '') =>
    app.request(
      `/en/training/nominations/${nominationId}/decision`,
      formRequest(session, { decision, rank }),
    );
  const nominationOf = async (name: string) => {
    const [row] = await database.db.select().from(nominations).where(eq(nominations.candidateName, name));
    if (!row) throw new Error(`no nomination of ${name}`);
    return row;
  };

  it('lets a focal point nominate candidates of their own party only, with errors in their language', async () => {
    const form = await app.request(`/en/training/editions/${editionId}/nominations/new`, {
      headers: { Cookie: kenya.cookie },
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="candidateName"');

    const otherParty = await nominate(kenya, candidate('Someone Else', 'UGA'));
    expect(otherParty.status).toBe(400);
    expect(await otherParty.text()).toContain('Choose a Member from the list.');

    const french = await nominate(kenya, { ...candidate('Bad Address'), email: 'not-an-address' }, 'fr');
    expect(french.status).toBe(400);
    expect(await french.text()).toContain('Saisissez une adresse électronique comme nom@exemple.org.');

    for (const name of ['Achieng Otieno', 'Baraka Mwangi']) {
      const response = await nominate(kenya, candidate(name));
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/en/training/nominations?done=nominated');
    }
    const stored = await database.db.select().from(nominations).where(eq(nominations.editionId, editionId));
    expect(stored.map((n) => [n.candidateName, n.partyCode, n.nominatedBy, n.status])).toEqual([
      ['Achieng Otieno', 'KEN', kenya.userId, 'nominated'],
      ['Baraka Mwangi', 'KEN', kenya.userId, 'nominated'],
    ]);
  });

  it("shows a focal point their office's candidates and nobody else's", async () => {
    const own = await (
      await app.request('/en/training/nominations', { headers: { Cookie: kenya.cookie } })
    ).text();
    expect(own).toContain('Achieng Otieno');
    expect(own).toContain('Baraka Mwangi');
    const other = await app.request('/en/training/nominations', { headers: { Cookie: uganda.cookie } });
    expect(other.status).toBe(200);
    const html = await other.text();
    expect(html).not.toContain('Achieng Otieno');
    expect(html).not.toContain('Baraka Mwangi');
    // Nor through the coordinator's pages.
    const edition = await app.request(`/en/training/editions/${editionId}`, {
      headers: { Cookie: uganda.cookie },
    });
    expect(edition.status).toBe(403);
    expect(await edition.text()).not.toContain('Achieng Otieno');
    const signedOut = await app.request('/en/training/nominations');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toContain('/en/sign-in?next=');
  });

  it('selects within capacity, creates the participant, waitlists, and tells the focal point', async () => {
    const first = await nominationOf('Achieng Otieno');
    const second = await nominationOf('Baraka Mwangi');
    expect((await decide(coordinator, first.id, 'rank', '1')).status).toBe(303);
    expect((await decide(coordinator, first.id, 'select')).status).toBe(303);

    const [participant] = await database.db
      .select()
      .from(participants)
      .where(eq(participants.nominationId, first.id));
    expect(participant).toMatchObject({
      editionId,
      name: 'Achieng Otieno',
      office: 'Kenya Industrial Property Institute',
      partyCode: 'KEN',
      position: 'Deputy Director, Patents',
      email: 'achieng.otieno@kipi.example',
      gender: 'female',
      consentPublicName: true,
    });

    const full = await decide(coordinator, second.id, 'select');
    expect(full.status).toBe(409);
    expect(await full.text()).toContain('The edition is full: all 1 seats are taken.');
    expect((await nominationOf('Baraka Mwangi')).status).toBe('nominated');

    expect((await decide(coordinator, second.id, 'waitlist', '2')).status).toBe(303);
    expect(await nominationOf('Baraka Mwangi')).toMatchObject({ status: 'waitlisted', rank: 2 });
    expect(await nominationOf('Achieng Otieno')).toMatchObject({ status: 'selected', rank: 1 });

    const told = await database.db.select().from(notifications).where(eq(notifications.userId, kenya.userId));
    expect(told.map((n) => (n.params as Record<string, string>).en)).toEqual([
      expect.stringContaining(`Your nomination no. ${first.id}`),
      expect.stringContaining('is on the waiting list'),
    ]);
    // Personal data stays out of notifications (they outlive an erasure).
    expect(JSON.stringify(told)).not.toContain('Achieng');

    const page = await (
      await app.request('/en/training/nominations', { headers: { Cookie: kenya.cookie } })
    ).text();
    expect(page).toContain('Selected');
    expect(page).toContain('On the waiting list');

    // The edition's Art. 67 activity now has Kenya as beneficiary.
    const [edition] = await database.db
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, editionId));
    const beneficiaries = await database.db
      .select()
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, edition?.activityId ?? 0));
    expect(beneficiaries.map((b) => b.partyCode)).toEqual(['KEN']);
  });

  it('lets only coordinators of the organizer decide', async () => {
    const rcmp = await testSession(database.db, 'coordinator@rcmp.test', 'coordinator', { agency: 'RCMP' });
    const second = await nominationOf('Baraka Mwangi');
    expect((await decide(rcmp, second.id, 'decline')).status).toBe(403);
    expect((await decide(kenya, second.id, 'decline')).status).toBe(403);
    expect((await nominationOf('Baraka Mwangi')).status).toBe('waitlisted');
    const forged = await app.request(
      `/en/training/nominations/${second.id}/decision`,
      formRequest({ ...coordinator, csrf: 'x'.repeat(43) }, { decision: 'decline' }),
    );
    expect(forged.status).toBe(403);
    expect((await nominationOf('Baraka Mwangi')).status).toBe('waitlisted');
  });

  it('takes public nominations through the anonymous form, validated strictly', async () => {
    const path = `/en/programmes/editions/${editionId}/nominate`;
    const form = await app.request(path);
    expect(form.status).toBe(200);
    const cookie = form.headers.get('set-cookie')?.split(';')[0] ?? '';
    const token = cookie.split('=')[1] ?? '';
    expect(token).toMatch(/^[\w-]{43}$/);
    const post = (fields: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, _csrf: token }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      });
    const unknownParty = await post(candidate('Public Person', 'XXX'));
    expect(unknownParty.status).toBe(400);
    const igo = await post(candidate('Public Person', 'WIPO'));
    expect(igo.status).toBe(400);
    const script = await post({ ...candidate('<script>alert(1)</script>', 'GHA'), email: '' });
    expect(script.status).toBe(400);
    const html = await script.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Enter an e-mail address.');
    const accepted = await post(candidate('Public Person', 'GHA'));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('Nomination received');
    expect(await nominationOf('Public Person')).toMatchObject({ partyCode: 'GHA', nominatedBy: null });
    const noToken = await app.request(path, {
      method: 'POST',
      body: new URLSearchParams(candidate('No Token', 'GHA')),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(noToken.status).toBe(403);
  });

  it('closes nominations when the edition moves on, and only one step at a time', async () => {
    const skip = await app.request(
      `/en/training/editions/${editionId}/status`,
      formRequest(coordinator, { to: 'running' }),
    );
    expect(skip.status).toBe(409);
    const next = await app.request(
      `/en/training/editions/${editionId}/status`,
      formRequest(coordinator, { to: 'selection' }),
    );
    expect(next.status).toBe(303);
    const late = await nominate(kenya, candidate('Late Candidate'));
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('This edition is not taking nominations.');
    const publicLate = await app.request(`/en/programmes/editions/${editionId}/nominate`);
    expect(await publicLate.text()).toContain('This edition is not taking nominations.');
    const rows = await database.db
      .select()
      .from(nominations)
      .where(and(eq(nominations.editionId, editionId), eq(nominations.candidateName, 'Late Candidate')));
    expect(rows).toEqual([]);
  });
});
