import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.tsx';
import { systemActor } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { addNeed, createAssessment, publishAssessment } from './service.ts';

describe('the list of needs, fifty a page', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const assessment = await createAssessment(database.db, systemActor, {
      party: 'NPL',
      symbol: null,
      documentDate: '2026',
      source: 'national-strategy',
      language: 'en',
      contactName: null,
      contactEmail: null,
    });
    for (let n = 1; n <= 60; n++) {
      await addNeed(
        database.db,
        systemActor,
        { id: assessment, language: 'en', status: 'draft' },
        {
          title: `Need number ${n}`,
          description: null,
          ipAreas: [],
          kindsOfHelp: ['awareness'],
          institution: null,
          priority: 'low',
          wishedStart: null,
          wishedEnd: null,
        },
      );
    }
    await publishAssessment(database.db, systemActor, assessment);
  });
  afterAll(async () => {
    await database?.close();
  });

  const itemsOn = (html: string) => html.match(/<li><h2 class="h3">/g)?.length ?? 0;

  it('shows how many needs match, a page of fifty, and the way to the next page with the filters kept', async () => {
    const app = createApp(database);
    const first = await (await app.request('/en/needs?kind=awareness')).text();
    expect(first).toContain('60 needs');
    expect(itemsOn(first)).toBe(50);
    expect(first).toContain('href="/en/needs?kind=awareness&amp;page=2"');
    const second = await (await app.request('/en/needs?kind=awareness&page=2')).text();
    expect(itemsOn(second)).toBe(10);
    // A page number that is not one is the first page, never an error.
    const odd = await app.request('/en/needs?page=x');
    expect(odd.status).toBe(200);
    expect(itemsOn(await odd.text())).toBe(50);
  });
});
