/**
 * e-TRIPS pages written for the tests, one per shape Members' pages take: numbered or not,
 * preamble, headings, fiscal years, IGO reporters, old and new symbols, three interfaces and
 * three content languages. Narratives and rows are invented.
 */
export type Ui = 'en' | 'fr' | 'es';

const titles: Record<Ui, string> = {
  en: 'Technical Cooperation Activities under TRIPS Art. 67 - View details of the document',
  fr: "Activités de coopération technique au titre de l'article 67 de l'Accord sur les ADPIC ‒ Afficher les détails du document",
  es: 'Actividades de cooperación técnica en el marco del artículo 67 del Acuerdo sobre los ADPIC - Ver detalles del documento',
};
const listHeadings: Record<Ui, string> = {
  en: 'List of programmes/projects',
  fr: 'Liste des programmes/projets',
  es: 'Lista de programas/proyectos',
};
const clickLines: Record<Ui, string> = {
  en: 'Click for more information',
  fr: 'Cliquez pour obtenir plus de renseignements',
  es: 'Haga clic para obtener más información',
};
const columnLines: Record<Ui, string> = {
  en: '# Title of programme or activity Start date Beneficiary Members or observers',
  fr: "# Titre du programme ou de l'activité Date de début Membres ou observateurs bénéficiares",
  es: '# Título del programa o actividad Fecha de inicio Miembros u observadores beneficiarios',
};
const noItems: Record<Ui, string> = {
  en: 'There are currently no items in the database.',
  fr: "Il n'y a actuellement aucun élément dans la base de données.",
  es: 'Actualmente no hay elementos en la base de datos.',
};

/** A page: title, header lines (reporter, symbol), narrative lines, then the list (rows, or none). */
export function page(options: {
  ui: Ui;
  header?: string[];
  narrative: string[];
  rows?: string[] | 'none' | 'cut';
}) {
  const { ui } = options;
  const list =
    options.rows === 'cut'
      ? []
      : options.rows === 'none' || !options.rows || options.rows.length === 0
        ? ['', listHeadings[ui], '', noItems[ui]]
        : ['', listHeadings[ui], '', clickLines[ui], columnLines[ui], ...options.rows];
  return [
    titles[ui],
    '',
    ...(options.header ?? []),
    '',
    ...options.narrative.map((l) => `  ${l}`),
    ...list,
    '',
  ].join('\n');
}

export type ShapeCase = {
  name: string;
  text: string;
  expect: {
    reporter: string;
    period: { start: string; end: string; precision: string };
    symbol?: string | null;
    circulationDate?: string | null;
    paragraphs: number;
    headings?: string[];
    preamble?: boolean;
    programmes: number;
    numbers?: string[];
  };
};

/** Pages in every shape the importer must read, with what it must read from each. */
export const shapeCases: ShapeCase[] = [
  {
    name: 'Japan, English, preamble ended by underscores, "1 INTRODUCTION 1. …", a named fiscal year',
    text: page({
      ui: 'en',
      header: ['Japan', 'IP/C/R/TC/JPN/Add.1'],
      narrative: [
        'The following communication, dated 2 October 2020, is being circulated at the request of the delegation of Japan.',
        '_______________',
        '1 INTRODUCTION 1. This report describes the technical cooperation of Japan in the field of intellectual property in FY2019. 2. The Japan Patent Office (JPO) trained 420 officials from developing countries.',
        '2 HUMAN RESOURCE DEVELOPMENT',
        '1. The JPO/IPR Training Programme invited trainees to Tokyo. 2. Long-term fellowships continued.',
      ],
      rows: [
        '1 JPO/IPR Training Programme for Patent Examiners 01/06/2019 Indonesia; Viet Nam; Thailand',
        '2 Long-term Fellowship on IP Office Management 15/09/2019 Philippines',
      ],
    }),
    expect: {
      reporter: 'JPN',
      period: { start: '2019-04-01', end: '2020-03-31', precision: 'fiscal-year' },
      symbol: 'IP/C/R/TC/JPN/Add.1',
      circulationDate: '2020-10-02',
      paragraphs: 4,
      headings: ['INTRODUCTION', 'HUMAN RESOURCE DEVELOPMENT'],
      preamble: true,
      programmes: 2,
      numbers: ['1', '1.', '2.', '2', '1.', '2.'],
    },
  },
  {
    name: 'European Union, French interface and content, day range, acronym, restarts per section',
    text: page({
      ui: 'fr',
      header: ['Union européenne (UE)'],
      narrative: [
        '1. INTRODUCTION',
        '1.1 Le présent rapport couvre la période du 1er juillet 2019 au 30 juin 2020.',
        '1.2 L’Union européenne finance des projets de coopération dans le domaine de la propriété intellectuelle.',
        '2. PROJETS RÉGIONAUX',
        '2.1 Le projet AfrIPI soutient l’OAPI et l’ARIPO.',
      ],
      rows: [
        '1 Projet AfrIPI – Droits de propriété intellectuelle et innovation en Afrique 01/01/2020 Côte d’Ivoire; Sénégal',
      ],
    }),
    expect: {
      reporter: 'EU',
      period: { start: '2019-07-01', end: '2020-06-30', precision: 'day' },
      paragraphs: 3,
      headings: ['INTRODUCTION', 'PROJETS RÉGIONAUX'],
      programmes: 1,
      numbers: ['1.', '1.1', '1.2', '2.', '2.1'],
    },
  },
  {
    name: 'World Health Organization in Spanish, inline "1.1. … 1.2. … 1.3.", day range in Spanish',
    text: page({
      ui: 'es',
      header: ['Organización Mundial de la Salud (OMS)'],
      narrative: [
        '1.1. El presente informe abarca el período del 1 de abril de 2019 al 31 de marzo de 2020. 1.2. La OMS presta asistencia técnica sobre salud pública y propiedad intelectual. 1.3. Las actividades se realizaron con la OMPI y la OMC.',
      ],
      rows: 'none',
    }),
    expect: {
      reporter: 'WHO',
      period: { start: '2019-04-01', end: '2020-03-31', precision: 'day' },
      paragraphs: 3,
      programmes: 0,
      numbers: ['1.1.', '1.2.', '1.3.'],
    },
  },
  {
    name: 'World Health Organization in English, WTO document header, older IP/C/W symbol with its addendum, month range',
    text: page({
      ui: 'en',
      header: [
        'Council for Trade-Related Aspects of Intellectual Property Rights',
        'IP/C/W/584/Add.3',
        'TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM INTERGOVERNMENTAL ORGANIZATIONS',
        'Addendum',
        'World Health Organization (WHO)',
      ],
      narrative: [
        '1. In the period March 2012 to March 2013, WHO continued its work on public health, innovation and intellectual property.',
        '2. WHO worked with WIPO and the WTO on trilateral cooperation.',
      ],
      rows: ['1 Trilateral Technical Symposium on Access to Medicines 05/11/2012'],
    }),
    expect: {
      reporter: 'WHO',
      period: { start: '2012-03-01', end: '2013-03-31', precision: 'month' },
      symbol: 'IP/C/W/584/Add.3',
      paragraphs: 2,
      programmes: 1,
    },
  },
  {
    name: 'Australia, English, "Between November 2016 and October 2017", sub-headings 1.2 and 1.2.1',
    text: page({
      ui: 'en',
      header: ['AUSTRALIA'],
      narrative: [
        '1 OVERVIEW',
        '1.1 Between November 2016 and October 2017, IP Australia delivered capacity building in the region.',
        '1.2 Programmes of the Office',
        '1.2.1 The Regional Patent Examination Training (RPET) programme continued.',
        '1.2.2 IP Australia hosted two study visits.',
      ],
      rows: [
        '1 Regional Patent Examination Training (RPET) 01/02/2017 Thailand; Philippines; Viet Nam',
        '2 Study visit of the Cambodian IP office 10/05/2017 Cambodia',
      ],
    }),
    expect: {
      reporter: 'AUS',
      period: { start: '2016-11-01', end: '2017-10-31', precision: 'month' },
      paragraphs: 3,
      headings: ['OVERVIEW', 'Programmes of the Office'],
      programmes: 2,
      numbers: ['1', '1.1', '1.2', '1.2.1', '1.2.2'],
    },
  },
  {
    name: 'Switzerland, French interface, Spanish-free French content, month range "d’octobre … à …"',
    text: page({
      ui: 'fr',
      header: ['Suisse'],
      narrative: [
        '1. Le présent rapport porte sur les activités menées d’octobre 2014 à septembre 2015.',
        '2. La Suisse soutient des projets bilatéraux avec plusieurs pays en développement.',
      ],
      rows: ['1 Projet de coopération en matière de propriété intellectuelle avec le Ghana 01/03/2015 Ghana'],
    }),
    expect: {
      reporter: 'CHE',
      period: { start: '2014-10-01', end: '2015-09-30', precision: 'month' },
      paragraphs: 2,
      programmes: 1,
    },
  },
  {
    name: 'United States, Spanish interface, English content, "from … to …" year range',
    text: page({
      ui: 'es',
      header: ['Estados Unidos de América'],
      narrative: [
        '1. This report covers activities undertaken from 2014 to 2015 by the United States Patent and Trademark Office.',
        '2. Programmes are listed below.',
      ],
      rows: ['1 Global Intellectual Property Academy – Patent Examination 12/01/2015 Brazil; India'],
    }),
    expect: {
      reporter: 'USA',
      period: { start: '2014-01-01', end: '2015-12-31', precision: 'year' },
      paragraphs: 2,
      programmes: 1,
    },
  },
  {
    name: 'Norway, Spanish content, "correspondiente al período 2018-2019", unnumbered paragraphs with a heading',
    text: page({
      ui: 'es',
      header: ['Noruega'],
      narrative: [
        'Introducción',
        'Información correspondiente al período 2018-2019 sobre la cooperación técnica de Noruega.',
        'Noruega apoya a la OMPI mediante fondos fiduciarios.',
      ],
      rows: 'none',
    }),
    expect: {
      reporter: 'NOR',
      period: { start: '2018-01-01', end: '2019-12-31', precision: 'year' },
      paragraphs: 2,
      headings: ['Introducción'],
      programmes: 0,
    },
  },
  {
    name: 'New Zealand, "the report of 2012" and a circulation date, no numbering',
    text: page({
      ui: 'en',
      header: ['New Zealand'],
      narrative: [
        'The following communication, dated 15 October 2012, is being circulated at the request of the delegation of New Zealand.',
        'This is the report of 2012 on technical cooperation.',
        'New Zealand funded training in Pacific island countries.',
      ],
      rows: ['1 Pacific IP Officials Workshop 20/08/2012 Fiji; Samoa; Tonga'],
    }),
    expect: {
      reporter: 'NZL',
      period: { start: '2012-01-01', end: '2012-12-31', precision: 'year' },
      circulationDate: '2012-10-15',
      paragraphs: 2,
      preamble: true,
      programmes: 1,
    },
  },
];

/** A page that says no period, with a circulation date: the error must suggest --period. */
export const noPeriodPage = page({
  ui: 'en',
  header: ['Norway'],
  narrative: [
    'The following communication, dated 15 October 2012, is being circulated at the request of the delegation of Norway.',
    '1. Norway supports intellectual property offices in developing countries.',
  ],
  rows: ['1 Workshop on Patent Information 01/03/2012 Kenya'],
});

/** A page cut off before its list: no column line, no "no items" line. */
export const cutOffPage = page({
  ui: 'en',
  header: ['Canada'],
  narrative: ['1. This report covers the 2020-2021 period.', '2. Canada cooperates with WIPO.'],
  rows: 'cut',
});
