import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formRequest, type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { reportIdFrom } from '../drafting/test-helpers.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

const needTitle = 'Patent examiners trained for biotechnology applications';

/**
 * A need followed from its record to its delivery, in Chromium: a focal point records an
 * assessment with three needs and publishes it; a donor's reporter sees a suggested match and
 * proposes; the Member accepts; the reporter links an activity of a draft to the need; once the
 * report is published the need shows the activity and is in progress; the Secretariat's overview
 * lists it; a visitor finds it searching in French.
 */
describe('a need from its record to its delivery, in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let focalPoint: TestSession;
  let reporter: TestSession;
  let secretariat: TestSession;
  let needUrl: string;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await seedNeedsDemo(database.db);
    focalPoint = await testSession(database.db, 'focal.journey@example.org', 'focal-point', { party: 'UGA' });
    reporter = await testSession(database.db, 'reporter.journey@example.org', 'reporter', { party: 'CAN' });
    secretariat = await testSession(database.db, 'secretariat.journey@example.org', 'secretariat');
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
  /** A form posted as the session, as a browser would, without following the redirect. */
  const post = (path: string, session: TestSession, fields: Record<string, string>) =>
    fetch(`${server.url}${path}`, { ...formRequest(session, fields), redirect: 'manual' });

  it('a focal point records an assessment with three needs and publishes it', async () => {
    const context = await signedIn(focalPoint);
    const page = await context.newPage();
    await page.goto(`${server.url}/en/needs/assessments/new`);
    await page.getByLabel('Source').selectOption('national-strategy');
    await page.getByLabel('Date of the document').fill('2026-06');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await page.waitForURL(/\/needs\/assessments\/\d+/);
    for (const [title, kind, area] of [
      [needTitle, 'Training of personnel', 'Patents'],
      ['Automation of the industrial designs register', 'Equipment and automation', 'Industrial designs'],
      ['Review of the draft copyright regulations', 'Legislative advice', 'Copyright and related rights'],
    ] as const) {
      await page.getByLabel('Title of the need').fill(title);
      await page.getByLabel(kind).check();
      await page.getByLabel(area, { exact: true }).check();
      await page.getByRole('button', { name: 'Add the need' }).click();
      await page.waitForURL(/done=need-added/);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish the assessment' }).click();
    await page.waitForURL(/done=published/);
    await page.getByRole('link', { name: needTitle }).click();
    needUrl = new URL(page.url()).pathname;
    expect(needUrl).toMatch(/^\/en\/needs\/\d+$/);
    await context.close();
  }, 120_000);

  it('a reporter sees a suggested match and proposes; the Member accepts', async () => {
    const donor = await signedIn(reporter);
    const page = await donor.newPage();
    await page.goto(`${server.url}${needUrl}`);
    expect(await page.locator('section[aria-labelledby="suggestions-title"]').textContent()).toContain(
      'Patent examination training for least-developed Members',
    );
    await page.getByLabel('Your proposal').fill('Four places in our 2027 examination course.');
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await page.waitForURL(/done=proposed/);
    await donor.close();

    const member = await signedIn(focalPoint);
    const answer = await member.newPage();
    await answer.goto(`${server.url}${needUrl}`);
    await answer.getByRole('button', { name: 'Accept' }).click();
    await answer.waitForURL(/done=decided/);
    expect(await answer.locator('.tag').first().textContent()).toBe('Offered');
    await member.close();
  }, 120_000);

  it('the reporter links an activity of a draft; after publication the need shows it, in progress', async () => {
    const started = await post('/en/drafting/reports', reporter, {
      party: 'CAN',
      kind: 'art67',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      originalLanguage: 'en',
    });
    const draftId = reportIdFrom(started.headers.get('location'));
    const donor = await signedIn(reporter);
    const page = await donor.newPage();
    await page.goto(`${server.url}/en/drafting/reports/${draftId}`);
    await page
      .getByRole('link', { name: /^Needs it addresses — / })
      .first()
      .click();
    await page.getByLabel('Find other needs').fill('biotechnology');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByLabel(new RegExp(needTitle)).check();
    await page.getByRole('button', { name: 'Link the chosen needs' }).click();
    await page.waitForURL(/done=linked/);
    expect(await page.locator('main').textContent()).toContain(needTitle);
    expect(await axeViolations(page)).toEqual([]);
    const activity = await page.locator('p.lead').textContent();
    await donor.close();

    // Nothing shows before publication.
    const visitor = await chromium.browser.newContext({ bypassCSP: true });
    const view = await visitor.newPage();
    await view.goto(`${server.url}${needUrl}`);
    expect(await view.locator('main').textContent()).not.toContain('Activities that address it');

    expect((await post(`/en/drafting/reports/${draftId}/submit`, reporter, {})).status).toBe(303);
    const published = await post(`/en/secretariat/reports/${draftId}/publish`, secretariat, {
      circulation_date: '2026-11-30',
      symbol: 'IP/C/R/TC/CAN/9',
    });
    expect(published.status).toBe(303);
    // A new visitor: public pages may be kept a minute by the browser (Cache-Control max-age=60).
    await visitor.close();
    const later = await chromium.browser.newContext({ bypassCSP: true });
    const view2 = await later.newPage();
    await view2.goto(`${server.url}${needUrl}`);
    const text = (await view2.locator('main').textContent()) ?? '';
    expect(text).toContain('Activities that address it');
    expect(text).toContain(activity?.trim() ?? '?');
    expect(text).toContain('IP/C/R/TC/CAN/9');
    expect(await view2.locator('.tag').first().textContent()).toBe('In progress');
    expect(await axeViolations(view2)).toEqual([]);

    // A visitor finds the need searching in French ("brevets": patents).
    await view2.goto(`${server.url}/fr/needs?q=brevets`);
    expect(await view2.locator('main').textContent()).toContain(needTitle);
    await later.close();
  }, 180_000);

  it('the Secretariat’s overview lists the need in progress', async () => {
    const response = await fetch(`${server.url}/en/needs/coverage/overview.docx`, {
      headers: { Cookie: secretariat.cookie },
    });
    expect(response.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value;
    const outstanding = text.slice(text.indexOf('Outstanding needs'), text.indexOf('Needs met'));
    expect(outstanding).toContain(needTitle);
    expect(outstanding).toContain('In progress');
    // With the activity of Canada's published report that addresses it, and its symbol.
    expect(outstanding).toContain('Activities that address it');
    expect(outstanding).toMatch(/\(Canada, IP\/C\/R\/TC\/CAN\/9\)/);
  }, 60_000);
});
