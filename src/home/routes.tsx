import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { pageContext } from '../http/page-context.ts';
import { negotiateLanguage } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
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
  app.get('/:lang{(?:en|fr|es)}/', async (c) => {
    const page = pageContext(c);
    return c.html(<HomePage page={page} labels={await labels()} data={await data()} />);
  });
  return app;
}
