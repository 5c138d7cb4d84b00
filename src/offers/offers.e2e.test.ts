import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { languages } from '../i18n/languages.ts';
import { addNeed, createAssessment, publishAssessment } from '../needs/service.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

/**
 * Offers, suggestions and proposals in Chromium: axe on every new page in three languages, then a
 * donor's reporter sees a suggested match and proposes; the Member's focal point accepts; the
 * need shows "offered".
 */
describe('offers and proposals in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let reporter: TestSession;
  let focalPoint: TestSession;
  let needId: number;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await seedTrainingOperationsDemo(database.db);
    await seedNeedsDemo(database.db);
    const actor = { userId: null, label: 'test' };
    const assessment = await createAssessment(database.db, actor, {
      party: 'UGA',
      symbol: null,
      documentDate: null,
      source: 'national-strategy',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    needId = await addNeed(
      database.db,
      actor,
      { id: assessment, language: 'en', status: 'draft' },
      {
        title: 'Patent examiners for biotechnology applications',
        description: null,
        ipAreas: ['patents'],
        kindsOfHelp: ['training-personnel'],
        institution: null,
        priority: 'high',
        wishedStart: null,
        wishedEnd: null,
      },
    );
    await publishAssessment(database.db, actor, assessment);
    reporter = await testSession(database.db, 'reporter.e2e@example.org', 'reporter', { party: 'CAN' });
    focalPoint = await testSession(database.db, 'focal.e2e@example.org', 'focal-point', { party: 'UGA' });
    server = await serveForTest(database);
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  const signedIn = async (session: TestSession) => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const [name = '', value = ''] = session.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    return context;
  };

  it('has no axe violation on the pages of offers, suggestions and proposals, in three languages', async () => {
    const failures: string[] = [];
    for (const [session, paths] of [
      [
        reporter,
        (lang: string) => [
          `/${lang}/offers`,
          `/${lang}/offers?kind=training-personnel&region=002`,
          `/${lang}/offers/1`,
          `/${lang}/offers/1/edit`,
          `/${lang}/offers/new`,
          `/${lang}/offers/mine`,
          `/${lang}/needs/${needId}`,
        ],
      ],
      [focalPoint, (lang: string) => [`/${lang}/needs/1`]],
    ] as const) {
      const context = await signedIn(session);
      const page = await context.newPage();
      for (const lang of languages) {
        for (const path of paths(lang)) {
          const response = await page.goto(`${server.url}${path}`);
          if (response?.status() !== 200) failures.push(`${path}: ${response?.status()}`);
          failures.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
        }
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('a reporter sees a suggested offer and proposes; the focal point accepts; the need shows offered', async () => {
    const donor = await signedIn(reporter);
    const page = await donor.newPage();
    await page.goto(`${server.url}/en/needs/${needId}`);
    const suggestions = page.locator('section[aria-labelledby="suggestions-title"]');
    expect(await suggestions.textContent()).toContain(
      'Patent examination training for least-developed Members',
    );
    expect(await suggestions.textContent()).toContain('Open to: Least developed countries');
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    expect(await page.locator('#text-error').textContent()).toContain('Say what you propose.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Your proposal').fill('Two places in our 2027 course.');
    await page.getByLabel('With one of your open offers (optional)').selectOption({
      label: 'Patent examination training for least-developed Members',
    });
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await page.waitForURL(/done=proposed/);
    await donor.close();

    const member = await signedIn(focalPoint);
    const answer = await member.newPage();
    await answer.goto(`${server.url}/fr/needs/${needId}`);
    expect(await answer.locator('.tag').first().textContent()).toBe('Offre reçue');
    // The answer form of a pending proposal passes axe too.
    expect(await axeViolations(answer)).toEqual([]);
    await answer
      .getByLabel('Note, affichée avec la proposition (facultatif)')
      .fill('Merci, deux examinateurs sont désignés.');
    await answer.getByRole('button', { name: 'Accepter' }).click();
    await answer.waitForURL(/done=decided/);
    expect(await answer.locator('ol.proposals').textContent()).toContain('Acceptée');
    expect(await answer.locator('ol.history').textContent()).toContain('Un donateur a proposé son aide.');
    expect(await axeViolations(answer)).toEqual([]);
    await member.close();
  }, 240_000);
});
