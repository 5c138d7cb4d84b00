import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceResolver } from '../reference/reference-lookup.ts';
import { LayoutError, type ParseOptions, parseEtripsPage } from './parse-page.ts';

const { resolver, partyName } = referenceResolver();
const parse = (text: string, extra: Partial<ParseOptions> = {}) =>
  parseEtripsPage(text, { resolver, partyName, ...extra });
const errors = (page: ReturnType<typeof parse>) => page.problems.filter((p) => p.severity === 'error');

const canadaSeed = readFileSync(new URL('../demo/seeds/000_05d88512103c0841.txt', import.meta.url), 'utf8');

describe("Canada's 2020–2021 page (French interface)", () => {
  const page = parse(canadaSeed);

  it('reads the interface, content language, reporting party and period', () => {
    expect(page.uiLanguage).toBe('fr');
    expect(page.contentLanguage).toBe('en');
    expect(page.reporter).toEqual({ code: 'CAN', name: 'Canada' });
    expect(page.reporterFrom).toBe('narrative');
    expect(page.period).toEqual({ start: '2020-01-01', end: '2021-12-31', precision: 'year' });
    expect(errors(page)).toEqual([]);
  });

  it('reads the three narrative paragraphs as written', () => {
    expect(page.paragraphs).toHaveLength(3);
    expect(page.paragraphs[0]).toMatch(/^Article 67 of the WTO Agreement/);
    expect(page.paragraphs[1]).toContain('Centre for Trade Policy and Law (CTPL)');
    expect(page.paragraphs[2]).toBe('Details of technical cooperation activities are provided in the Annex.');
  });

  it('reads exactly ten programmes with their dates and beneficiaries', () => {
    expect(page.programmes.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [first] = page.programmes;
    expect(first).toMatchObject({
      title: 'CIPO-WIPO Executive Workshop on IP Office Management',
      start: '2021-04-24',
      beneficiaries: [],
    });
    const second = page.programmes[1];
    expect(second?.beneficiaries.map((b) => b.code)).toEqual([
      'CRI',
      'DOM',
      'SLV',
      'GTM',
      'HND',
      'NIC',
      'PAN',
    ]);
    const seventh = page.programmes[6];
    expect(seventh?.beneficiaries).toHaveLength(13);
    expect(seventh?.beneficiaries).toContainEqual({
      name: 'Bolivia, Plurinational State of',
      code: 'BOL',
      kind: 'party',
    });
    expect(seventh?.beneficiaries).toContainEqual({
      name: 'Venezuela, Bolivarian Republic of',
      code: 'VEN',
      kind: 'party',
    });
    for (const n of [4, 8, 9, 10]) expect(page.programmes[n - 1]?.start, `#${n}`).toBeNull();
  });

  it('keeps titles as written (CPTL, dashes, country names inside titles)', () => {
    expect(page.programmes[8]?.title).toBe(
      'Centre for Trade Policy and Law (CPTL) – guidance, support, knowledge and tools',
    );
    expect(page.programmes[4]?.title).toMatch(/Protection in Viet Nam$/);
    expect(page.programmes[4]?.beneficiaries).toEqual([]);
    expect(page.programmes[5]?.title).toContain('in the Global South');
  });
});

const englishPage = `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document
Japan
Japan

  1. This report describes Japan's technical cooperation for the period 2019-2020.
  2. Further details are given below.

List of programmes/projects

Click for more information
# Title of programme or activity Start date Beneficiary Members or observers
1 Seminar on patents 2020 held 15/03/2019 in Tokyo 01/06/2019 Viet Nam; Lao People's Democratic Republic
2 Training on trademark examination Cambodia; Myanmar
3 Support for the IP office in Viet Nam
4 Regional workshop Central America
`;

describe('English interface', () => {
  const page = parse(englishPage);

  it('takes the reporting party from its own line(s) under the title', () => {
    expect(page.uiLanguage).toBe('en');
    expect(page.reporter).toEqual({ code: 'JPN', name: 'Japan' });
    expect(page.reporterFrom).toBe('page');
    expect(page.paragraphs).toHaveLength(2);
    expect(page.period).toEqual({ start: '2019-01-01', end: '2020-12-31', precision: 'year' });
  });

  it('uses the last date of a row as its start, keeping dates inside the title', () => {
    expect(page.programmes[0]).toMatchObject({
      title: 'Seminar on patents 2020 held 15/03/2019 in Tokyo',
      start: '2019-06-01',
    });
    expect(page.programmes[0]?.beneficiaries.map((b) => b.code)).toEqual(['VNM', 'LAO']);
  });

  it('finds where a dateless title ends from the party names', () => {
    expect(page.programmes[1]).toMatchObject({ title: 'Training on trademark examination', start: null });
    expect(page.programmes[1]?.beneficiaries.map((b) => b.code)).toEqual(['KHM', 'MMR']);
    expect(page.programmes[2]).toMatchObject({
      title: 'Support for the IP office in Viet Nam',
      beneficiaries: [],
    });
    expect(page.programmes[3]).toMatchObject({ title: 'Regional workshop' });
    expect(page.programmes[3]?.beneficiaries).toEqual([
      { name: 'Central America', code: '013', kind: 'region' },
    ]);
    expect(errors(page)).toEqual([]);
  });

  it('refuses a --reporter that contradicts the page', () => {
    expect(errors(parse(englishPage, { reporterCode: 'CAN' }))[0]?.message).toMatch(/--reporter says CAN/);
  });
});

describe('Spanish interface, inline narrative, no items', () => {
  const page =
    parse(`Actividades de cooperación técnica en el marco del artículo 67 del Acuerdo sobre los ADPIC - Ver detalles del documento

1. La Unión Europea presenta su informe sobre el período 2022-2023. 2. No hubo actividades nuevas en el período.

Lista de programas/proyectos
Haga clic para obtener más información
# Título del programa o actividad Fecha de inicio Miembros u observadores beneficiarios
Actualmente no hay elementos en la base de datos
`);

  it('reads zero programmes and splits "1. … 2. …" into paragraphs', () => {
    expect(page.uiLanguage).toBe('es');
    expect(page.contentLanguage).toBe('es');
    expect(page.programmes).toEqual([]);
    expect(page.paragraphs).toEqual([
      'La Unión Europea presenta su informe sobre el período 2022-2023.',
      'No hubo actividades nuevas en el período.',
    ]);
    expect(page.reporter?.code).toBe('EU');
    expect(page.period).toEqual({ start: '2022-01-01', end: '2023-12-31', precision: 'year' });
    expect(errors(page)).toEqual([]);
  });

  it('accepts the French "no items" line', () => {
    const french = parse(
      canadaSeed.split('\n# Titre')[0] +
        "\n# Titre du programme ou de l'activité Date de début Membres\nIl n'y a actuellement aucun élément dans la base de données\n",
    );
    expect(french.programmes).toEqual([]);
    expect(errors(french)).toEqual([]);
  });
});

describe('older layout', () => {
  it('reads a column line straight after the narrative, with no list heading', () => {
    const page = parse(
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\n  1. Norway reports for 2010-2011.\n# Title of programme or activity Start date Beneficiary Members or observers\n1 Patent workshop 01/02/2010 Malawi\n`,
    );
    expect(page.reporter?.code).toBe('NOR');
    expect(page.programmes).toEqual([
      {
        n: 1,
        title: 'Patent workshop',
        start: '2010-02-01',
        beneficiaries: [{ name: 'Malawi', code: 'MWI', kind: 'party' }],
        line: 4,
      },
    ]);
  });
});

describe('bad input', () => {
  const header = `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nCanada\n  1. Report for 2020-2021.\n# Title of programme or activity Start date Beneficiary Members or observers\n`;

  it('names the line of a malformed date', () => {
    const page = parse(`${header}1 Workshop 31/02/2021 Kenya\n`);
    expect(errors(page)).toEqual([
      { line: 5, message: 'row 1: 31/02/2021 is not a date (DD/MM/YYYY)', severity: 'error' },
    ]);
  });

  it('keeps an unknown beneficiary verbatim and flags it', () => {
    const page = parse(`${header}1 Workshop 01/02/2021 Kenya; Atlantis\n`);
    expect(page.programmes[0]?.beneficiaries[1]).toEqual({
      name: 'Atlantis',
      code: null,
      kind: 'unresolved',
    });
    expect(errors(page)[0]).toMatchObject({
      line: 5,
      message: expect.stringContaining('unknown beneficiary "Atlantis"'),
    });
  });

  it('lists lines it cannot read with their numbers', () => {
    const page = parse(
      `${header}1 Workshop 01/02/2021 Kenya\ncontinued text that is not a row\n1 Again 01/02/2021 Kenya\n`,
    );
    expect(errors(page).map((p) => p.line)).toEqual([6, 7]);
  });

  it('keeps a country after "by" or "and" in the title, and warns when the reporter is read as a beneficiary', () => {
    const page = parse(
      `${header}1 Seminar hosted by Mexico\n2 Webinars by Trade Facilitation Office (TFO) Canada\n3 Training Kenya; Uganda\n`,
    );
    expect(page.programmes[0]).toMatchObject({ title: 'Seminar hosted by Mexico', beneficiaries: [] });
    expect(page.programmes[2]?.beneficiaries.map((b) => b.code)).toEqual(['KEN', 'UGA']);
    // Ambiguous without a date: read as a beneficiary, but flagged since it is the reporter itself.
    expect(page.programmes[1]?.beneficiaries.map((b) => b.code)).toEqual(['CAN']);
    expect(page.problems).toContainEqual({
      line: 6,
      message: 'row 2: the reporting party itself is read as a beneficiary; check where the title ends',
      severity: 'warning',
    });
  });

  it('reads a date before a ";" and keeps a date in parentheses in the title', () => {
    const page = parse(
      `${header}1 Workshop 01/02/2021; Mexico\n2 Seminar (01/02/2020) follow-up 03/04/2021 Chile\n`,
    );
    expect(page.programmes[0]).toMatchObject({ title: 'Workshop', start: '2021-02-01' });
    expect(page.programmes[0]?.beneficiaries.map((b) => b.code)).toEqual(['MEX']);
    expect(page.programmes[1]).toMatchObject({
      title: 'Seminar (01/02/2020) follow-up',
      start: '2021-04-03',
    });
  });

  it('does not split an inline narrative at a reference such as "para. 4."', () => {
    const page = parse(
      'Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\nCanada\n1. For the period 2020-2021, see para. 4. of the guidelines. 2. Second paragraph.\n# Title of programme or activity Start date Beneficiary Members or observers\n',
    );
    expect(page.paragraphs).toEqual([
      'For the period 2020-2021, see para. 4. of the guidelines.',
      'Second paragraph.',
    ]);
  });

  it('reads a two-digit end year and refuses a period that ends before it starts', () => {
    const short = parse(header.replace('Report for 2020-2021.', 'Report for the period 2020-21.'));
    expect(short.period).toEqual({ start: '2020-01-01', end: '2021-12-31', precision: 'year' });
    const reversed = parse(header.replace('Report for 2020-2021.', 'Report for the period 2021-2019.'));
    expect(reversed.period).toBeNull();
    expect(errors(reversed)[0]?.message).toContain('ends before it starts');
  });

  it('refuses a page in another layout', () => {
    expect(() => parse('Minutes of the meeting\nSomething else entirely\n')).toThrow(LayoutError);
    expect(() => parse('   \n\n')).toThrow(/empty/);
  });

  it('asks for the reporting party or period when the page does not say them', () => {
    const page = parse(
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\n  1. Activities are listed below.\n# Title of programme or activity Start date Beneficiary Members or observers\n`,
    );
    expect(errors(page).map((p) => p.message)).toEqual([
      expect.stringContaining('--reporter'),
      expect.stringContaining('--period'),
    ]);
    const given = parse(
      `Technical Cooperation Activities under TRIPS Art. 67. - View details of the document\n  1. Activities are listed below.\n# Title of programme or activity Start date Beneficiary Members or observers\n`,
      { reporterCode: 'CHE', period: '2018-2019' },
    );
    expect(errors(given)).toEqual([]);
    expect(given.reporter).toEqual({ code: 'CHE', name: 'Switzerland' });
  });
});
