import { defineMessages } from '../../i18n/catalogue.ts';

/**
 * The structure of an Article 66.2 report (TRIPS Council decision IP/C/28): kinds of report, the
 * types of incentive, the technology sectors and how far an incentive is specific to LDCs. Codes
 * are stored; labels come from the catalogue below in English, French and Spanish.
 */

/** Art. 67 (technical cooperation) or Art. 66.2 (incentives for technology transfer to LDCs). */
export const reportKinds = ['art67', 'art66-2'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const isReportKind = (value: unknown): value is ReportKind =>
  typeof value === 'string' && (reportKinds as readonly string[]).includes(value);

/** IP/C/28: a detailed report every third year, updates in between. Art. 66.2 reports only. */
export const reportFormats = ['detailed', 'update'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const isReportFormat = (value: unknown): value is ReportFormat =>
  typeof value === 'string' && (reportFormats as readonly string[]).includes(value);

export const incentiveTypes = [
  'fiscal',
  'financial',
  'capacity-building',
  'institutional-partnership',
  'public-procurement',
  'other',
] as const;
export type IncentiveType = (typeof incentiveTypes)[number];

export const technologySectors = [
  'agriculture-food',
  'health-pharmaceuticals',
  'energy-environment',
  'ict',
  'manufacturing',
  'water-sanitation',
  'infrastructure-transport',
  'other',
] as const;
export type TechnologySector = (typeof technologySectors)[number];

export const ldcSpecificities = ['specific', 'partly', 'general'] as const;
export type LdcSpecificity = (typeof ldcSpecificities)[number];

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (list as readonly string[]).includes(value);
export const isIncentiveType = oneOf(incentiveTypes);
export const isTechnologySector = oneOf(technologySectors);
export const isLdcSpecificity = oneOf(ldcSpecificities);

/** Codes in the taxonomy's order, each once; unknown values are dropped. */
export const orderedSectors = (values: Iterable<string>): TechnologySector[] => {
  const set = new Set(values);
  return technologySectors.filter((code) => set.has(code));
};

/** The labels of every code above; keys are `<list>:<code>` so one catalogue holds them all. */
export const incentiveTaxonomyText = defineMessages({
  en: {
    'kind:art67': 'Article 67 technical cooperation',
    'kind:art66-2': 'Article 66.2 technology transfer',
    'format:detailed': 'Detailed report',
    'format:update': 'Update',
    'type:fiscal': 'Fiscal incentive (tax credit, deduction, exemption)',
    'type:financial': 'Financial incentive (grant, loan, guarantee, insurance)',
    'type:capacity-building': 'Capacity building and training',
    'type:institutional-partnership': 'Institutional partnership (universities, research centres)',
    'type:public-procurement': 'Public procurement',
    'type:other': 'Other incentive',
    'sector:agriculture-food': 'Agriculture and food',
    'sector:health-pharmaceuticals': 'Health and pharmaceuticals',
    'sector:energy-environment': 'Energy and environment',
    'sector:ict': 'Information and communication technology',
    'sector:manufacturing': 'Manufacturing and industry',
    'sector:water-sanitation': 'Water and sanitation',
    'sector:infrastructure-transport': 'Infrastructure and transport',
    'sector:other': 'Other sector',
    'specificity:specific': 'Specific to LDCs',
    'specificity:partly': 'Partly specific to LDCs',
    'specificity:general': 'General (open to all developing countries)',
  },
  fr: {
    'kind:art67': 'Coopération technique au titre de l’article 67',
    'kind:art66-2': 'Transfert de technologie au titre de l’article 66:2',
    'format:detailed': 'Rapport détaillé',
    'format:update': 'Mise à jour',
    'type:fiscal': 'Incitation fiscale (crédit d’impôt, déduction, exonération)',
    'type:financial': 'Incitation financière (don, prêt, garantie, assurance)',
    'type:capacity-building': 'Renforcement des capacités et formation',
    'type:institutional-partnership': 'Partenariat institutionnel (universités, centres de recherche)',
    'type:public-procurement': 'Marchés publics',
    'type:other': 'Autre incitation',
    'sector:agriculture-food': 'Agriculture et alimentation',
    'sector:health-pharmaceuticals': 'Santé et produits pharmaceutiques',
    'sector:energy-environment': 'Énergie et environnement',
    'sector:ict': 'Technologies de l’information et de la communication',
    'sector:manufacturing': 'Industrie manufacturière',
    'sector:water-sanitation': 'Eau et assainissement',
    'sector:infrastructure-transport': 'Infrastructures et transports',
    'sector:other': 'Autre secteur',
    'specificity:specific': 'Propre aux PMA',
    'specificity:partly': 'En partie propre aux PMA',
    'specificity:general': 'Général (ouvert à tous les pays en développement)',
  },
  es: {
    'kind:art67': 'Cooperación técnica en virtud del artículo 67',
    'kind:art66-2': 'Transferencia de tecnología en virtud del párrafo 2 del artículo 66',
    'format:detailed': 'Informe detallado',
    'format:update': 'Actualización',
    'type:fiscal': 'Incentivo fiscal (crédito, deducción o exención de impuestos)',
    'type:financial': 'Incentivo financiero (donación, préstamo, garantía, seguro)',
    'type:capacity-building': 'Creación de capacidad y formación',
    'type:institutional-partnership': 'Asociación institucional (universidades, centros de investigación)',
    'type:public-procurement': 'Contratación pública',
    'type:other': 'Otro incentivo',
    'sector:agriculture-food': 'Agricultura y alimentación',
    'sector:health-pharmaceuticals': 'Salud y productos farmacéuticos',
    'sector:energy-environment': 'Energía y medio ambiente',
    'sector:ict': 'Tecnologías de la información y las comunicaciones',
    'sector:manufacturing': 'Industria manufacturera',
    'sector:water-sanitation': 'Agua y saneamiento',
    'sector:infrastructure-transport': 'Infraestructura y transporte',
    'sector:other': 'Otro sector',
    'specificity:specific': 'Específico para los PMA',
    'specificity:partly': 'Parcialmente específico para los PMA',
    'specificity:general': 'General (abierto a todos los países en desarrollo)',
  },
});

type TaxonomyKey = Parameters<ReturnType<typeof incentiveTaxonomyText>>[0];

/** The label of a code of one of the lists above, in a language. */
export const taxonomyLabel = (
  lang: 'en' | 'fr' | 'es',
  list: 'kind' | 'format' | 'type' | 'sector' | 'specificity',
  code: string,
): string => incentiveTaxonomyText(lang)(`${list}:${code}` as TaxonomyKey);
