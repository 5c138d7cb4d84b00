import { Hono } from 'hono';
import { Layout } from '../http/layout.tsx';
import { pageContext } from '../http/page-context.ts';
import { translator } from '../i18n/translate.ts';
import { openApiDocument } from './openapi.ts';
import { apiOperations } from './operations.ts';

type Parameter = { name: string; in: string; required: boolean; description?: string };

export function apiDocsRoutes() {
  const app = new Hono();
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument(apiOperations, new URL(c.req.url).origin)));
  // A readable page drawn from the same operations: no script, so it works under the strict CSP.
  // Written for developers, in English (the parameter names are English too).
  app.get('/api/v1/docs', (c) => {
    const page = {
      ...pageContext(c),
      lang: 'en' as const,
      t: translator('en'),
      pathWithoutLanguage: '/',
      search: '',
    };
    return c.html(
      <Layout page={page} title={page.t('apiDocsTitle')}>
        <h1>{page.t('apiDocsTitle')}</h1>
        <p>
          OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Read-only, no key, CORS open
          for GET.
        </p>
        {apiOperations.map((op) => (
          <section aria-labelledby={`op-${op.path}`}>
            <h2 id={`op-${op.path}`}>
              <code>GET {op.path}</code>
            </h2>
            <p>{op.summary}</p>
            {op.description ? <p>{op.description}</p> : null}
            {op.parameters.length > 0 ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Required</th>
                    <th scope="col">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {(op.parameters as Parameter[]).map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{p.required ? 'yes' : 'no'}</td>
                      <td>{p.description ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        ))}
      </Layout>,
    );
  });
  return app;
}
