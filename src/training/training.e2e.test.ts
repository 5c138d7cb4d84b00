import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, resolveGrant } from '../accounts/service.ts';
import { activityBeneficiaries } from '../activities/schema.ts';
import { cliActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { launchChromium, serveForTest } from '../testing/browser.ts';
import { certificates, nominations, participants, trainingEditions } from './schema.ts';
import { insertEdition } from './test-fixtures.ts';

const password = 'correct horse battery staple';

describe('running a training edition in Chromium, without JavaScript', () => {
  let database: Database;
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;
  let editionId: number;
  let draftId: number;
  let advisorId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { db } = database;
    const demo = await seedDemo(db);
    editionId = await insertEdition(db, demo.programmeId, { capacity: 1, status: 'open' });
    const [draft] = await db
      .insert(reports)
      .values({
        reportingPartyCode: 'CAN',
        periodStart: '2027-01-01',
        periodEnd: '2028-12-31',
        originalLanguage: 'en',
        status: 'draft',
        source: 'e2e draft',
      })
      .returning({ id: reports.id });
    draftId = draft?.id ?? 0;
    const user = async (email: string, role: string, scope: { party?: string; agency?: string }) =>
      (
        await addUser(db, cliActor, {
          email,
          displayName: email.split('@')[0],
          grant: await resolveGrant(db, role, scope),
          password,
        })
      ).id;
    await user('focal@kipi.e2e', 'focal-point', { party: 'KEN' });
    await user('coordinator@cipo.e2e', 'coordinator', { agency: 'CIPO' });
    await user('reporter@canada.e2e', 'reporter', { party: 'CAN' });
    advisorId = await user('advisor@cipo.e2e', 'advisor', { agency: 'CIPO' });
    const server = await serveForTest(database);
    const chromium = await launchChromium();
    browser = chromium.browser;
    url = server.url;
    close = async () => {
      await chromium.close();
      await server.close();
    };
  });
  afterAll(async () => {
    await close?.();
    await database?.close();
  });

  /** A fresh browser profile, signed in through the sign-in page. */
  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${url}/en/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(`${url}/en/workspace`);
    return page;
  }

  it('takes an edition from nominations to a verified certificate and into the Art. 67 draft', async () => {
    // The focal point of Kenya nominates two candidates.
    const focal = await signIn('focal@kipi.e2e');
    await focal.getByRole('link', { name: 'Nominations for training' }).click();
    for (const name of ['Achieng Otieno', 'Baraka Mwangi']) {
      await focal
        .getByRole('link', { name: 'Nominate a candidate for WIPO-CIPO Executive Training Program 2028' })
        .click();
      await focal.fill('#candidateName', name);
      await focal.fill('#position', 'Deputy Director');
      await focal.fill('#office', 'Kenya Industrial Property Institute');
      await focal.fill('#email', `${name.split(' ')[0]?.toLowerCase()}@kipi.example`);
      await focal.fill('#motivation', 'Leads the modernization of the office.');
      await focal.selectOption('#gender', 'female');
      await focal.check('#consentPublicName');
      await focal.getByRole('button', { name: 'Send the nomination' }).click();
      await expect(focal.getByRole('status').innerText()).resolves.toBe('The nomination was sent.');
    }
    await expect(focal.locator('main table').innerText()).resolves.toContain('Baraka Mwangi');

    // The coordinator selects one and waitlists the other; the edition holds one.
    const coordinator = await signIn('coordinator@cipo.e2e');
    await coordinator.getByRole('link', { name: 'Training editions' }).click();
    await coordinator.getByRole('link', { name: '2028' }).click();
    await coordinator
      .locator('tr', { hasText: 'Achieng Otieno' })
      .getByRole('button', { name: 'Select' })
      .click();
    await expect(coordinator.getByRole('status').innerText()).resolves.toContain('The decision was recorded');
    await coordinator
      .locator('tr', { hasText: 'Baraka Mwangi' })
      .getByRole('button', { name: 'Waitlist' })
      .click();
    await expect(coordinator.getByRole('status').innerText()).resolves.toContain('The decision was recorded');

    await focal.reload();
    const standing = await focal.locator('main table').innerText();
    expect(standing).toMatch(/Achieng Otieno[\s\S]*Selected/);
    expect(standing).toMatch(/Baraka Mwangi[\s\S]*On the waiting list/);

    // The participant gets an advisor, a research project and a milestone.
    await coordinator.getByRole('link', { name: 'Achieng Otieno' }).click();
    await coordinator.selectOption('#advisorId', String(advisorId));
    await coordinator.locator('form[action$="/advisor"] button').click();
    await expect(coordinator.getByRole('status').innerText()).resolves.toBe('The advisor was saved.');
    await coordinator.fill('#project-title', 'Cutting the patent backlog');
    await coordinator.fill('#project-plan', 'Work-sharing with other offices.');
    await coordinator.getByRole('button', { name: 'Save the project' }).click();
    await coordinator.getByText('Add a milestone', { exact: true }).first().click();
    await coordinator.fill('#m-new-title', 'Plan agreed with the advisor');
    await coordinator.fill('#m-new-dueOn', '2028-11-30');
    await coordinator.locator('form[action$="/milestones"] button').click();
    await expect(coordinator.getByRole('status').innerText()).resolves.toBe('The milestone was saved.');
    await expect(coordinator.locator('main').innerText()).resolves.toContain('Plan agreed with the advisor');
    const participantUrl = coordinator.url().replace(/\?.*$/, '');

    // The edition runs its course.
    await coordinator.getByRole('link', { name: 'WIPO-CIPO Executive Training Program 2028' }).click();
    for (const status of ['Selection', 'Running', 'Completed']) {
      await coordinator.getByRole('button', { name: `Move to “${status}”` }).click();
      await expect(coordinator.getByRole('status').innerText()).resolves.toBe('The status was changed.');
    }
    const [edition] = await database.db
      .select()
      .from(trainingEditions)
      .where(eq(trainingEditions.id, editionId));
    expect(edition?.status).toBe('completed');

    // Completion, certificate, and its public verification.
    await coordinator.goto(participantUrl);
    await coordinator.getByRole('button', { name: 'Mark as completed' }).click();
    await coordinator.getByRole('button', { name: 'Issue the certificate' }).click();
    await expect(coordinator.getByRole('status').innerText()).resolves.toBe('The certificate was issued.');
    const pdf = await coordinator.request.get(`${participantUrl}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const verification = await coordinator
      .getByRole('link', { name: 'Public verification page' })
      .getAttribute('href');
    const [certificate] = await database.db.select().from(certificates);
    expect(verification).toBe(`/en/certificates/${certificate?.code}`);
    const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const verified = await anonymous.goto(`${url}${verification}`);
    expect(verified?.status()).toBe(200);
    await expect(anonymous.locator('main').innerText()).resolves.toContain('Achieng Otieno');

    // The organizer's Art. 67 draft lists the edition with Kenya as beneficiary.
    const [row] = await database.db
      .select()
      .from(reportActivities)
      .where(
        and(
          eq(reportActivities.reportId, draftId),
          eq(reportActivities.activityId, edition?.activityId ?? 0),
        ),
      );
    expect(row?.origin).toBe('training-edition');
    const beneficiaries = await database.db
      .select()
      .from(activityBeneficiaries)
      .where(eq(activityBeneficiaries.activityId, edition?.activityId ?? 0));
    expect(beneficiaries.map((b) => b.partyCode)).toEqual(['KEN']);
    const reporter = await signIn('reporter@canada.e2e');
    const draftPage = await reporter.goto(`${url}/en/drafting/reports/${draftId}`);
    expect(draftPage?.status()).toBe(200);
    const draftText = await reporter.locator('main').innerText();
    expect(draftText).toContain('WIPO-CIPO Executive Training Program 2028');
    expect(draftText).toContain('Kenya');

    const stored = await database.db.select().from(nominations).where(eq(nominations.editionId, editionId));
    expect(stored.map((n) => n.status).sort()).toEqual(['selected', 'waitlisted']);
    expect(
      await database.db.select().from(participants).where(eq(participants.editionId, editionId)),
    ).toHaveLength(1);
    expect(problems).toEqual([]); // nothing blocked by the strict CSP
  }, 180_000); // a whole edition in the browser, four roles: a loaded machine needs the time
});
