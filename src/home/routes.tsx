import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { pagesKeptWhileUnchanged, sendPage } from '../http/kept-answers.ts';
import { pageContext } from '../http/page-context.ts';
import { negotiateLanguage } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { registryVersion } from '../reports/registry-version.ts';
import { homeData } from './service.ts';
import { HomePage } from './views.tsx';

export function homeRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();
  const data = homeData(db);

  // "/" picks a language from Accept-Language; caches must keep one copy per header value.
  app.get('/', (c) => {
    c.header('Vary', 'Accept-Language');
    return c.redirect(`/${negotiateLanguage(c.req.header('accept-language'))}/`, 302);
  });
  app.get('/:lang{(?:en|fr|es)}', (c) => c.redirect(`/${c.req.param('lang')}/`, 301));
  // The front door: the same page for every visitor who is not signed in, until the registry changes.
  const pagesOf = pagesKeptWhileUnchanged(() => registryVersion(db), 20);
  app.get('/:lang{(?:en|fr|es)}/', async (c) => {
    const answer = await pagesOf(pageContext(c), async (page) => ({
      status: 200,
      html: String(await (<HomePage page={page} labels={await labels()} data={await data()} />).toString()),
    }));
    return sendPage(c, answer);
  });
  return app;
}
