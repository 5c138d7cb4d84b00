// Saves a screenshot of every page type of the demo hub at phone (390 px) and laptop (1280 px)
// widths, to look at: `npm run screenshots -- [folder]` (default ./screenshots/, git-ignored).
// The same pages the layout-width browser test checks (src/testing/page-types.ts).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openTestDatabase } from '../src/db/test-database.ts';
import { layoutWidths, startPageTypeSite } from '../src/testing/page-types.ts';

const folder = resolve(process.argv[2] ?? 'screenshots');
await mkdir(folder, { recursive: true });
const database = await openTestDatabase('embedded');
const site = await startPageTypeSite(database);
try {
  for (const width of layoutWidths) {
    for (const pageType of site.pages) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      if (pageType.cookie) {
        const [name = '', value = ''] = pageType.cookie.split('=');
        await context.addCookies([{ name, value, url: site.url }]);
      }
      const page = await context.newPage();
      await page.goto(`${site.url}${pageType.path}`);
      const file = resolve(folder, `${pageType.name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await context.close();
      console.log(file);
    }
  }
} finally {
  await site.close();
  await database.close();
}
