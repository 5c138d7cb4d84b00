import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { NotFoundPage } from '../http/error-pages.tsx';
import { pageContext } from '../http/page-context.ts';
import { problemJson } from '../http/problem.ts';
import { coveredNeeds } from '../needs/coverage/service.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { partyProfile } from './service.ts';
import { PartyPage } from './views.tsx';

export function partyRoutes(db: Db, labels: () => Promise<ReferenceLabels>) {
  const app = new Hono();

  app.get('/:lang{(?:en|fr|es)}/parties/:code', async (c) => {
    const page = pageContext(c);
    const reference = await labels();
    const party = reference.parties.get(c.req.param('code').toUpperCase());
    if (!party) return c.html(<NotFoundPage page={page} />, 404);
    if (party.code !== c.req.param('code')) return c.redirect(`/${page.lang}/parties/${party.code}`, 301);
    return c.html(
      <PartyPage
        page={page}
        labels={reference}
        party={party}
        profile={await partyProfile(db, reference, party.code)}
        needs={await coveredNeeds(db, party.code)}
      />,
    );
  });

  app.get('/api/v1/parties', async (c) => {
    const reference = await labels();
    return c.json({ items: [...reference.parties.values()].sort((a, b) => a.code.localeCompare(b.code)) });
  });

  app.get('/api/v1/parties/:code', async (c) => {
    const reference = await labels();
    const party = reference.parties.get(c.req.param('code').toUpperCase());
    if (!party) return problemJson(c, 404, `There is no party with code ${c.req.param('code')}.`);
    return c.json({ ...party, profile: await partyProfile(db, reference, party.code) });
  });

  return app;
}
