import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import { iatiSchemaErrors } from '../testing/xml.ts';
import { activitiesIatiXml, evenPercentages, iatiIdentifier } from './iati.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { allActivityIds, hostileTitle, insertActivity, insertRichActivity } from './test-fixtures.ts';

type Element = {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<Element>;
  textContent: string | null;
};

function parse(xml: string): Element {
  return create(xml).root().node as unknown as Element;
}
const all = (element: Element, name: string) => Array.from(element.getElementsByTagName(name));
const activityById = (root: Element, identifier: string) =>
  all(root, 'iati-activity').find((a) => all(a, 'iati-identifier')[0]?.textContent === identifier);
const narrativesOf = (element: Element | undefined) =>
  Object.fromEntries(
    element ? all(element, 'narrative').map((n) => [n.getAttribute('xml:lang'), n.textContent]) : [],
  );
const sum = (values: Array<string | null>) => values.reduce((total, v) => total + Number(v), 0);

describe('activitiesIatiXml', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let demo: ExportActivity[];
  let rich: ExportActivity;
  let hostile: ExportActivity;
  let untitled: ExportActivity;
  const options = () => ({
    labels,
    baseUrl: 'https://ipcoop.example',
    generatedAt: new Date('2025-06-01T12:00:00Z'),
  });

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    await seedDemo(database.db);
    labels = await loadReferenceLabels(database.db);
    // The whole demo: Canada's ten programmes and the 2024 training edition.
    demo = await loadExportActivities(database.db, await allActivityIds(database.db));
    const { id } = await insertRichActivity(database.db);
    const hostileId = await insertActivity(database.db, {
      donorPartyCode: 'WIPO',
      title: { en: '<script>alert(1)</script> & "quoted" \'single\' ]]>' },
      description: { fr: 'Déjà vu & « guillemets » <b>', es: 'Año de señal — ¿“comillas”? & <i>' },
      originalLanguage: 'fr',
      website: 'javascript:alert(1)',
      contactEmail: 'a&b@example.org',
      startDate: '2030-01-01',
      startPrecision: 'year',
      budgetAmount: '10.00',
      budgetCurrency: 'USD',
    });
    const untitledId = await insertActivity(database.db, { title: { en: '  ' }, budgetCurrency: 'usd' });
    [rich, hostile, untitled] = (await loadExportActivities(database.db, [id, hostileId, untitledId])) as [
      ExportActivity,
      ExportActivity,
      ExportActivity,
    ];
  });
  afterAll(async () => {
    await database?.close();
  });

  it("validates against the IATI 2.03 schema for Canada's demo report", async () => {
    const xml = activitiesIatiXml(demo, options());
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    const root = parse(xml);
    expect(root.getAttribute('version')).toBe('2.03');
    expect(root.getAttribute('generated-datetime')).toBe('2025-06-01T12:00:00.000Z');
    expect(all(root, 'iati-activity')).toHaveLength(11);
    const edition = all(root, 'iati-activity').find((a) =>
      all(a, 'title')[0]?.textContent?.includes('Executive Training Program 2024'),
    ) as Element;
    expect(all(edition, 'activity-status')[0]?.getAttribute('code')).toBe('4');
    expect(
      all(edition, 'activity-date').map((d) => [d.getAttribute('type'), d.getAttribute('iso-date')]),
    ).toEqual([
      ['2', '2024-10-07'],
      ['4', '2024-10-11'],
    ]);
    expect(
      all(edition, 'recipient-region').map((r) => [
        r.getAttribute('code'),
        r.getAttribute('vocabulary'),
        r.getAttribute('percentage'),
      ]),
    ).toEqual([
      ['002', '2', '33.34'],
      ['142', '2', '33.33'],
      ['419', '2', '33.33'],
    ]);
  });

  it('writes result indicators as IATI result elements, valid against the schema', async () => {
    const xml = activitiesIatiXml([rich], options());
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    const results = all(parse(xml), 'result');
    expect(results.map((r) => [r.getAttribute('type'), r.getAttribute('aggregation-status')])).toEqual([
      ['1', 'true'],
      ['2', 'false'],
      ['3', 'false'],
    ]);
    const [counted, percentage, qualitative] = results.map((r) => all(r, 'indicator')[0] as Element);
    expect(narrativesOf(all(results[0] as Element, 'title')[0])).toEqual({
      fr: 'Examinateurs formés & <certifiés>',
    });
    expect(counted?.getAttribute('measure')).toBe('1');
    expect(narrativesOf(all(counted as Element, 'description')[0]).en).toBe(
      'Measured in: people trained. Source: Registre des formations',
    );
    expect(
      all(counted as Element, 'baseline').map((b) => [b.getAttribute('year'), b.getAttribute('value')]),
    ).toEqual([['2022', '0']]);
    const periods = all(counted as Element, 'period').map((p) => [
      all(p, 'period-start')[0]?.getAttribute('iso-date'),
      all(p, 'period-end')[0]?.getAttribute('iso-date'),
      all(p, 'target')[0]?.getAttribute('value'),
      all(p, 'actual')[0]?.getAttribute('value') ?? null,
    ]);
    expect(periods).toEqual([
      ['2023-03-01', '2023-12-31', '40', '35'],
      ['2024-01-01', '2024-12-31', '60', null],
    ]);
    expect(percentage?.getAttribute('measure')).toBe('2');
    expect(all(percentage as Element, 'actual')[0]?.getAttribute('value')).toBe('72.5');
    // Qualitative: no value attribute, the words in a comment.
    expect(qualitative?.getAttribute('measure')).toBe('5');
    const target = all(qualitative as Element, 'target')[0] as Element;
    expect(target.getAttribute('value')).toBeNull();
    expect(narrativesOf(target)).toEqual({ fr: 'Lignes directrices adoptées' });
  });

  it('tags the elements of Article 67 with vocabulary 99, a suggestion marked in its narratives', () => {
    const root = parse(activitiesIatiXml(demo, options()));
    const tagsOf = (title: string) => {
      const activity = all(root, 'iati-activity').find((a) =>
        all(a, 'title')[0]?.textContent?.includes(title),
      ) as Element;
      return all(activity, 'tag').filter((tag) => tag.getAttribute('vocabulary-uri')?.endsWith('/elements'));
    };
    const interpol = tagsOf('International IP Crime Training Seminars');
    expect(interpol.map((tag) => [tag.getAttribute('vocabulary'), tag.getAttribute('code')])).toEqual([
      ['99', 'training-personnel'],
    ]);
    expect(narrativesOf(interpol[0])).toEqual({
      en: 'Training of personnel',
      fr: 'Formation de personnel',
      es: 'Formación de personal',
    });
    const openAir = tagsOf('Open African Innovation Research network');
    expect(openAir.map((tag) => tag.getAttribute('code'))).toEqual(['other']);
    expect(narrativesOf(openAir[0]).fr).toBe('Autres (sensibilisation, recherche) — suggestion');
  });

  it('validates with markup, ampersands, quotes and French and Spanish texts, and keeps them as text', async () => {
    const xml = activitiesIatiXml([rich, hostile, untitled], options());
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(
      narrativesOf(all(activityById(parse(xml), iatiIdentifier(untitled)) as Element, 'title')[0]).en,
    ).toBe('Untitled activity');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    const root = parse(xml);
    expect(narrativesOf(all(activityById(root, iatiIdentifier(rich)) as Element, 'title')[0])).toEqual(
      hostileTitle,
    );
    const other = activityById(root, `WIPO-IPCOOP-${hostile.id}`) as Element;
    expect(all(other, 'title')[0]?.textContent?.trim()).toBe(
      '<script>alert(1)</script> & "quoted" \'single\' ]]>',
    );
    expect(narrativesOf(all(other, 'description')[0])).toEqual({
      fr: 'Déjà vu & « guillemets » <b>',
      es: 'Año de señal — ¿“comillas”? & <i>',
    });
    expect(all(other, 'reporting-org')[0]?.getAttribute('type')).toBe('40');
    // Not a web address: not linked. A budget without an end date has no IATI budget element.
    expect(all(other, 'document-link').map((d) => d.getAttribute('url'))).toEqual([
      `https://ipcoop.example/en/activities/${hostile.id}`,
    ]);
    expect(all(other, 'budget')).toHaveLength(0);
    expect(narrativesOf(all(other, 'description').find((d) => d.getAttribute('type') === '4')).en).toBe(
      'Budget (period unknown): 10.00 USD.',
    );
    expect(all(other, 'activity-status')[0]?.getAttribute('code')).toBe('1');
    const start = all(other, 'activity-date')[0];
    expect([start?.getAttribute('type'), start?.getAttribute('iso-date')]).toEqual(['1', '2030-01-01']);
    expect(narrativesOf(start).en).toBe('Known to the year only');
    expect(all(other, 'email')[0]?.textContent).toBe('a&b@example.org');
  });

  it('maps beneficiaries to countries and regions whose percentages add up to 100', () => {
    const indela = demo.find((a) => a.reports[0]?.rowNumber === 7) as ExportActivity;
    const item7 = parse(activitiesIatiXml([indela], options()));
    const countries = all(item7, 'recipient-country');
    expect(countries.map((c) => c.getAttribute('code'))).toEqual([
      'AR',
      'BO',
      'BR',
      'CL',
      'CO',
      'CU',
      'EC',
      'MX',
      'PA',
      'PY',
      'PE',
      'UY',
      'VE',
    ]);
    expect(sum(countries.map((c) => c.getAttribute('percentage')))).toBeCloseTo(100, 10);
    expect(narrativesOf(countries[1])).toEqual({
      en: 'Bolivia, Plurinational State of',
      fr: 'Bolivie, État plurinational de',
      es: 'Bolivia, Estado Plurinacional de',
    });

    const root = parse(activitiesIatiXml([rich], options()));
    const places = [...all(root, 'recipient-country'), ...all(root, 'recipient-region')];
    expect(
      places.map((p) => [p.getAttribute('code'), p.getAttribute('vocabulary'), p.getAttribute('percentage')]),
    ).toEqual([
      ['NP', null, '25.00'],
      ['BO', null, '25.00'],
      ['013', '2', '25.00'],
      ['LDC', '99', '25.00'],
    ]);
    // OAPI and the unresolved name have no IATI recipient: the "as listed" description keeps them.
    const listed = all(root, 'description').find((d) => d.getAttribute('type') === '3');
    expect(narrativesOf(listed).fr).toBe(
      'Bénéficiaires tels qu’indiqués dans la source\u202f: Népal; Amérique centrale; Bolivie; PMA; OAPI; Îles du Pacifique & <autres>',
    );
  });

  it('falls back to "developing countries, unspecified" and to the report period when the source is silent', () => {
    const item = (row: number) => demo.find((a) => a.reports[0]?.rowNumber === row) as ExportActivity;
    const first = item(1); // no beneficiaries, no description
    const fourth = item(4); // no start date
    const root = parse(activitiesIatiXml([first, fourth], options()));
    const [one, four] = all(root, 'iati-activity');
    expect(
      all(one as Element, 'recipient-region').map((r) => [
        r.getAttribute('code'),
        r.getAttribute('vocabulary'),
      ]),
    ).toEqual([['998', '1']]);
    expect(narrativesOf(all(one as Element, 'description')[0])).toEqual(first.title);
    expect(all(one as Element, 'activity-status')[0]?.getAttribute('code')).toBe('2');
    const date = all(four as Element, 'activity-date')[0];
    expect([date?.getAttribute('type'), date?.getAttribute('iso-date')]).toEqual(['1', '2020-01-01']);
    expect(narrativesOf(date).en).toMatch(/first reporting period/);
  });

  it('names the donor, funders, agencies, sectors, tags, budget and links', () => {
    const root = parse(activitiesIatiXml([rich], { ...options(), lang: 'fr' }));
    expect(all(root, 'iati-identifier')[0]?.textContent).toBe(`CHE-IPCOOP-${rich.id}`);
    expect(all(root, 'reporting-org')[0]?.getAttribute('ref')).toBe('CHE');
    expect(
      all(root, 'participating-org').map((o) => [
        o.getAttribute('role'),
        o.getAttribute('ref'),
        o.getAttribute('type'),
        narrativesOf(o).en,
      ]),
    ).toEqual([
      ['1', 'CHE', '10', 'Switzerland'],
      ['1', null, '40', 'World Intellectual Property Organization'],
      ['4', null, null, 'Canadian Intellectual Property Office'],
      ['4', null, '40', 'World Intellectual Property Organization'],
    ]);
    expect(all(root, 'activity-status')[0]?.getAttribute('code')).toBe('2');
    expect(
      all(root, 'activity-date').map((d) => [d.getAttribute('type'), d.getAttribute('iso-date')]),
    ).toEqual([
      ['2', '2023-03-01'],
      ['3', '2024-12-31'],
    ]);
    expect(
      all(root, 'sector').map((s) => [
        s.getAttribute('vocabulary'),
        s.getAttribute('code'),
        s.getAttribute('percentage'),
      ]),
    ).toEqual([
      ['1', '33110', '100'],
      ['99', 'patents', '50.00'],
      ['99', 'office-administration', '50.00'],
    ]);
    expect(all(root, 'tag').map((t) => t.getAttribute('code'))).toEqual(['plurilateral', 'training']);
    const value = all(root, 'value')[0];
    expect([value?.textContent, value?.getAttribute('currency'), value?.getAttribute('value-date')]).toEqual([
      '125000.50',
      'CHF',
      '2023-03-01',
    ]);
    expect(all(root, 'person-name')[0]?.textContent?.trim()).toBe('Zoë O’Brien & <team>');
    const links = all(root, 'document-link');
    expect(links.map((l) => [l.getAttribute('url'), all(l, 'category')[0]?.getAttribute('code')])).toEqual([
      ['https://example.org/atelier?x=1&y=2', 'A12'],
      [`https://ipcoop.example/fr/activities/${rich.id}`, 'A12'],
      [`https://ipcoop.example/fr/reports/${rich.reports[0]?.reportId}`, 'B01'],
    ]);
    expect(narrativesOf(links[2]).fr).toBe(
      'Rapport au titre de l’article 67\u202f: Suisse, 2023 (IP/C/R/TC/CHE/99), point 3',
    );
    expect(narrativesOf(all(root, 'description').find((d) => d.getAttribute('type') === '4')).en).toBe(
      'Funding: Co-financed — Switzerland 60%, World Intellectual Property Organization 40%. Delivery: Blended — French, Spanish.',
    );
  });

  it('splits percentages into shares of exactly 100', () => {
    for (const n of [1, 3, 7, 13, 200]) {
      const shares = evenPercentages(n);
      expect(shares).toHaveLength(n);
      expect(Math.round(sum(shares) * 100)).toBe(10000);
    }
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('refuses an empty list, which the schema would reject', () => {
    expect(() => activitiesIatiXml([], options())).toThrow(RangeError);
  });
});
