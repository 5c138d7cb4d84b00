import { Layout, type PageContext } from '../http/layout.tsx';
import { exampleResponses } from './examples.ts';
import { apiDocsText } from './messages.ts';
import { type ApiOperation, describeOperation } from './openapi.ts';

const anchor = (path: string) => `op-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;

function Example({ path, lang }: { path: string; lang: PageContext['lang'] }) {
  const t = apiDocsText(lang);
  const example = exampleResponses[path];
  if (!example) return null;
  const shown = 'text' in example ? example.text : JSON.stringify(example.body, null, 2);
  return (
    <details class="api-example">
      <summary>
        {t('apiExample')}: <code>GET {example.path}</code>
      </summary>
      {'body' in example ? <p class="hint">{t('apiExampleShortened')}</p> : null}
      <pre>
        <code>{shown}</code>
      </pre>
    </details>
  );
}

/** The API documentation in the page's language: every route, its parameters and an example. */
export function ApiDocsPage({ page, operations }: { page: PageContext; operations: ApiOperation[] }) {
  const t = apiDocsText(page.lang);
  const described = operations.map((op) => describeOperation(op, page.lang));
  const [before, after] = t('apiIntro').split('{link}');
  return (
    <Layout page={page} title={page.t('apiDocsTitle')}>
      <h1>{page.t('apiDocsTitle')}</h1>
      <p>
        {before}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        {after}
      </p>
      <p class="hint">{t('apiLanguagesNote')}</p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t('apiContents')}</h2>
        <ul>
          {described.map((op) => (
            <li>
              <a href={`#${anchor(op.path)}`}>
                <code>GET {op.path}</code>
              </a>{' '}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {described.map((op) => (
        <section aria-labelledby={anchor(op.path)}>
          <h2 id={anchor(op.path)}>
            <code>GET {op.path}</code>
          </h2>
          <p>{op.summary}</p>
          {op.description ? <p>{op.description}</p> : null}
          {op.parameters.length > 0 ? (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('apiParameter')}</th>
                    <th scope="col">{t('apiIn')}</th>
                    <th scope="col">{t('apiRequired')}</th>
                    <th scope="col">{t('apiMeaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{p.required ? t('apiYes') : t('apiNo')}</td>
                      <td>{p.description ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Example path={op.path} lang={page.lang} />
        </section>
      ))}
    </Layout>
  );
}
