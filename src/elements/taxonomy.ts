import { defineMessages } from '../i18n/catalogue.ts';
import type { Language } from '../i18n/languages.ts';

/**
 * The elements of Article 67 of the TRIPS Agreement, as ipcoop reads them. The Article has two
 * clauses (laws and regulations on protection, enforcement and the prevention of abuse; domestic
 * offices and agencies, including the training of personnel); reading them as four elements plus
 * "other" is our interpretation, and the pages that show them say so.
 */
export const elementCodes = [
  'laws-regulations',
  'prevention-of-abuse',
  'offices-agencies',
  'training-personnel',
  'other',
] as const;
export type ElementCode = (typeof elementCodes)[number];

export const isElementCode = (value: unknown): value is ElementCode =>
  typeof value === 'string' && (elementCodes as readonly string[]).includes(value);

/** Codes in the taxonomy's order, each once; unknown values are dropped. */
export function orderedElements(values: Iterable<string>): ElementCode[] {
  const set = new Set(values);
  return elementCodes.filter((code) => set.has(code));
}

/** Where an element came from: suggested by the rules, or confirmed by a person. */
export const elementStates = ['suggested', 'confirmed'] as const;
export type ElementState = (typeof elementStates)[number];

const names = {
  en: {
    'laws-regulations': 'Laws and regulations on protection and enforcement',
    'prevention-of-abuse': 'Prevention of abuse',
    'offices-agencies': 'Domestic offices and agencies',
    'training-personnel': 'Training of personnel',
    other: 'Other (awareness, research)',
  },
  fr: {
    'laws-regulations': 'Lois et réglementations sur la protection et le respect des droits',
    'prevention-of-abuse': 'Prévention des abus',
    'offices-agencies': 'Bureaux et organismes nationaux',
    'training-personnel': 'Formation de personnel',
    other: 'Autres (sensibilisation, recherche)',
  },
  es: {
    'laws-regulations': 'Leyes y reglamentos sobre la protección y la observancia',
    'prevention-of-abuse': 'Prevención del abuso',
    'offices-agencies': 'Oficinas y organismos nacionales',
    'training-personnel': 'Formación de personal',
    other: 'Otros (sensibilización, investigación)',
  },
} satisfies Record<Language, Record<ElementCode, string>>;

const explanations = {
  en: {
    'laws-regulations':
      'Preparing, reviewing or amending IP laws and regulations, including the rules on enforcement.',
    'prevention-of-abuse':
      'Rules and practice against the abuse of IP rights: competition law, licensing clauses, compulsory licences and other flexibilities.',
    'offices-agencies':
      'Setting up or reinforcing IP offices and other domestic bodies: organization, procedures, IT systems, documentation.',
    'training-personnel':
      'Training the people of offices and agencies: examiners, officials, judges, customs and police officers.',
    other: 'Cooperation outside the four elements, such as public awareness, education and research.',
  },
  fr: {
    'laws-regulations':
      'Élaborer, examiner ou modifier des lois et des réglementations de propriété intellectuelle, y compris les règles sur les moyens de faire respecter les droits.',
    'prevention-of-abuse':
      'Règles et pratiques contre l’usage abusif des droits : droit de la concurrence, clauses de licence, licences obligatoires et autres flexibilités.',
    'offices-agencies':
      'Créer ou renforcer les offices de propriété intellectuelle et d’autres organismes nationaux : organisation, procédures, systèmes informatiques, documentation.',
    'training-personnel':
      'Former le personnel des offices et des organismes : examinateurs, fonctionnaires, juges, agents des douanes et de police.',
    other:
      'Coopération hors des quatre éléments, comme la sensibilisation du public, l’enseignement et la recherche.',
  },
  es: {
    'laws-regulations':
      'Preparar, revisar o modificar leyes y reglamentos de propiedad intelectual, incluidas las normas sobre observancia.',
    'prevention-of-abuse':
      'Normas y prácticas contra el abuso de los derechos: derecho de la competencia, cláusulas de licencia, licencias obligatorias y otras flexibilidades.',
    'offices-agencies':
      'Crear o reforzar las oficinas de propiedad intelectual y otros organismos nacionales: organización, procedimientos, sistemas informáticos, documentación.',
    'training-personnel':
      'Formar al personal de oficinas y organismos: examinadores, funcionarios, jueces, agentes de aduanas y de policía.',
    other:
      'Cooperación fuera de los cuatro elementos, como la sensibilización del público, la enseñanza y la investigación.',
  },
} satisfies Record<Language, Record<ElementCode, string>>;

export const elementName = (code: ElementCode, language: Language): string => names[language][code];
export const elementExplanation = (code: ElementCode, language: Language): string =>
  explanations[language][code];

/** Interface strings shared by every page that shows the elements. */
export const elementsText = defineMessages({
  shared: { elementsHeading: 'fieldElements' },
  en: {
    interpretation:
      'Article 67 names two clauses: laws and regulations on the protection and enforcement of IP rights and on the prevention of their abuse; and domestic offices and agencies, including the training of personnel. Reading them as four elements, plus “other” for awareness and research, is ipcoop’s interpretation, not the WTO’s.',
    suggested: 'suggested',
    suggestedNote:
      'Suggested from the title and description; not yet confirmed by the reporter or the Secretariat.',
    noElements: 'No element recorded.',
    confirmElements: 'Confirm the elements',
    elementsLegend: 'Elements of Article 67 of this activity',
    elementsSaved: 'The elements are confirmed.',
    elementsInvalid: 'Choose elements from the list.',
    elementsNone: 'Choose at least one element.',
  },
  fr: {
    interpretation:
      'L’article 67 comporte deux volets : les lois et réglementations sur la protection et le respect des droits de propriété intellectuelle ainsi que sur la prévention de leur usage abusif ; et les bureaux et organismes nationaux, y compris la formation de personnel. Les lire comme quatre éléments, plus « autres » pour la sensibilisation et la recherche, est une interprétation d’ipcoop, non de l’OMC.',
    suggested: 'suggestion',
    suggestedNote:
      'Suggéré d’après le titre et la description ; pas encore confirmé par le rapporteur ou le Secrétariat.',
    noElements: 'Aucun élément enregistré.',
    confirmElements: 'Confirmer les éléments',
    elementsLegend: 'Éléments de l’article 67 de cette activité',
    elementsSaved: 'Les éléments sont confirmés.',
    elementsInvalid: 'Choisissez des éléments dans la liste.',
    elementsNone: 'Choisissez au moins un élément.',
  },
  es: {
    interpretation:
      'El artículo 67 tiene dos partes: las leyes y reglamentos sobre la protección y la observancia de los derechos de propiedad intelectual y sobre la prevención de su abuso; y las oficinas y organismos nacionales, incluida la formación de personal. Leerlas como cuatro elementos, más «otros» para la sensibilización y la investigación, es una interpretación de ipcoop, no de la OMC.',
    suggested: 'sugerencia',
    suggestedNote:
      'Sugerido a partir del título y la descripción; aún no confirmado por el informante ni por la Secretaría.',
    noElements: 'Ningún elemento registrado.',
    confirmElements: 'Confirmar los elementos',
    elementsLegend: 'Elementos del artículo 67 de esta actividad',
    elementsSaved: 'Los elementos están confirmados.',
    elementsInvalid: 'Elija elementos de la lista.',
    elementsNone: 'Elija al menos un elemento.',
  },
});

const looseKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const byText = new Map<string, ElementCode>();
for (const code of elementCodes) {
  byText.set(looseKey(code), code);
  for (const language of ['en', 'fr', 'es'] as const) {
    const name = names[language][code];
    byText.set(looseKey(name), code);
    // "Other" alone, without the words in brackets.
    byText.set(looseKey(name.replace(/\s*\(.*\)$/, '')), code);
  }
}

/** An element typed as its code or its name in English, French or Spanish (case and accents aside); null if none. */
export const elementFromText = (text: string): ElementCode | null => byText.get(looseKey(text)) ?? null;
