import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { insertRichActivity } from '../exports/test-fixtures.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import { reports } from '../reports/schema.ts';
import { listPublishedReportsForFeed, reportsAtomFeed } from './atom.ts';

const atom = 'http://www.w3.org/2005/Atom';

type Element = {
  namespaceURI: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<Element>;
  textContent: string | null;
};
const parse = (xml: string) => create(xml).root().node as unknown as Element;
const all = (element: Element, name: string) => Array.from(element.getElementsByTagNameNS(atom, name));
const text = (element: Element, name: string) => all(element, name)[0]?.textContent ?? null;

describe('reports Atom feed', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let canadaId: number;
  let swissId: number;
  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    canadaId = (await seedDemo(database.db)).reportId;
    swissId = (await insertRichActivity(database.db)).publishedReportId;
    labels = await loadReferenceLabels(database.db);
    // Fixed times make "most recently changed first" testable.
    await database.db
      .update(reports)
      .set({ updatedAt: sql`'2024-05-01T10:00:00Z'::timestamptz` })
      .where(eq(reports.id, canadaId));
    await database.db
      .update(reports)
      .set({ updatedAt: sql`'2024-06-01T10:00:00Z'::timestamptz`, circulationDate: '2024-02-15' })
      .where(eq(reports.id, swissId));
  });
  afterAll(async () => {
    await database?.close();
  });

  const ids = async (filters: Parameters<typeof listPublishedReportsForFeed>[1]) =>
    (await listPublishedReportsForFeed(database.db, filters)).map((r) => r.id);

  it('lists published reports only, most recently changed first', async () => {
    expect(await ids({ limit: 10 })).toEqual([swissId, canadaId]);
    expect(await ids({ limit: 1 })).toEqual([swissId]);
  });

  it('filters by reporting party and by beneficiary party', async () => {
    expect(await ids({ reporter: 'CAN', limit: 10 })).toEqual([canadaId]);
    expect(await ids({ reporter: 'che', limit: 10 })).toEqual([swissId]);
    expect(await ids({ beneficiary: 'BOL', limit: 10 })).toEqual([swissId, canadaId]);
    expect(await ids({ beneficiary: 'VEN', limit: 10 })).toEqual([canadaId]);
    expect(await ids({ beneficiary: 'NPL', limit: 10 })).toEqual([swissId]);
    expect(await ids({ beneficiary: 'NPL', reporter: 'CAN', limit: 10 })).toEqual([]);
    expect(await ids({ beneficiary: 'ZZZ', limit: 10 })).toEqual([]);
  });

  it('builds entries with localized titles, links, dates and the first paragraph', async () => {
    const list = await listPublishedReportsForFeed(database.db, { limit: 10 });
    const xml = reportsAtomFeed({
      reports: list,
      labels,
      lang: 'en',
      baseUrl: 'https://ipcoop.example',
      filters: {},
    });
    const feed = parse(xml);
    expect(feed.namespaceURI).toBe(atom);
    expect(text(feed, 'title')).toBe('Article 67 reports');
    expect(text(feed, 'updated')).toBe('2024-06-01T10:00:00.000Z');
    const entries = all(feed, 'entry');
    expect(entries.map((e) => text(e, 'title'))).toEqual([
      'Report of Switzerland, 2023',
      'Report of Canada, 2020–2021',
    ]);
    const [swiss, canada] = entries as [Element, Element];
    expect(text(canada, 'id')).toBe(`https://ipcoop.example/en/reports/${canadaId}`);
    expect(all(canada, 'link')[0]?.getAttribute('href')).toBe(
      `https://ipcoop.example/en/reports/${canadaId}`,
    );
    expect(text(canada, 'updated')).toBe('2024-05-01T10:00:00.000Z');
    expect(text(canada, 'summary')).toMatch(/^Article 67 of the WTO Agreement on Trade-Related Aspects/);
    expect(text(swiss, 'summary')).toBe('La Suisse & la coopération : « premier » paragraphe <b>gras</b>.');
    expect(all(swiss, 'summary')[0]?.getAttribute('xml:lang')).toBe('fr');
    expect(text(swiss, 'published')).toBe('2024-02-15T00:00:00Z');
    expect(xml).not.toContain('<b>');
  });

  it('says which filters narrowed it, in the language of the feed', () => {
    const xml = reportsAtomFeed({
      reports: [],
      labels,
      lang: 'fr',
      baseUrl: 'https://ipcoop.example',
      filters: { reporter: 'CAN', beneficiary: 'BOL' },
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const feed = parse(xml);
    expect(text(feed, 'title')).toBe(
      'Rapports au titre de l’article 67 — Canada — bénéficiaire\u202f: Bolivie, État plurinational de',
    );
    expect(text(feed, 'id')).toBe('https://ipcoop.example/fr/reports/feed.atom?reporter=CAN&beneficiary=BOL');
    expect(text(feed, 'updated')).toBe('2025-01-01T00:00:00.000Z');
    expect(all(feed, 'entry')).toHaveLength(0);
    // Opened in a browser: styled by CSS, and a sentence that says what it is and where to read.
    expect(xml).toContain('<?xml-stylesheet type="text/css" href="/static/feed.css"?>');
    expect(text(feed, 'subtitle')).toContain('copiez son adresse dans un lecteur de flux');
    expect(text(feed, 'subtitle')).toContain('https://ipcoop.example/fr/reports');
  });

  it('titles entries in Spanish and French', () => {
    const report = {
      id: 1,
      reportingParty: 'BOL',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      symbol: null,
      originalLanguage: 'es' as const,
      circulationDate: null,
      firstParagraph: null,
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    const title = (lang: 'fr' | 'es') =>
      text(
        all(
          parse(reportsAtomFeed({ reports: [report], labels, lang, baseUrl: 'https://x', filters: {} })),
          'entry',
        )[0] as Element,
        'title',
      );
    expect(title('es')).toBe('Informe del Estado Plurinacional de Bolivia, 2022');
    expect(title('fr')).toBe('Rapport de l’État plurinational de Bolivie, 2022');
  });
});
