import { Hono } from 'hono';
import { pageContext } from '../http/page-context.ts';
import { negotiateLanguage } from '../i18n/languages.ts';
import { openApiDocument } from './openapi.ts';
import { apiOperations } from './operations.ts';
import { ApiDocsPage } from './views.tsx';

export function apiDocsRoutes() {
  const app = new Hono();
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument(apiOperations, new URL(c.req.url).origin)));
  // The docs in the visitor's language; caches keep one copy per header value.
  app.get('/api/v1/docs', (c) => {
    c.header('Vary', 'Accept-Language');
    return c.redirect(`/${negotiateLanguage(c.req.header('accept-language'))}/api/v1/docs`, 302);
  });
  // A readable page drawn from the same operations: no script, so it works under the strict CSP.
  app.get('/:lang{(?:en|fr|es)}/api/v1/docs', (c) =>
    c.html(<ApiDocsPage page={pageContext(c)} operations={apiOperations} />),
  );
  return app;
}
