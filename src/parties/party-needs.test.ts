import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import { systemActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testBackends } from '../db/test-database.ts';
import { seedNeedsDemo } from '../demo/needs-demo.ts';
import type { NeedInput } from '../needs/forms.ts';
import { addNeed, changeNeedStatus, createAssessment, publishAssessment } from '../needs/service.ts';
import { partyNeedsShown } from './views.tsx';

const need = (title: string, priority: NeedInput['priority'] = 'medium'): NeedInput => ({
  title,
  description: null,
  ipAreas: [],
  kindsOfHelp: ['legislative-advice'],
  institution: null,
  priority,
  wishedStart: null,
  wishedEnd: null,
});

describe.each(testBackends)('a Member’s needs on its party page (%s database)', (backend) => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const page = async (path: string) => {
    const response = await app.request(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = createApp(database);
    await seedNeedsDemo(database.db);
    // Haiti, in French: twelve published needs, one met, one withdrawn; and a draft assessment.
    const assessment = {
      party: 'HTI',
      symbol: null,
      documentDate: '2025',
      source: 'national-strategy' as const,
      language: 'fr' as const,
      contactName: null,
      contactEmail: null,
    };
    const published = await createAssessment(database.db, systemActor, assessment);
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) {
      ids.push(
        await addNeed(
          database.db,
          systemActor,
          { id: published, language: 'fr', status: 'draft' },
          need(`Besoin haïtien numéro ${i}`, i === 12 ? 'high' : 'medium'),
        ),
      );
    }
    await publishAssessment(database.db, systemActor, published);
    const [metId = 0, withdrawnId = 0] = ids;
    await changeNeedStatus(database.db, systemActor, metId, 'open', 'met', 'Loi adoptée en 2025.');
    await changeNeedStatus(database.db, systemActor, withdrawnId, 'open', 'withdrawn', 'Plus prioritaire.');
    const draft = await createAssessment(database.db, systemActor, assessment);
    await addNeed(
      database.db,
      systemActor,
      { id: draft, language: 'fr', status: 'draft' },
      need('Besoin secret encore en brouillon', 'high'),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists the outstanding needs beside the help received, the first ten, with a link to all of them', async () => {
    const html = await page('/en/parties/HTI');
    expect(html).toContain('Needs of Haiti');
    // Ten outstanding needs of twelve: the high-priority one first, then in the order recorded.
    expect(html).toContain('10 needs still waiting for help');
    const listed = [...html.matchAll(/lang="fr">Besoin haïtien numéro (\d+)</g)].map((m) => Number(m[1]));
    expect(listed).toHaveLength(partyNeedsShown);
    expect(listed[0]).toBe(12);
    expect(listed).not.toContain(1); // met
    expect(listed).not.toContain(2); // withdrawn
    expect(html).toContain('href="/en/needs?party=HTI&amp;status=met">1 need met</a>');
    expect(html).toContain('href="/en/needs?party=HTI">All its 12 needs, whatever their status</a>');
    expect(html).toContain('Open · Legislative advice');
    // After the help it receives.
    expect(html.indexOf('id="party-needs"')).toBeGreaterThan(html.indexOf('As a beneficiary'));
    expect(html).not.toContain('Besoin secret');
    expect(html).not.toContain('Sample data');
  });

  it('shows the titles in French without a language mark on the French page, and the sample notice of the demo', async () => {
    const french = await page('/fr/parties/HTI');
    expect(french).toContain('Besoins d’Haïti');
    expect(french).toMatch(/<a href="\/fr\/needs\/\d+">Besoin haïtien numéro 12<\/a>/);
    expect(french).not.toContain('Besoin secret');
    const spanish = await page('/es/parties/UGA');
    expect(spanish).toContain('Datos de ejemplo');
    expect(spanish).toContain('1 necesidad atendida');
    expect(spanish).toContain('lang="en">Training of patent examiners in substantive examination</a>');
  });

  it('shows no needs section for a Member without published needs', async () => {
    expect(await page('/en/parties/CAN')).not.toContain('id="party-needs"');
  });
});
