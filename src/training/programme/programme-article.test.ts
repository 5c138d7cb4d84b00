import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleFactMissing, readProgrammeArticle } from './programme-article.ts';

const article = readFileSync(new URL('../../demo/seeds/002_be69657e022002dc.txt', import.meta.url), 'utf8');

describe('readProgrammeArticle', () => {
  const facts = readProgrammeArticle(article);

  it('reads the memorandum and its signatories', () => {
    expect(facts.agreementSignedOn).toBe('2024-10-07');
    expect(facts.signatories.map((s) => s.name)).toEqual(['Hasan Kleib', 'Konstantinos Georgaras']);
  });

  it('reads the 2024 edition: dates, venue, headcount and regions', () => {
    expect(facts.edition).toEqual({
      startDate: '2024-10-07',
      endDate: '2024-10-11',
      venue: 'CIPO Headquarters',
      city: 'Gatineau',
      country: 'Canada',
      participants: 9,
      regions: ['Africa', 'Asia', 'Latin America'],
    });
  });

  it('reads the historic figures, seven topics and the session kinds', () => {
    expect([facts.foundingYear, facts.historicParticipants, facts.historicCountries]).toEqual([
      1997, 200, 90,
    ]);
    expect(facts.topics).toHaveLength(7);
    expect(facts.topics[0]).toBe('IP offices as a catalyst for innovation');
    expect(facts.topics[6]).toBe('Economic research and IP analytics');
    expect(facts.sessions.map((s) => s.kind)).toEqual(['fireside-conversation', 'practical-session']);
  });

  it('fails loudly when a fact is missing rather than inventing it', () => {
    expect(() => readProgrammeArticle(article.replace('nine participants', 'some participants'))).toThrow(
      ArticleFactMissing,
    );
  });
});
