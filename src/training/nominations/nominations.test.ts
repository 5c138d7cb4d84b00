import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../accounts/schema.ts';
import { formRequest, type TestSession, testSession } from '../../accounts/test-sessions.ts';
import { activityBeneficiaries } from '../../activities/schema.ts';
import { createApp } from '../../app.tsx';
import { auditLog } from '../../audit/schema.ts';
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

    // Refused or not, a decision lands on the edition page (GET): a reload sends nothing again.
    const full = await decide(coordinator, second.id, 'select');
    expect(full.status).toBe(303);
    const back = full.headers.get('location') ?? '';
    expect(back).toBe(
      `/en/training/editions/${editionId}?refused=capacityFull&nomination=${second.id}#nomination-${second.id}`,
    );
    const refusedPage = await app.request(back, { headers: { Cookie: coordinator.cookie } });
    expect(refusedPage.status).toBe(200);
    expect(await refusedPage.text()).toContain('The edition is full: all 1 seats are taken.');
    const refusedFr = await app.request(back.replace('/en/', '/fr/'), {
      headers: { Cookie: coordinator.cookie },
    });
    expect(await refusedFr.text()).toContain('L’édition est complète');
    expect((await nominationOf('Baraka Mwangi')).status).toBe('nominated');

    expect((await decide(coordinator, second.id, 'waitlist', '2')).status).toBe(303);
    expect(await nominationOf('Baraka Mwangi')).toMatchObject({ status: 'waitlisted', rank: 2 });
    expect(await nominationOf('Achieng Otieno')).toMatchObject({ status: 'selected', rank: 1 });

    // The focal point is told who and for which edition, in their language.
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, kenya.userId));
    expect(told.map((n) => (n.params as Record<string, string>).en)).toEqual([
      'Achieng Otieno was selected for WIPO-CIPO Executive Training Program 2028.',
      'Baraka Mwangi is on the waiting list of WIPO-CIPO Executive Training Program 2028.',
    ]);
    expect((told[0]?.params as Record<string, string> | undefined)?.es).toBe(
      'La candidatura de Achieng Otieno para WIPO-CIPO Executive Training Program 2028 fue seleccionada.',
    );
    expect(told.map((n) => n.link)).toEqual([
      `/training/nominations#nomination-${first.id}`,
      `/training/nominations#nomination-${second.id}`,
    ]);
    // Selected already: "Select" is not offered again, and sending it anyway changes nothing.
    const editionHtml = await (
      await app.request(`/en/training/editions/${editionId}`, { headers: { Cookie: coordinator.cookie } })
    ).text();
    const firstRow = editionHtml.slice(editionHtml.indexOf(`id="nomination-${first.id}"`));
    const firstForm = firstRow.slice(0, firstRow.indexOf('</form>'));
    expect(firstForm).not.toContain('value="select"');
    expect(firstForm).toContain('value="waitlist"');
    const auditBefore = (await database.db.select().from(auditLog)).length;
    expect((await decide(coordinator, first.id, 'select', '1')).status).toBe(303);
    expect((await database.db.select().from(auditLog)).length).toBe(auditBefore);

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
    // The form says who sees the data and why, and asks who is nominating.
    const formHtml = await form.text();
    expect(formHtml).toContain('Who sees this and why');
    expect(formHtml).toContain('Only the coordinators of the organizer (CIPO) see this nomination');
    const spanishForm = await (await app.request(path.replace('/en/', '/es/'))).text();
    expect(spanishForm).toContain('Quién ve estos datos y para qué');
    const anonymousNominator = await post(candidate('Public Person', 'GHA'));
    expect(anonymousNominator.status).toBe(400);
    expect(await anonymousNominator.text()).toContain('Enter your name.');
    const nominator = { nominatorName: 'Ama Boateng, Registrar', nominatorEmail: 'Ama@RGD.example' };
    const accepted = await post({ ...candidate('Public Person', 'GHA'), ...nominator });
    expect(accepted.status).toBe(303);
    const thanks = accepted.headers.get('location') ?? '';
    expect(thanks).toBe(`${path}/thanks`);
    expect(await (await app.request(thanks)).text()).toContain('Nomination received');
    expect(await nominationOf('Public Person')).toMatchObject({
      partyCode: 'GHA',
      nominatedBy: null,
      nominatorName: 'Ama Boateng, Registrar',
      nominatorEmail: 'ama@rgd.example',
    });
    const coordinatorView = await (
      await app.request(`/en/training/editions/${editionId}`, { headers: { Cookie: coordinator.cookie } })
    ).text();
    expect(coordinatorView).toContain('Ama Boateng, Registrar, ama@rgd.example');
    const noToken = await app.request(path, {
      method: 'POST',
      body: new URLSearchParams(candidate('No Token', 'GHA')),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(noToken.status).toBe(403);
  });

  it('lets a focal point change or withdraw a nomination until it is decided, and no one else', async () => {
    expect((await nominate(kenya, candidate('Chebet Kiprop'))).status).toBe(303);
    expect((await nominate(kenya, candidate('Daudi Kamau'))).status).toBe(303);
    const chebet = await nominationOf('Chebet Kiprop');
    const daudi = await nominationOf('Daudi Kamau');

    const list = await (
      await app.request('/fr/training/nominations', { headers: { Cookie: kenya.cookie } })
    ).text();
    expect(list).toContain(`/fr/training/nominations/${chebet.id}/edit`);
    expect(list).toContain('Ne peut plus être modifiée');

    const form = await app.request(`/en/training/nominations/${chebet.id}/edit`, {
      headers: { Cookie: kenya.cookie },
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Change the nomination of Chebet Kiprop');
    const edit = (session: TestSession, id: number, fields: Record<string, string>, lang = 'en') =>
      app.request(`/${lang}/training/nominations/${id}/edit`, formRequest(session, fields));
    const bad = await edit(kenya, chebet.id, { ...candidate('Chebet Kiprop'), motivation: '' }, 'es');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Explique por qué este candidato debería participar.');
    const saved = await edit(kenya, chebet.id, {
      ...candidate('Chebet Kiprop'),
      position: 'Director, Trade Marks',
    });
    expect(saved.headers.get('location')).toBe('/en/training/nominations?done=nominationUpdated');
    expect((await nominationOf('Chebet Kiprop')).position).toBe('Director, Trade Marks');
    // Another party's focal point may not touch it.
    expect((await edit(uganda, chebet.id, candidate('Chebet Kiprop', 'UGA'))).status).toBe(403);

    const withdraw = (session: TestSession, id: number, confirm = 'yes') =>
      app.request(`/en/training/nominations/${id}/withdraw`, formRequest(session, { confirm }));
    expect((await withdraw(uganda, daudi.id)).status).toBe(403);
    expect((await withdraw(kenya, daudi.id, '')).headers.get('location')).toBe(
      '/en/training/nominations?done=withdrawNeedsConfirm',
    );
    expect((await withdraw(kenya, daudi.id)).headers.get('location')).toBe(
      '/en/training/nominations?done=nominationWithdrawn',
    );
    expect((await nominationOf('Daudi Kamau')).status).toBe('withdrawn');
    // A withdrawn candidate is not the coordinator's to decide on any more.
    const refused = await decide(coordinator, daudi.id, 'waitlist');
    expect(refused.headers.get('location')).toContain('refused=withdrawnByOffice');
    expect((await nominationOf('Daudi Kamau')).status).toBe('withdrawn');

    // Once decided, the office can no longer change it.
    expect((await decide(coordinator, chebet.id, 'waitlist')).status).toBe(303);
    const late = await edit(kenya, chebet.id, candidate('Chebet Kiprop'));
    expect(late.headers.get('location')).toBe('/en/training/nominations?done=alreadyDecided');
    const page = await (
      await app.request('/en/training/nominations?done=alreadyDecided', { headers: { Cookie: kenya.cookie } })
    ).text();
    expect(page).toContain('The coordinators have already decided on this nomination');
    expect((await nominationOf('Chebet Kiprop')).position).toBe('Director, Trade Marks');
  });

  it('closes nominations when the edition moves on, and only one step at a time', async () => {
    const skip = await app.request(
      `/en/training/editions/${editionId}/status`,
      formRequest(coordinator, { to: 'running' }),
    );
    expect(skip.status).toBe(303);
    expect(skip.headers.get('location')).toBe(`/en/training/editions/${editionId}?refused=statusNotNext`);
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
