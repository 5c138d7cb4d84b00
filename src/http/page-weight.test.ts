import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import { seedDemo } from '../demo/seed-demo.ts';

/** Budget for one page on a slow connection: its HTML and CSS together, compressed (brotli). */
const budgetBytes = 50 * 1024;

describe('page weight', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    await seedNeedsDemo(database.db);
    app = createApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const compressedSize = async (path: string) => {
    const response = await app.request(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.status, path).toBe(200);
    return (await response.arrayBuffer()).byteLength;
  };

  it('keeps every page with its stylesheet under 50 KB compressed, with no script at all', async () => {
    const css = await compressedSize('/static/site.css');
    const sizes: Record<string, number> = {};
    for (const lang of ['en', 'fr', 'es']) {
      for (const path of [
        '/',
        '/search?q=patent',
        '/search',
        '/activities/2',
        '/reports/1',
        '/reports',
        '/parties/CAN',
        '/parties/CRI',
        '/parties/UGA',
      ]) {
        const url = `/${lang}${path}`;
        sizes[url] = (await compressedSize(url)) + css;
        const html = await (await app.request(url)).text();
        expect(html, url).not.toMatch(/<script/i);
      }
    }
    const over = Object.entries(sizes).filter(([, size]) => size > budgetBytes);
    expect(over).toEqual([]);
  });
});
