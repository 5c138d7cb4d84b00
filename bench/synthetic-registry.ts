// A synthetic but plausible Art. 67 registry: who reports, who benefits, what the activities say,
// in the three WTO languages. Everything derives from one seeded PRNG so that runs repeat.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { activities, activityBeneficiaries } from '../src/activities/schema.ts';
import { refreshActivitySearch } from '../src/activities/search-index.ts';
import type { LocalizedText } from '../src/db/columns.ts';
import type { Db } from '../src/db/database.ts';
import { type PartyRecord, referenceData } from '../src/reference/reference-data.ts';
import { reportActivities, reports } from '../src/reports/schema.ts';

export const firstYear = 1996;
export const lastYear = 2025;
const yearCount = lastYear - firstYear + 1;

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Picks by weight in O(log n): cumulative weights and a binary search. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const weight of weights) {
      sum += weight;
      this.cumulative.push(sum);
    }
  }
  pick(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const target = random() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Topics carry an article in French and Spanish so they read after "sur"/"sobre".

type Tri = { en: string; fr: string; es: string };
type Topic = Tri & { areas: string[] };
type Format = Tri & { type: string; frFeminine: boolean; esFeminine: boolean };
type Qualifier = { en: string; fr: [string, string]; es: [string, string] };
type Audience = Tri & { noun: Tri };

const topics: Topic[] = [
  {
    en: 'patent examination',
    fr: "l'examen des brevets",
    es: 'el examen de patentes',
    areas: ['patents', 'office-administration'],
  },
  {
    en: 'patent search and classification',
    fr: 'la recherche et la classification des brevets',
    es: 'la búsqueda y clasificación de patentes',
    areas: ['patents'],
  },
  {
    en: 'pharmaceutical patents',
    fr: 'les brevets pharmaceutiques',
    es: 'las patentes farmacéuticas',
    areas: ['patents', 'public-health'],
  },
  {
    en: 'access to medicines',
    fr: "l'accès aux médicaments",
    es: 'el acceso a los medicamentos',
    areas: ['public-health', 'patents'],
  },
  {
    en: 'trademark registration',
    fr: "l'enregistrement des marques",
    es: 'el registro de marcas',
    areas: ['trademarks'],
  },
  {
    en: 'well-known marks',
    fr: 'les marques notoires',
    es: 'las marcas notoriamente conocidas',
    areas: ['trademarks'],
  },
  {
    en: 'copyright and related rights',
    fr: "le droit d'auteur et les droits connexes",
    es: 'el derecho de autor y los derechos conexos',
    areas: ['copyright'],
  },
  {
    en: 'collective management of copyright',
    fr: "la gestion collective du droit d'auteur",
    es: 'la gestión colectiva del derecho de autor',
    areas: ['copyright'],
  },
  {
    en: 'online piracy',
    fr: 'le piratage en ligne',
    es: 'la piratería en línea',
    areas: ['copyright', 'digital-economy', 'enforcement'],
  },
  {
    en: 'geographical indications',
    fr: 'les indications géographiques',
    es: 'las indicaciones geográficas',
    areas: ['geographical-indications'],
  },
  {
    en: 'geographical indications for coffee and tea',
    fr: 'les indications géographiques pour le café et le thé',
    es: 'las indicaciones geográficas del café y el té',
    areas: ['geographical-indications'],
  },
  {
    en: 'the enforcement of intellectual property rights',
    fr: "l'application des droits de propriété intellectuelle",
    es: 'la observancia de los derechos de propiedad intelectual',
    areas: ['enforcement'],
  },
  {
    en: 'border measures against counterfeiting',
    fr: 'les mesures à la frontière contre la contrefaçon',
    es: 'las medidas en frontera contra la falsificación',
    areas: ['enforcement', 'trademarks'],
  },
  {
    en: 'criminal prosecution of counterfeit goods',
    fr: 'la répression pénale des marchandises de contrefaçon',
    es: 'la persecución penal de las mercancías falsificadas',
    areas: ['enforcement'],
  },
  {
    en: 'plant variety protection',
    fr: 'la protection des obtentions végétales',
    es: 'la protección de las obtenciones vegetales',
    areas: ['plant-varieties'],
  },
  {
    en: 'traditional knowledge and genetic resources',
    fr: 'les savoirs traditionnels et les ressources génétiques',
    es: 'los conocimientos tradicionales y los recursos genéticos',
    areas: ['traditional-knowledge'],
  },
  {
    en: 'industrial designs',
    fr: 'les dessins et modèles industriels',
    es: 'los diseños industriales',
    areas: ['industrial-designs'],
  },
  {
    en: 'layout-designs of integrated circuits',
    fr: 'les schémas de configuration de circuits intégrés',
    es: 'los esquemas de trazado de circuitos integrados',
    areas: ['layout-designs'],
  },
  {
    en: 'trade secrets and undisclosed information',
    fr: "les secrets d'affaires et les renseignements non divulgués",
    es: 'los secretos comerciales y la información no divulgada',
    areas: ['undisclosed-information'],
  },
  {
    en: 'licensing and competition policy',
    fr: 'les licences et la politique de la concurrence',
    es: 'las licencias y la política de competencia',
    areas: ['anti-competitive-licensing', 'technology-transfer'],
  },
  {
    en: 'technology transfer',
    fr: 'le transfert de technologie',
    es: 'la transferencia de tecnología',
    areas: ['technology-transfer'],
  },
  {
    en: 'university technology transfer offices',
    fr: 'les bureaux de transfert de technologie des universités',
    es: 'las oficinas universitarias de transferencia de tecnología',
    areas: ['technology-transfer', 'awareness-education'],
  },
  {
    en: 'the modernization of the IP office',
    fr: "la modernisation de l'office de propriété intellectuelle",
    es: 'la modernización de la oficina de propiedad intelectual',
    areas: ['office-administration'],
  },
  {
    en: 'electronic filing systems',
    fr: 'les systèmes de dépôt électronique',
    es: 'los sistemas de presentación electrónica',
    areas: ['office-administration', 'digital-economy'],
  },
  {
    en: 'intellectual property and e-commerce',
    fr: 'la propriété intellectuelle et le commerce électronique',
    es: 'la propiedad intelectual y el comercio electrónico',
    areas: ['digital-economy'],
  },
  {
    en: 'intellectual property for small and medium-sized enterprises',
    fr: 'la propriété intellectuelle pour les petites et moyennes entreprises',
    es: 'la propiedad intelectual para las pequeñas y medianas empresas',
    areas: ['awareness-education'],
  },
  {
    en: 'teaching intellectual property in universities',
    fr: "l'enseignement de la propriété intellectuelle dans les universités",
    es: 'la enseñanza de la propiedad intelectual en las universidades',
    areas: ['awareness-education'],
  },
  {
    en: 'the TRIPS Agreement and public health',
    fr: "l'Accord sur les ADPIC et la santé publique",
    es: 'el Acuerdo sobre los ADPIC y la salud pública',
    areas: ['public-health'],
  },
  {
    en: 'the implementation of the TRIPS Agreement',
    fr: "la mise en œuvre de l'Accord sur les ADPIC",
    es: 'la aplicación del Acuerdo sobre los ADPIC',
    areas: ['office-administration', 'enforcement'],
  },
  {
    en: 'branding of agricultural products',
    fr: "l'image de marque des produits agricoles",
    es: 'la creación de marcas para productos agrícolas',
    areas: ['trademarks', 'geographical-indications'],
  },
];

const formats: Format[] = [
  {
    en: 'training course',
    fr: 'cours de formation',
    es: 'curso de formación',
    type: 'training',
    frFeminine: false,
    esFeminine: false,
  },
  {
    en: 'training workshop',
    fr: 'atelier de formation',
    es: 'taller de formación',
    type: 'training',
    frFeminine: false,
    esFeminine: false,
  },
  { en: 'seminar', fr: 'séminaire', es: 'seminario', type: 'seminar', frFeminine: false, esFeminine: false },
  { en: 'workshop', fr: 'atelier', es: 'taller', type: 'seminar', frFeminine: false, esFeminine: false },
  {
    en: 'conference',
    fr: 'conférence',
    es: 'conferencia',
    type: 'seminar',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'expert advisory mission',
    fr: "mission de conseil d'experts",
    es: 'misión de asesoramiento de expertos',
    type: 'expert-advice',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'legislative assistance',
    fr: 'assistance législative',
    es: 'asistencia legislativa',
    type: 'legislative-assistance',
    frFeminine: true,
    esFeminine: true,
  },
  { en: 'study', fr: 'étude', es: 'estudio', type: 'research', frFeminine: true, esFeminine: false },
  {
    en: 'research project',
    fr: 'projet de recherche',
    es: 'proyecto de investigación',
    type: 'research',
    frFeminine: false,
    esFeminine: false,
  },
  {
    en: 'IT modernization project',
    fr: 'projet de modernisation informatique',
    es: 'proyecto de modernización informática',
    type: 'it-modernization',
    frFeminine: false,
    esFeminine: false,
  },
  {
    en: 'documentation and database support',
    fr: 'appui documentaire et bases de données',
    es: 'apoyo documental y bases de datos',
    type: 'documentation',
    frFeminine: false,
    esFeminine: false,
  },
  {
    en: 'awareness campaign',
    fr: 'campagne de sensibilisation',
    es: 'campaña de sensibilización',
    type: 'awareness',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'grant',
    fr: 'subvention',
    es: 'subvención',
    type: 'financial-contribution',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'trust fund contribution',
    fr: 'contribution au fonds fiduciaire',
    es: 'contribución al fondo fiduciario',
    type: 'financial-contribution',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'study visit',
    fr: "visite d'étude",
    es: 'visita de estudio',
    type: 'exchange',
    frFeminine: true,
    esFeminine: true,
  },
  {
    en: 'examiner exchange programme',
    fr: "programme d'échange d'examinateurs",
    es: 'programa de intercambio de examinadores',
    type: 'exchange',
    frFeminine: false,
    esFeminine: false,
  },
];

const qualifiers: Qualifier[] = [
  { en: 'Regional', fr: ['régional', 'régionale'], es: ['regional', 'regional'] },
  { en: 'National', fr: ['national', 'nationale'], es: ['nacional', 'nacional'] },
  { en: 'Sub-regional', fr: ['sous-régional', 'sous-régionale'], es: ['subregional', 'subregional'] },
  { en: 'Advanced', fr: ['avancé', 'avancée'], es: ['avanzado', 'avanzada'] },
  { en: 'Introductory', fr: ["d'introduction", "d'introduction"], es: ['introductorio', 'introductoria'] },
  { en: 'Interregional', fr: ['interrégional', 'interrégionale'], es: ['interregional', 'interregional'] },
  { en: 'Online', fr: ['en ligne', 'en ligne'], es: ['en línea', 'en línea'] },
];

const audiences: Audience[] = [
  {
    en: 'for patent examiners',
    fr: 'pour les examinateurs de brevets',
    es: 'para examinadores de patentes',
    noun: {
      en: 'patent examiners',
      fr: 'des examinateurs de brevets',
      es: 'de los examinadores de patentes',
    },
  },
  {
    en: 'for customs officials',
    fr: 'pour les agents des douanes',
    es: 'para funcionarios de aduanas',
    noun: { en: 'customs officials', fr: 'des agents des douanes', es: 'de los funcionarios de aduanas' },
  },
  {
    en: 'for judges and prosecutors',
    fr: 'pour les juges et les procureurs',
    es: 'para jueces y fiscales',
    noun: { en: 'judges and prosecutors', fr: 'des juges et des procureurs', es: 'de los jueces y fiscales' },
  },
  {
    en: 'for IP office staff',
    fr: "pour le personnel de l'office de propriété intellectuelle",
    es: 'para el personal de la oficina de propiedad intelectual',
    noun: {
      en: 'IP office staff',
      fr: "du personnel de l'office de propriété intellectuelle",
      es: 'del personal de la oficina de propiedad intelectual',
    },
  },
  {
    en: 'for police officers',
    fr: 'pour les policiers',
    es: 'para agentes de policía',
    noun: { en: 'police officers', fr: 'des policiers', es: 'de los agentes de policía' },
  },
  {
    en: 'for policy makers',
    fr: 'pour les décideurs politiques',
    es: 'para responsables de políticas',
    noun: { en: 'policy makers', fr: 'des décideurs politiques', es: 'de los responsables de políticas' },
  },
  {
    en: 'for researchers and universities',
    fr: 'pour les chercheurs et les universités',
    es: 'para investigadores y universidades',
    noun: { en: 'researchers', fr: 'des chercheurs', es: 'de los investigadores' },
  },
  {
    en: 'for small businesses',
    fr: 'pour les petites entreprises',
    es: 'para pequeñas empresas',
    noun: { en: 'small businesses', fr: 'des petites entreprises', es: 'de las pequeñas empresas' },
  },
  {
    en: 'for farmers and producer groups',
    fr: 'pour les agriculteurs et les groupements de producteurs',
    es: 'para agricultores y grupos de productores',
    noun: {
      en: 'farmers and producer groups',
      fr: 'des agriculteurs et des groupements de producteurs',
      es: 'de los agricultores y grupos de productores',
    },
  },
  {
    en: 'for lawyers and IP practitioners',
    fr: 'pour les avocats et les conseils en propriété intellectuelle',
    es: 'para abogados y agentes de propiedad intelectual',
    noun: {
      en: 'lawyers and IP practitioners',
      fr: 'des avocats et des conseils en propriété intellectuelle',
      es: 'de los abogados y agentes de propiedad intelectual',
    },
  },
  {
    en: 'for artists and creators',
    fr: 'pour les artistes et les créateurs',
    es: 'para artistas y creadores',
    noun: {
      en: 'artists and creators',
      fr: 'des artistes et des créateurs',
      es: 'de los artistas y creadores',
    },
  },
  {
    en: 'for trade negotiators',
    fr: 'pour les négociateurs commerciaux',
    es: 'para negociadores comerciales',
    noun: {
      en: 'trade negotiators',
      fr: 'des négociateurs commerciaux',
      es: 'de los negociadores comerciales',
    },
  },
];
const generalPublic: Tri = {
  en: 'national officials',
  fr: 'des fonctionnaires nationaux',
  es: 'de los funcionarios nacionales',
};

type SentenceContext = { topic: Topic; otherTopic: Topic; audience: Tri; countries: Tri; donor: Tri };
const extraSentences: Array<(c: SentenceContext) => Tri> = [
  (c) => ({
    en: `Participants from ${c.countries.en} discussed ${c.otherTopic.en} and the obligations of the TRIPS Agreement.`,
    fr: `Des participants de ${c.countries.fr} ont examiné ${c.otherTopic.fr} et les obligations découlant de l'Accord sur les ADPIC.`,
    es: `Participantes de ${c.countries.es} examinaron ${c.otherTopic.es} y las obligaciones del Acuerdo sobre los ADPIC.`,
  }),
  (c) => ({
    en: `Sessions combined lectures, case studies and practical exercises delivered by experts from ${c.donor.en}.`,
    fr: `Les sessions ont associé exposés, études de cas et exercices pratiques animés par des experts de ${c.donor.fr}.`,
    es: `Las sesiones combinaron ponencias, estudios de casos y ejercicios prácticos a cargo de expertos de ${c.donor.es}.`,
  }),
  (c) => ({
    en: `The project supported the drafting of new legislation and regulations on ${c.topic.en}.`,
    fr: `Le projet a appuyé la rédaction d'une nouvelle législation et de règlements concernant ${c.topic.fr}.`,
    es: `El proyecto apoyó la redacción de nueva legislación y reglamentos sobre ${c.topic.es}.`,
  }),
  () => ({
    en: 'Follow-up included an online course and mentoring by senior examiners.',
    fr: 'Le suivi a comporté un cours en ligne et un accompagnement par des examinateurs expérimentés.',
    es: 'El seguimiento incluyó un curso en línea y una tutoría a cargo de examinadores con experiencia.',
  }),
  () => ({
    en: 'It was organized jointly with WIPO and the national intellectual property office.',
    fr: "L'activité a été organisée conjointement avec l'OMPI et l'office national de la propriété intellectuelle.",
    es: 'Se organizó conjuntamente con la OMPI y la oficina nacional de propiedad intelectual.',
  }),
  () => ({
    en: 'The programme aims to promote innovation, creativity and the transfer of technology.',
    fr: "Le programme vise à promouvoir l'innovation, la créativité et le transfert de technologie.",
    es: 'El programa tiene por objeto promover la innovación, la creatividad y la transferencia de tecnología.',
  }),
  () => ({
    en: 'Customs and police officers practised the identification of counterfeit and pirated goods.',
    fr: "Les agents des douanes et de police se sont exercés à l'identification des marchandises de contrefaçon et piratées.",
    es: 'Funcionarios de aduanas y de policía practicaron la identificación de mercancías falsificadas y piratas.',
  }),
  (c) => ({
    en: `A national strategy on ${c.otherTopic.en} was validated at the closing session.`,
    fr: `Une stratégie nationale concernant ${c.otherTopic.fr} a été validée lors de la séance de clôture.`,
    es: `Una estrategia nacional sobre ${c.otherTopic.es} se validó en la sesión de clausura.`,
  }),
];

/** Queries people type into the search box: one or two words, in any of the three languages. */
export const sampleQueries = [
  'patent',
  'patent examination',
  'trademarks',
  'copyright',
  'geographical indications',
  'enforcement',
  'customs officials',
  'counterfeiting',
  'plant varieties',
  'traditional knowledge',
  'propriété intellectuelle',
  'brevets',
  'marques',
  'formación',
  'patentes',
  'derecho de autor',
  'contrefaçon',
  'judges',
  'medicines',
  'technology transfer',
  'small businesses',
  'seminar',
  'training',
  'workshop',
  'collective management',
  'piracy',
  'IP office',
  'examinateurs',
  'douanes',
  'observancia',
  'propriete intellectuelle',
  'industrial designs',
  'trade secrets',
  'coffee',
  'e-commerce',
  'universities',
  'TRIPS public health',
  'Kenya',
  'Viet Nam',
  'farmers',
] as const;

// ---------------------------------------------------------------------------------------------
// Parties.

const statusNow = (party: PartyRecord) => party.status.find((s) => s.to === null)?.status;

/** The bigger donors report far more activities than the small ones. */
const bigDonors = ['USA', 'JPN', 'EU', 'WIPO', 'CHE', 'DEU', 'GBR', 'FRA', 'AUS', 'CAN', 'WTO-OMC', 'SWE'];
/** Beneficiaries that donors come back to again and again. */
export const popularBeneficiaries = [
  'CHN',
  'IND',
  'VNM',
  'IDN',
  'KEN',
  'GHA',
  'NGA',
  'EGY',
  'PER',
  'COL',
  'MAR',
  'ZAF',
  'THA',
  'PHL',
];

export type Cast = {
  /** Developed parties and IGOs that report: 50 of them. */
  reporters: PartyRecord[];
  donorPicker: WeightedPicker<PartyRecord>;
  beneficiaryPicker: WeightedPicker<PartyRecord>;
  beneficiaryRegions: string[];
};

export function castOfParties(): Cast {
  const data = referenceData();
  const reporters = [
    ...data.parties.filter((p) => statusNow(p) === 'developed'),
    ...data.parties.filter((p) => p.kind === 'igo'),
  ].slice(0, 50);
  // Zipf-like: a few donors do most of the reporting.
  const donorWeights = reporters.map((p, i) => (bigDonors.includes(p.code) ? 8 : 1 + 2 / (1 + (i % 7))));
  const beneficiaries = data.parties.filter((p) => {
    const status = statusNow(p);
    return status === 'developing' || status === 'ldc';
  });
  // LDCs weigh three times an ordinary developing country, the usual suspects six times.
  const beneficiaryWeights = beneficiaries.map((p) =>
    popularBeneficiaries.includes(p.code) ? 6 : statusNow(p) === 'ldc' ? 3 : 1,
  );
  return {
    reporters,
    donorPicker: new WeightedPicker(reporters, donorWeights),
    beneficiaryPicker: new WeightedPicker(beneficiaries, beneficiaryWeights),
    beneficiaryRegions: data.regions.filter((r) => r.kind !== 'm49-intermediate').map((r) => r.code),
  };
}

// ---------------------------------------------------------------------------------------------
// Generation and loading.

/**
 * How many beneficiaries an activity lists. Skewed like real reports: most activities are
 * bilateral or name two or three countries (40% one, 22% two, 13% three); the remaining quarter
 * are regional programmes with 4 to 30, thinning out towards 30 (u³ puts the mass near 4).
 * Mean about 3.9.
 */
export function beneficiaryCount(random: Random): number {
  const r = random();
  if (r < 0.4) return 1;
  if (r < 0.62) return 2;
  if (r < 0.75) return 3;
  return 4 + Math.floor(27 * random() ** 3);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function listNames(names: Tri[], and: Tri): Tri {
  const shown = names.slice(0, 3);
  const more = names.length > 3;
  const join = (lang: keyof Tri, others: string) => {
    const parts = shown.map((n) => n[lang]);
    if (more) return `${parts.join(', ')} ${others}`;
    if (parts.length === 1) return parts[0] ?? '';
    return `${parts.slice(0, -1).join(', ')} ${and[lang]} ${parts[parts.length - 1]}`;
  };
  return {
    en: join('en', 'and other countries'),
    fr: join('fr', "et d'autres pays"),
    es: join('es', 'y otros países'),
  };
}
const andWord: Tri = { en: 'and', fr: 'et', es: 'y' };

type ActivityRow = typeof activities.$inferInsert;
type BeneficiaryRow = typeof activityBeneficiaries.$inferInsert;
type ReportLinkRow = typeof reportActivities.$inferInsert;

/** Activities per report year: the registry grows over time (about 3× more in 2025 than in 1996). */
function activitiesPerYear(total: number): number[] {
  const weights = Array.from({ length: yearCount }, (_, i) => 1 + (2 * i) / (yearCount - 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = counts.length - 1; missing > 0; i = (i - 1 + counts.length) % counts.length, missing--) {
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

const iso = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export type LoadCounts = {
  activities: number;
  beneficiaries: number;
  reports: number;
  reportActivities: number;
};

/**
 * Writes the registry in transactions of a few thousand activities, each table with large
 * multi-row INSERTs kept under PostgreSQL's 65,535 bind parameters; then builds the search
 * vectors and refreshes planner statistics.
 */
export async function loadRegistry(
  db: Db,
  options: { activities: number; seed: number; vacuum?: boolean; log?: (message: string) => void },
): Promise<LoadCounts> {
  const random = mulberry32(options.seed);
  const started = performance.now();
  const log = (message: string) =>
    options.log?.(`  ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const cast = castOfParties();
  const data = referenceData();
  const areaKeys = new Set(data.taxonomies['ip-area'].map((t) => t.key));
  const levels = data.taxonomies.level.map((t) => t.key);
  const deliveryModes = ['in-person', 'online', 'blended'] as const;
  const counts: LoadCounts = { activities: 0, beneficiaries: 0, reports: 0, reportActivities: 0 };

  // One report per reporting party and year; ids are fixed so that links need no look-up.
  const reportId = (partyIndex: number, year: number) => partyIndex * yearCount + (year - firstYear) + 1;
  const reporterIndex = new Map(cast.reporters.map((p, i) => [p.code, i]));
  const reportRows: Array<typeof reports.$inferInsert> = [];
  cast.reporters.forEach((party, partyIndex) => {
    for (let year = firstYear; year <= lastYear; year++) {
      reportRows.push({
        id: reportId(partyIndex, year),
        reportingPartyCode: party.code,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        symbol: `IP/C/R/TC/${party.code}/${year}`,
        originalLanguage: random() < 0.8 ? 'en' : random() < 0.6 ? 'fr' : 'es',
        circulationDate: `${year + 1}-0${1 + Math.floor(random() * 9)}-15`,
        status: 'published',
        source: 'synthetic benchmark registry',
      });
    }
  });
  await db.transaction(async (tx) => {
    await insertInChunks(tx as unknown as Db, reports, reportRows);
  });
  counts.reports = reportRows.length;
  const nextRow = new Map<number, number>();

  const perYear = activitiesPerYear(options.activities);
  const batchSize = 5_000;
  let id = 0;
  let activityBatch: ActivityRow[] = [];
  let beneficiaryBatch: BeneficiaryRow[] = [];
  let linkBatch: ReportLinkRow[] = [];
  const flush = async () => {
    if (activityBatch.length === 0) return;
    const [a, b, l] = [activityBatch, beneficiaryBatch, linkBatch];
    activityBatch = [];
    beneficiaryBatch = [];
    linkBatch = [];
    await db.transaction(async (tx) => {
      await insertInChunks(tx as unknown as Db, activities, a);
      await insertInChunks(tx as unknown as Db, activityBeneficiaries, b);
      await insertInChunks(tx as unknown as Db, reportActivities, l);
    });
    counts.activities += a.length;
    counts.beneficiaries += b.length;
    counts.reportActivities += l.length;
    log(`${counts.activities.toLocaleString('en')} activities written`);
  };

  for (let yearIndex = 0; yearIndex < yearCount; yearIndex++) {
    const year = firstYear + yearIndex;
    for (let n = 0; n < (perYear[yearIndex] ?? 0); n++) {
      id++;
      const donor = cast.donorPicker.pick(random);
      const topic = pick(random, topics);
      const otherTopic = pick(random, topics);
      const format = pick(random, formats);
      const qualifier = random() < 0.45 ? pick(random, qualifiers) : null;
      const audience = random() < 0.6 ? pick(random, audiences) : null;

      // Beneficiaries: distinct parties, sometimes followed by a region ("and other countries of ...").
      const wanted = beneficiaryCount(random);
      const chosen: PartyRecord[] = [];
      const seen = new Set<string>();
      while (chosen.length < wanted) {
        const party = cast.beneficiaryPicker.pick(random);
        if (seen.has(party.code)) continue;
        seen.add(party.code);
        chosen.push(party);
      }
      chosen.forEach((party, position) => {
        beneficiaryBatch.push({
          activityId: id,
          position: position + 1,
          kind: 'party',
          partyCode: party.code,
          nameAsWritten: party.names.en,
        });
      });
      if (random() < 0.03) {
        beneficiaryBatch.push({
          activityId: id,
          position: chosen.length + 1,
          kind: 'region',
          regionCode: pick(random, cast.beneficiaryRegions),
          nameAsWritten: 'Regional participants',
        });
      }

      // Texts: English always, French for ~40%, Spanish for ~30%.
      const languages: Array<keyof Tri> = ['en'];
      if (random() < 0.4) languages.push('fr');
      if (random() < 0.3) languages.push('es');
      const place = chosen.length === 1 && random() < 0.5 ? chosen[0]?.names : undefined;
      const title: Tri = {
        en: `${qualifier ? `${qualifier.en} ${format.en}` : capitalize(format.en)} on ${topic.en}${audience ? ` ${audience.en}` : ''}${place ? ` – ${place.en}` : ''}`,
        fr: `${capitalize(format.fr)}${qualifier ? ` ${qualifier.fr[format.frFeminine ? 1 : 0]}` : ''} sur ${topic.fr}${audience ? ` ${audience.fr}` : ''}${place ? ` – ${place.fr}` : ''}`,
        es: `${capitalize(format.es)}${qualifier ? ` ${qualifier.es[format.esFeminine ? 1 : 0]}` : ''} sobre ${topic.es}${audience ? ` ${audience.es}` : ''}${place ? ` – ${place.es}` : ''}`,
      };
      const context: SentenceContext = {
        topic,
        otherTopic,
        audience: audience?.noun ?? generalPublic,
        countries: listNames(
          chosen.map((p) => p.names),
          andWord,
        ),
        donor: donor.names,
      };
      const sentences: Tri[] = [
        {
          en: `The activity strengthened the capacity of ${context.audience.en} regarding ${topic.en}.`,
          fr: `L'activité a renforcé les capacités ${context.audience.fr} concernant ${topic.fr}.`,
          es: `La actividad reforzó la capacidad ${context.audience.es} en relación con ${topic.es}.`,
        },
      ];
      const extra = Math.floor(random() * 3); // 1 to 3 sentences in all
      for (let s = 0; s < extra; s++) sentences.push(pick(random, extraSentences)(context));
      const localized = (texts: Tri[]): LocalizedText =>
        Object.fromEntries(languages.map((lang) => [lang, texts.map((t) => t[lang]).join(' ')]));
      const originalLanguage =
        languages.includes('fr') && random() < 0.3
          ? 'fr'
          : languages.includes('es') && random() < 0.3
            ? 'es'
            : 'en';

      // Areas: the topic's own, sometimes one more, at most three.
      const areas = new Set(topic.areas.slice(0, 2));
      if (random() < 0.3) areas.add(pick(random, otherTopic.areas));
      const ipAreas = [...areas].filter((a) => areaKeys.has(a)).slice(0, 3);

      // Dates: day precision; 6% of records have no start date at all. A quarter are programmes
      // that run over several years and so appear in several yearly reports.
      const multiYear = format.type !== 'seminar' && format.type !== 'training' && random() < 0.35;
      const startDay = Math.floor(random() * 365);
      const hasStart = random() >= 0.06;
      const lengthDays = multiYear ? 180 + Math.floor(random() * 1100) : 1 + Math.floor(random() * 10);
      const start = hasStart ? iso(year, startDay) : null;
      const end = hasStart ? iso(year, startDay + lengthDays) : null;
      const endYear = end ? Math.min(lastYear, Number(end.slice(0, 4))) : year;
      const status =
        end && end > '2025-06-30' ? (start && start > '2025-06-30' ? 'planned' : 'ongoing') : 'completed';

      activityBatch.push({
        id,
        donorPartyCode: donor.code,
        title: localized([title]),
        description: localized(sentences),
        originalLanguage,
        startDate: start,
        startPrecision: start ? 'day' : null,
        endDate: end,
        endPrecision: end ? 'day' : null,
        level: chosen.length === 1 ? 'bilateral' : (pick(random, levels) ?? null),
        activityType: format.type,
        ipAreas,
        fundingSource: random() < 0.85 ? 'donor' : 'co-financed',
        deliveryMode: pick(random, deliveryModes),
        status,
        source: 'synthetic benchmark registry',
      });
      const partyIndex = reporterIndex.get(donor.code) ?? 0;
      for (let y = year; y <= endYear; y++) {
        const report = reportId(partyIndex, y);
        const rowNumber = (nextRow.get(report) ?? 0) + 1;
        nextRow.set(report, rowNumber);
        linkBatch.push({ reportId: report, activityId: id, rowNumber });
      }
      if (activityBatch.length >= batchSize) await flush();
    }
  }
  await flush();
  // Ids were given explicitly: move the sequences past them for later inserts.
  await db.execute(
    sql`SELECT setval(pg_get_serial_sequence('activities', 'id'), greatest(1, (SELECT max(id) FROM activities)))`,
  );
  await db.execute(
    sql`SELECT setval(pg_get_serial_sequence('reports', 'id'), greatest(1, (SELECT max(id) FROM reports)))`,
  );
  // Elements of Article 67, spread deterministically: one by id, training for trainings.
  await db.execute(sql`
    INSERT INTO activity_elements (activity_id, element, state, set_by)
    SELECT DISTINCT a.id, e, 'suggested', 'rules' FROM activities a
     CROSS JOIN LATERAL unnest(ARRAY[
       (ARRAY['laws-regulations', 'prevention-of-abuse', 'offices-agencies', 'training-personnel', 'other'])[a.id % 5 + 1],
       CASE WHEN a.activity_type = 'training' THEN 'training-personnel' END]) AS e
     WHERE e IS NOT NULL
    ON CONFLICT DO NOTHING`);
  log('building search vectors');
  await refreshActivitySearch(db, 'all');
  if (options.vacuum) {
    // What autovacuum would do on a server some time after the load; PGlite has no autovacuum
    // and the product never vacuums, so by default the embedded database is measured as loaded.
    log('vacuum and analyze');
    await db.execute(sql`VACUUM ANALYZE`);
  } else {
    log('analyze');
    await db.execute(sql`ANALYZE`);
  }
  log('loaded');
  return counts;
}

/** Multi-row INSERTs of as many rows as fit under the bind-parameter limit. */
async function insertInChunks<T extends PgTable>(db: Db, table: T, rows: Array<T['$inferInsert']>) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.min(5_000, Math.floor(60_000 / columns)));
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.insert(table).values(rows.slice(i, i + perStatement) as never);
  }
}
