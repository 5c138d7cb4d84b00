import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountById } from '../accounts/service.ts';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo, type TrainingDemoSummary } from '../demo/training-demo.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';
import { decideNomination } from './editions/selection.ts';
import { createNomination } from './nominations/service.ts';

const langs = ['en', 'fr'] as const;
type Role = 'admin' | 'coordinator' | 'advisor' | 'focal point' | 'participant';

describe('sign-in, account and training workspace pages: accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let training: TrainingDemoSummary;
  let programmeId: number;
  const nominationIds: number[] = [];
  const sessions = {} as Record<Role, TestSession>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { db } = database;
    programmeId = (await seedDemo(db)).programmeId;
    training = await seedTrainingOperationsDemo(db);
    sessions.admin = await testSession(db, 'admin@a11y.test', 'admin');
    sessions.coordinator = await testSession(db, 'coordinator@cipo.a11y.test', 'coordinator', {
      agency: 'CIPO',
    });
    // The demo's own advisor, so the advising page lists the participants in their care.
    sessions.advisor = await testSession(db, 'advisor.cipo@demo.ipcoop.test', 'advisor', { agency: 'CIPO' });
    sessions['focal point'] = await testSession(db, 'focal@kipi.a11y.test', 'focal-point', { party: 'KEN' });
    sessions.participant = await testSession(db, 'participant@a11y.test', 'participant', {
      participantId: training.participantIds[0] ?? 0,
    });
    // Candidates for the open edition, so its page shows the decision buttons row by row.
    const focal = await accountById(db, sessions['focal point'].userId);
    const coordinator = await accountById(db, sessions.coordinator.userId);
    if (!focal || !coordinator) throw new Error('test accounts were not stored');
    for (const [candidateName, email] of [
      ['Achieng Otieno', 'achieng@kipi.example'],
      ['Baraka Mwangi', 'baraka@kipi.example'],
    ] as const) {
      const id = await createNomination(db, focal, training.openEditionId, {
        candidateName,
        position: 'Deputy Director',
        office: 'Kenya Industrial Property Institute',
        partyCode: 'KEN',
        email,
        phone: null,
        motivation: 'Leads the modernization of the office.',
        gender: null,
        consentPublicName: true,
      });
      if (id === null) throw new Error('the open edition refused the nomination');
      nominationIds.push(id);
    }
    const outcome = await decideNomination(db, coordinator, nominationIds[0] ?? 0, 'select', 1);
    if (!outcome.ok) throw new Error(`the selection was refused: ${outcome.reason}`);
    server = await serveForTest(database);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  /** A browser profile, signed in as the role when one is given; axe is injected past the page's CSP. */
  async function browserAs(role?: Role): Promise<BrowserContext> {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    contexts.push(context);
    if (role) {
      const [name = '', value = ''] = sessions[role].cookie.split('=');
      await context.addCookies([{ name, value, url: server.url }]);
    }
    return context;
  }

  /** The page as served: no script and no inline style (the CSP forbids both), then axe's findings. */
  async function check(page: Page, label: string, response: Response | null, status = 200) {
    expect(response?.status(), label).toBe(status);
    const html = (await response?.text()) ?? '';
    const failures: string[] = [];
    if (/<script/i.test(html)) failures.push(`${label}: the HTML carries a <script> element`);
    if (/\sstyle=/i.test(html)) failures.push(`${label}: the HTML carries a style= attribute`);
    for (const violation of await axeViolations(page)) failures.push(`${label}: ${violation}`);
    return failures;
  }

  async function visit(context: BrowserContext, path: string) {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${path}`);
    // A page the role may not see would end on the sign-in page, which proves nothing about this one.
    expect(page.url(), path).toBe(`${server.url}${path}`);
    const found = await check(page, path, response);
    await page.close();
    return found;
  }

  /** Submits the page's main form and checks the page the server answers with. */
  async function submit(page: Page, label: string, status: number) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      page.locator('main form button[type=submit]').last().click(),
    ]);
    await page.waitForLoadState();
    return check(page, label, response, status);
  }

  it('finds no violation on the sign-in page, blank and after a wrong password', async () => {
    const context = await browserAs();
    const failures: string[] = [];
    for (const lang of langs) {
      failures.push(...(await visit(context, `/${lang}/sign-in`)));
      const page = await context.newPage();
      await page.goto(`${server.url}/${lang}/sign-in`);
      await page.fill('#email', 'coordinator@cipo.a11y.test');
      await page.fill('#password', 'not the password');
      failures.push(...(await submit(page, `/${lang}/sign-in (wrong password)`, 401)));
      expect(await page.locator('main [role=alert]').count(), lang).toBeGreaterThan(0);
      await page.close();
    }
    expect(failures).toEqual([]);
  });

  /** What each role is shown, in English and French. */
  const rolePages: Array<[Role, (t: TrainingDemoSummary) => string[]]> = [
    ['admin', () => ['/accounts', `/accounts/${sessions['focal point'].userId}`]],
    [
      'coordinator',
      (t) => [
        '/account',
        '/workspace',
        '/training',
        `/training/editions/${t.editionId}`,
        `/training/editions/${t.openEditionId}`,
        `/training/participants/${t.participantIds[0]}`,
        '/training/alumni',
        `/training/programmes/${programmeId}/signatories`,
      ],
    ],
    ['advisor', () => ['/account', '/workspace', '/training/advising']],
    [
      'focal point',
      (t) => [
        '/account',
        '/workspace',
        '/training/nominations',
        `/training/editions/${t.openEditionId}/nominations/new`,
        `/training/nominations/${nominationIds[1]}/edit`,
      ],
    ],
    ['participant', () => ['/account', '/workspace', '/training/me']],
  ];
  for (const [role, paths] of rolePages) {
    it(`finds no violation on the account, workspace and training pages, signed in as ${role}`, async () => {
      const context = await browserAs(role);
      const failures: string[] = [];
      for (const lang of langs) {
        for (const path of paths(training)) failures.push(...(await visit(context, `/${lang}${path}`)));
      }
      expect(failures).toEqual([]);
    }, 180_000);
  }

  it('names the candidate in each decision button of the repeated rows, offering only what changes something', async () => {
    const context = await browserAs('coordinator');
    const page = await context.newPage();
    for (const [lang, select, waitlist] of [
      ['en', 'Select', 'Waitlist'],
      ['fr', 'Sélectionner', 'Liste d’attente'],
    ] as const) {
      await page.goto(`${server.url}/${lang}/training/editions/${training.openEditionId}`);
      // Achieng Otieno is selected already: "Select" is not offered for her again.
      for (const [name, action, offered] of [
        ['Achieng Otieno', select, 0],
        ['Achieng Otieno', waitlist, 1],
        ['Baraka Mwangi', select, 1],
        ['Baraka Mwangi', waitlist, 1],
      ] as const) {
        await expect(
          page.getByRole('button', { name: `${action} ${name}`, exact: true }).count(),
          `${lang}: ${action} ${name}`,
        ).resolves.toBe(offered);
      }
    }
    await page.close();
  });

  it('finds no violation on the nomination form sent empty, with its field errors', async () => {
    const context = await browserAs('focal point');
    const failures: string[] = [];
    for (const lang of langs) {
      const path = `/${lang}/training/editions/${training.openEditionId}/nominations/new`;
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      failures.push(...(await submit(page, `${path} (sent empty)`, 400)));
      expect(await page.locator('main .field-error').count(), lang).toBeGreaterThan(3);
      expect(await page.locator('main [aria-invalid=true]').count(), lang).toBeGreaterThan(3);
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
