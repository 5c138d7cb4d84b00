import type { Language } from '../../i18n/languages.ts';
import type { TaxonomyName } from '../../reference/reference-data.ts';
import type { TemplateMessageKey } from '../spreadsheet/messages.ts';

type Label = Record<Language, string>;

type FieldDefinition = {
  key: string;
  label: Label;
  required?: true;
  /** Values come from this reference list: a drop-down in the template. */
  taxonomy?: TaxonomyName;
  /** Several values, separated by ";" in a single text cell. */
  multiple?: true;
  /** The line of the template's instructions sheet that explains the column. */
  hint: TemplateMessageKey;
};

/**
 * The fields of an activity as a reporter types them, in form and template order. The labels are
 * the form labels, the template's column headers and what error messages name; they are the same
 * words as the download headers, so a download in one language reads back as an upload.
 */
export const activityFields = [
  { key: 'title', label: { en: 'Title', fr: 'Titre', es: 'Título' }, required: true, hint: 'hintTitle' },
  {
    key: 'description',
    label: { en: 'Description', fr: 'Description', es: 'Descripción' },
    hint: 'hintDescription',
  },
  {
    key: 'originalLanguage',
    label: { en: 'Original language', fr: 'Langue originale', es: 'Idioma original' },
    hint: 'hintOriginalLanguage',
  },
  {
    key: 'startDate',
    label: { en: 'Start date', fr: 'Date de début', es: 'Fecha de inicio' },
    hint: 'hintStartDate',
  },
  {
    key: 'endDate',
    label: { en: 'End date', fr: 'Date de fin', es: 'Fecha de finalización' },
    hint: 'hintEndDate',
  },
  {
    key: 'level',
    label: { en: 'Level', fr: 'Niveau', es: 'Nivel' },
    taxonomy: 'level',
    hint: 'hintList',
  },
  {
    key: 'activityType',
    label: { en: 'Type of activity', fr: 'Type d’activité', es: 'Tipo de actividad' },
    taxonomy: 'activity-type',
    hint: 'hintList',
  },
  {
    key: 'ipAreas',
    label: { en: 'IP areas', fr: 'Domaines de PI', es: 'Esferas de PI' },
    taxonomy: 'ip-area',
    multiple: true,
    hint: 'hintIpAreas',
  },
  {
    key: 'beneficiaries',
    label: { en: 'Beneficiaries', fr: 'Bénéficiaires', es: 'Beneficiarios' },
    multiple: true,
    hint: 'hintBeneficiaries',
  },
  {
    key: 'implementingAgencies',
    label: { en: 'Implementing agencies', fr: 'Organismes d’exécution', es: 'Organismos de ejecución' },
    multiple: true,
    hint: 'hintAgencies',
  },
  {
    key: 'partners',
    label: { en: 'Partners', fr: 'Partenaires', es: 'Asociados' },
    multiple: true,
    hint: 'hintAgencies',
  },
  {
    key: 'budgetAmount',
    label: { en: 'Budget', fr: 'Budget', es: 'Presupuesto' },
    hint: 'hintBudgetAmount',
  },
  {
    key: 'budgetCurrency',
    label: { en: 'Currency', fr: 'Monnaie', es: 'Moneda' },
    hint: 'hintBudgetCurrency',
  },
  {
    key: 'fundingSource',
    label: { en: 'Funding', fr: 'Financement', es: 'Financiación' },
    taxonomy: 'funding-source',
    hint: 'hintList',
  },
  {
    key: 'deliveryMode',
    label: { en: 'Delivery mode', fr: 'Mode de prestation', es: 'Modalidad' },
    taxonomy: 'delivery-mode',
    hint: 'hintList',
  },
  {
    key: 'deliveryLanguages',
    label: { en: 'Delivery languages', fr: 'Langues de prestation', es: 'Idiomas de impartición' },
    multiple: true,
    hint: 'hintDeliveryLanguages',
  },
  {
    key: 'website',
    label: { en: 'Website', fr: 'Site Web', es: 'Sitio web' },
    hint: 'hintWebsite',
  },
  {
    key: 'contactName',
    label: { en: 'Contact', fr: 'Contact', es: 'Contacto' },
    hint: 'hintContactName',
  },
  {
    key: 'contactEmail',
    label: { en: 'Contact e-mail', fr: 'Courriel de contact', es: 'Correo electrónico de contacto' },
    hint: 'hintContactEmail',
  },
  {
    key: 'status',
    label: { en: 'Status', fr: 'Statut', es: 'Estado' },
    taxonomy: 'activity-status',
    hint: 'hintList',
  },
] as const satisfies readonly FieldDefinition[];

export type ActivityField = (typeof activityFields)[number];
export type ActivityFieldKey = ActivityField['key'];

const byKey = new Map<string, FieldDefinition>(activityFields.map((field) => [field.key, field]));

export function activityField(key: ActivityFieldKey): FieldDefinition {
  const field = byKey.get(key);
  if (!field) throw new Error(`unknown activity field ${key}`);
  return field;
}

export const fieldLabel = (key: ActivityFieldKey, lang: Language): string => activityField(key).label[lang];

/** Header text compared without case, accents, punctuation or a trailing "*" for required. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const fieldsByHeader = new Map<string, ActivityFieldKey>();
for (const field of activityFields) {
  for (const text of [field.key, field.label.en, field.label.fr, field.label.es]) {
    fieldsByHeader.set(headerKey(text), field.key);
  }
}

/** The field a column header names, by its label in any of the three languages or by its key. */
export function fieldForHeader(header: string): ActivityFieldKey | null {
  const key = headerKey(header);
  return key ? (fieldsByHeader.get(key) ?? null) : null;
}
