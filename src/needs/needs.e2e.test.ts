import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, testSession } from '../accounts/test-sessions.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { languages } from '../i18n/languages.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';

/** A Member's focal point records, publishes and follows a need in Chromium; axe on every needs page. */
describe('needs in the browser', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let focalPoint: TestSession;
  let assessments: number[];

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    assessments = (await seedNeedsDemo(database.db)).assessments;
    focalPoint = await testSession(database.db, 'focal.e2e@example.org', 'focal-point', { party: 'UGA' });
    server = await serveForTest(database);
    chromium = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  it('records an assessment with a need, publishes it and marks the need met', async () => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const [name = '', value = ''] = focalPoint.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const failures: string[] = [];
    const check = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      failures.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
    };
    for (const lang of languages) {
      await check(`/${lang}/needs?q=formation`);
      await check(`/${lang}/needs/1`);
      await check(`/${lang}/needs/assessments`);
      await check(`/${lang}/needs/assessments/new`);
      await check(`/${lang}/needs/assessments/${assessments[0]}`);
    }
    expect(failures).toEqual([]);

    await page.goto(`${server.url}/es/needs/assessments/new`);
    await page.getByLabel('Fecha del documento').fill('2025-02-30');
    await page.getByRole('button', { name: 'Guardar la evaluación' }).click();
    expect(await page.locator('#documentDate-error').textContent()).toContain('AAAA-MM-DD');
    expect(await axeViolations(page)).toEqual([]);
    // Focused, the skip link must cover none of the header's links (axe's target-size).
    await page.locator('.skip').focus();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Fecha del documento').fill('2025-02');
    await page.getByRole('button', { name: 'Guardar la evaluación' }).click();
    await page.waitForURL(/done=created/);

    await page.getByLabel('Título de la necesidad').fill('Formación de examinadores de marcas');
    await page.getByLabel('Formación del personal').check();
    await page.getByRole('button', { name: 'Añadir la necesidad' }).click();
    await page.waitForURL(/done=need-added/);
    await page.getByRole('button', { name: 'Publicar la evaluación' }).click();
    await page.waitForURL(/done=published/);
    await page.getByRole('link', { name: 'Formación de examinadores de marcas' }).click();
    await page.getByLabel('Nuevo estado').selectOption('met');
    await page.getByLabel('Explicación').fill('Curso impartido en 2026.');
    await page.getByRole('button', { name: 'Cambiar el estado' }).click();
    await page.waitForURL(/done=status/);
    expect(await page.locator('ol.history').textContent()).toContain('Curso impartido en 2026.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
