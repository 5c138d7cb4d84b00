import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { languages } from '../i18n/languages.ts';
import { axeViolations, launchChromium, serveForTest } from '../testing/browser.ts';
import { certificates } from '../training/schema.ts';

const code = 'A11YCHECK234567ABCDEFGHJK';

describe('programme and certificate pages: accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  let database: Database;
  let server: Awaited<ReturnType<typeof serveForTest>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let programmeId: number;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    programmeId = (await seedDemo(database.db)).programmeId;
    const { participantIds } = await seedTrainingOperationsDemo(database.db);
    await database.db.insert(certificates).values({ participantId: participantIds[0] ?? 0, code });
    server = await serveForTest(database);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await database?.close();
  });

  it('finds no violation in English, French and Spanish', async () => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const failures: string[] = [];
    for (const lang of languages) {
      for (const path of [
        `/${lang}/programmes`,
        `/${lang}/programmes/${programmeId}`,
        `/${lang}/certificates/${code}`,
        `/${lang}/certificates/NOSUCHCODE234567ABCDEFGH`,
      ]) {
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        failures.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
        await page.close();
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 180_000); // many pages, each checked by axe: a loaded machine needs the time
});
