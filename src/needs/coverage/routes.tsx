import { Hono } from 'hono';
import { requireAccount } from '../../accounts/guard.ts';
import { isSecretariat } from '../../accounts/policy.ts';
import type { Db } from '../../db/database.ts';
import { pageContext } from '../../http/page-context.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { noteDocx, notePdf } from '../../reports/document/note.ts';
import { coverageDocument } from './document.ts';
import { coverageByMember, coverageOverview } from './service.ts';
import { CoveragePage } from './views.tsx';

const lang = '/:lang{(?:en|fr|es)}';

const formats = {
  docx: {
    write: noteDocx,
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { write: notePdf, type: 'application/pdf' },
} as const;

/**
 * Coverage of needs: the public page (every Member's needs by status, the map of what is
 * outstanding, who delivered since each assessment) and the Secretariat's "met and outstanding"
 * overview as a WTO note in DOCX or PDF, in the language of the path.
 */
export function coverageRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get(`${lang}/needs/coverage`, async (c) => {
    const page = pageContext(c);
    const [reference, members] = await Promise.all([labels(), coverageByMember(db)]);
    return c.html(
      <CoveragePage
        page={page}
        labels={reference}
        members={members}
        showOverview={isSecretariat(page.account)}
      />,
    );
  });

  // Written on request (a few hundred needs at most): always as of now, never a stale copy.
  app.get(`${lang}/needs/coverage/:file{overview\\.(?:docx|pdf)}`, async (c) => {
    requireAccount(c, isSecretariat);
    const page = pageContext(c);
    const extension = c.req.param('file').endsWith('.pdf') ? 'pdf' : 'docx';
    const format = formats[extension];
    const [reference, { members, needs, addressing }] = await Promise.all([labels(), coverageOverview(db)]);
    const body = await format.write(
      coverageDocument(page.lang, reference, members, needs, addressing, new Date()),
    );
    const day = new Date().toISOString().slice(0, 10);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': format.type,
      'Content-Disposition': `attachment; filename="needs-met-and-outstanding-${page.lang}-${day}.${extension}"`,
      'Cache-Control': 'private, no-store',
    });
  });

  return app;
}
