import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { publishedNeeds } from '../needs/service.ts';
import { seedNeedsDemo } from './needs-demo.ts';
import { seedDemo } from './seed-demo.ts';

describe('the needs demo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('publishes two LDC assessments once, needs in several statuses, marked as sample data', async () => {
    const first = await seedNeedsDemo(database.db);
    expect(await seedNeedsDemo(database.db)).toEqual(first);
    const rows = await publishedNeeds(database.db);
    expect(new Set(rows.map((row) => row.assessment.partyCode))).toEqual(new Set(['UGA', 'KHM']));
    expect(new Set(rows.map((row) => row.need.status))).toEqual(
      new Set(['open', 'offered', 'met', 'withdrawn']),
    );
    expect(rows.every((row) => row.assessment.isSample)).toBe(true);

    const app = createApp(database);
    const list = await (await app.request('/es/needs')).text();
    expect(list).toContain('Datos de ejemplo');
    const met = rows.find((row) => row.need.status === 'met');
    const page = await (await app.request(`/fr/needs/${met?.need.id}`)).text();
    expect(page).toContain('Données d’exemple');
    expect(page).toContain('Satisfait');
    // The Member's page shows its needs beside the help it receives.
    const party = await (await app.request('/en/parties/UGA')).text();
    expect(party).toContain('Needs of Uganda');
    expect(party).toContain('href="/en/needs?party=UGA&amp;status=met">Met: 1</a>');
  });

  it('shows Canada’s sample offer and its accepted proposal: Uganda’s examiners need is offered', async () => {
    const rows = await publishedNeeds(database.db, { party: 'UGA', status: 'offered' });
    expect(rows.map((row) => row.need.title.en)).toEqual([
      'Training of patent examiners in substantive examination',
    ]);
    const app = createApp(database);
    const page = await (await app.request(`/en/needs/${rows[0]?.need.id}`)).text();
    expect(page).toContain('Proposed by Canada');
    expect(page).toContain('Accepted');
    expect(page).toContain('Patent examination training for least-developed Members');
    expect(page).toContain('A donor proposed help.');
    // Edited once after publication: its page shows the earlier title, not who edited it.
    expect(rows[0]?.revisionCount).toBe(1);
    expect(page).toMatch(/Edited 1 time, last on /);
    expect(page).toContain('Title before: <span lang="en">Training of patent examiners</span>');
    const offers = await (await app.request('/en/offers')).text();
    expect(offers).toContain('Sample data: the donor is real, this offer is not.');
  });

  it('with Canada’s report loaded, shows a need in progress through one of its activities', async () => {
    const withReport = await openTestDatabase('embedded');
    try {
      await seedDemo(withReport.db);
      await seedNeedsDemo(withReport.db);
      const [inProgress] = await publishedNeeds(withReport.db, { party: 'KHM', status: 'in-progress' });
      expect(inProgress?.need.title.fr).toContain('gestion d’un office');
      const page = await (await createApp(withReport).request(`/en/needs/${inProgress?.need.id}`)).text();
      expect(page).toContain('CIPO-WIPO Executive Workshop on IP Office Management');
      expect(page).toContain('Activities that address it');
    } finally {
      await withReport.close();
    }
  });
});
