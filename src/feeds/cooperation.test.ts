import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { addNeed, createAssessment, publishAssessment } from '../needs/service.ts';
import { createOffer } from '../offers/service.ts';

describe.each(testBackends)('the Atom feed of new needs and offers (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const actor = { userId: null, label: 'test' };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    const need = (title: string, ipAreas: string[]) => ({
      title,
      description: 'Details <b>&</b> more.',
      ipAreas,
      kindsOfHelp: ['training-personnel' as const],
      institution: null,
      priority: 'high' as const,
      wishedStart: null,
      wishedEnd: null,
    });
    for (const [party, title, areas] of [
      ['UGA', 'Trademark examiners in Uganda', ['trademarks']],
      ['KHM', 'Patent automation in Cambodia', ['patents']],
    ] as const) {
      const assessment = await createAssessment(database.db, actor, {
        party,
        symbol: null,
        documentDate: null,
        source: 'trips-council',
        language: 'en',
        contactName: null,
        contactEmail: null,
      });
      await addNeed(
        database.db,
        actor,
        { id: assessment, language: 'en', status: 'draft' },
        need(title, [...areas]),
      );
      await publishAssessment(database.db, actor, assessment);
    }
    const draft = await createAssessment(database.db, actor, {
      party: 'UGA',
      symbol: null,
      documentDate: null,
      source: 'trips-council',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    await addNeed(
      database.db,
      actor,
      { id: draft, language: 'en', status: 'draft' },
      need('A draft need', ['trademarks']),
    );
    await createOffer(database.db, actor, {
      owner: 'party:CAN',
      title: 'Trademark course for Africa',
      description: '',
      language: 'en',
      ipAreas: ['trademarks'],
      kindsOfHelp: ['training-personnel'],
      eligibleParties: [],
      eligibleRegions: ['002'],
      languages: ['en'],
      capacity: null,
      deadline: null,
      status: 'open',
    });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('lists published needs and offers, escaped, never a draft', async () => {
    const response = await app.request('/fr/needs/feed.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(xml).toContain('Nouveaux besoins et nouvelles offres');
    expect(xml).toContain('Besoin de l’Ouganda\u202f: Trademark examiners in Uganda');
    expect(xml).toContain('Offre\u202f: Trademark course for Africa');
    expect(xml).toContain('Details &lt;b&gt;&amp;&lt;/b&gt; more.');
    expect(xml).not.toContain('A draft need');
  });

  it('narrows by IP area and by region, and refuses a malformed filter', async () => {
    const patents = await (await app.request('/en/needs/feed.atom?area=patents')).text();
    expect(patents).toContain('Patent automation in Cambodia');
    expect(patents).not.toContain('Trademark course for Africa');
    const africa = await (await app.request('/en/needs/feed.atom?region=002')).text();
    expect(africa).toContain('Trademark examiners in Uganda');
    expect(africa).toContain('Trademark course for Africa');
    expect(africa).not.toContain('Cambodia');
    expect((await app.request('/en/needs/feed.atom?region=<x>')).status).toBe(400);
  });
});
