import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreadNotificationCount } from '../accounts/notifications.ts';
import { users } from '../accounts/schema.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { type PageType, startPageTypeSite } from '../testing/page-types.ts';

/*
 * The pages people work in all day, in Chromium (issue 14): labels above their fields, the
 * spreadsheet preview marking the refused cell, the audit trail in words within the screen,
 * destructive and final actions behind a confirmation, the Secretariat's workspace listing a
 * submitted report, and the unread notifications counted in the header.
 */
describe('the workspace pages in Chromium', () => {
  let database: Database;
  let site: Awaited<ReturnType<typeof startPageTypeSite>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    site = await startPageTypeSite(database);
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await site?.close();
    await database?.close();
  });

  const pageType = (name: string): PageType => {
    const found = site.pages.find((p) => p.name === name);
    if (!found) throw new Error(`no page type ${name}`);
    return found;
  };

  /** A page of a page type (its session's cookie set), at a width; `path` replaces the type's own. */
  async function open(name: string, width = 1280, path?: string) {
    const type = pageType(name);
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    if (type.cookie) {
      const [cookieName = '', value = ''] = type.cookie.split('=');
      await context.addCookies([{ name: cookieName, value, url: site.url }]);
    }
    const page = await context.newPage();
    await page.goto(`${site.url}${path ?? type.path}`);
    return page;
  }

  it('puts each label above its field, and checkbox labels in plain weight', async () => {
    const page = await open('activity-form');
    const misplaced = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLabelElement>('main label[for]')].flatMap((label) => {
        const control = document.getElementById(label.htmlFor);
        if (!control || control.matches('[type="checkbox"], [type="radio"], [type="hidden"]')) return [];
        return label.getBoundingClientRect().bottom <= control.getBoundingClientRect().top + 0.5
          ? []
          : [label.htmlFor];
      }),
    );
    expect(misplaced).toEqual([]);
    const boldCheckboxLabels = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLInputElement>('main input[type="checkbox"]')].filter((box) => {
          const label = document.querySelector<HTMLLabelElement>(`label[for="${box.id}"]`);
          return label && Number(getComputedStyle(label).fontWeight) >= 600;
        }).length,
    );
    expect(boldCheckboxLabels).toBe(0);
  });

  it('marks the refused cell of the spreadsheet preview, with its message inside', async () => {
    const page = await open('spreadsheet-preview');
    const cell = page.locator('table.preview td.cell-invalid', { hasText: 'not a date' });
    await expect(cell.count()).resolves.toBe(1);
    await expect(cell.innerText()).resolves.toContain('Column B');
  });

  it('shows the audit trail in words, dates on one line, within a 1280 px screen', async () => {
    const page = await open('audit-trail');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    const table = await page.locator('table.audit').innerText();
    expect(table).not.toMatch(/[{[]"|":|\bfalse\b|\btrue\b|isPublic|tableName/);
    expect(table).toContain('Report');
    const tallest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('table.audit time')].map((t) => t.getClientRects().length)),
    );
    expect(tallest).toBe(1);
  });

  it('removes and submits only after a confirmation step, removal in the warning style', async () => {
    const page = await open('draft');
    const remove = page.locator('details.confirm-warning').first();
    await expect(remove.locator('summary').getAttribute('class')).resolves.toContain('warning');
    await expect(remove.locator('button.warning').isVisible()).resolves.toBe(false);
    await remove.locator('summary').click();
    await expect(remove.locator('button.warning').isVisible()).resolves.toBe(true);
    await expect(remove.innerText()).resolves.toContain('from this report?');

    await page.locator('summary', { hasText: 'Submit the report' }).click();
    await page.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      'The report was submitted to the WTO Secretariat.',
    );
  });

  it('lists the submitted report on the Secretariat’s workspace and counts unread notifications in the header', async () => {
    const page = await open('workspace-secretariat', 1280, '/en/workspace');
    const card = page.locator('.attention > li', { hasText: 'Waiting for your review' });
    await expect(card.innerText()).resolves.toContain('1 report submitted');
    await expect(card.getByRole('link', { name: 'Report of Canada, 2021–2022' }).count()).resolves.toBe(1);

    const [secretariat] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'secretariat@layout.example'));
    const unread = await unreadNotificationCount(database.db, secretariat?.id ?? 0);
    expect(unread).toBeGreaterThan(0);
    const plural = unread === 1 ? 'notification' : 'notifications';
    await expect(
      page.getByRole('link', { name: `${unread} unread ${plural}`, exact: true }).count(),
    ).resolves.toBe(1);

    // On a phone, in French: the same count, and the header fits the screen.
    const phone = await open('workspace-secretariat', 390);
    const frenchPlural = unread === 1 ? 'notification non lue' : 'notifications non lues';
    await expect(
      phone.getByRole('link', { name: `${unread} ${frenchPlural}`, exact: true }).count(),
    ).resolves.toBe(1);
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      390,
    );
  });
});
