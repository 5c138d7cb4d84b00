import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedTrainingOperationsDemo } from '../demo/training-demo.ts';
import { launchChromium, serveForTest } from '../http/browser-testing.ts';
import { languages } from '../i18n/languages.ts';
import { certificates } from '../training/schema.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const code = 'A11YCHECK234567ABCDEFGHJK';

type AxeResult = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };

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
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
            },
          }),
        )) as AxeResult;
        for (const v of result.violations) {
          failures.push(`${path}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`);
        }
        await page.close();
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});
