// Saves a screenshot of every page type of the demo hub at phone (390 px) and laptop (1280 px)
// widths, to look at: `npm run screenshots -- [folder] [--only needs,need] [--languages en,fr,es]`
// (default ./screenshots/, git-ignored; English only unless --languages says otherwise).
// The same pages the layout-width browser test checks (src/testing/page-types.ts).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openTestDatabase } from '../src/db/test-database.ts';
import { layoutWidths, startPageTypeSite } from '../src/testing/page-types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, languages: { type: 'string', default: 'en' } },
});
const folder = resolve(positionals[0] ?? 'screenshots');
const only = values.only ? new Set(values.only.split(',')) : null;
const languages = values.languages.split(',');
await mkdir(folder, { recursive: true });
const database = await openTestDatabase('embedded');
const site = await startPageTypeSite(database);
try {
  for (const width of layoutWidths) {
    for (const pageType of site.pages.filter((p) => !only || only.has(p.name))) {
      for (const lang of languages) {
        const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        if (pageType.cookie) {
          const [name = '', value = ''] = pageType.cookie.split('=');
          await context.addCookies([{ name, value, url: site.url }]);
        }
        const page = await context.newPage();
        await page.goto(`${site.url}${pageType.path.replace(/^\/en\//, `/${lang}/`)}`);
        const suffix = lang === 'en' ? '' : `-${lang}`;
        const file = resolve(folder, `${pageType.name}${suffix}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await context.close();
        console.log(file);
      }
    }
  }
} finally {
  await site.close();
  await database.close();
}
