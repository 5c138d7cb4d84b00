import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { verifyCertificate } from '../training/programme/certificate-verify.ts';
import { listProgrammes, programmeDetail } from './service.ts';
import { CertificatePage, ProgrammeListPage, ProgrammePage } from './views.tsx';

/** Public pages: training programmes with their editions and reach, and certificate verification. */
export function programmeRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/programmes', async (c) => {
    return c.html(<ProgrammeListPage page={pageContext(c)} programmes={await listProgrammes(db)} />);
  });

  app.get('/:lang{(?:en|fr|es)}/programmes/:id{[0-9]{1,9}}', async (c) => {
    const page = pageContext(c);
    const programme = await programmeDetail(db, Number(c.req.param('id')));
    if (!programme) return c.html(<NotFoundPage page={page} />, 404);
    return c.html(<ProgrammePage page={page} labels={await labels()} programme={programme} />);
  });

  app.get('/:lang{(?:en|fr|es)}/certificates/:code', async (c) => {
    const page = pageContext(c);
    const code = c.req.param('code');
    // verifyCertificate refuses malformed codes without a query.
    const check = await verifyCertificate(db, code);
    // A revocation must show at once, and a page naming a person is not for search engines.
    c.header('Cache-Control', 'no-cache');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(<CertificatePage page={page} check={check} />, check ? 200 : 404);
  });

  return app;
}
