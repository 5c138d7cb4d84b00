import { inEveryLanguage, vocabulary } from '../../i18n/catalogue.ts';
import type { Language } from '../../i18n/languages.ts';
import type { VocabularyKey } from '../../i18n/vocabulary.ts';
import type { TaxonomyName } from '../../reference/reference-data.ts';
import type { TemplateMessageKey } from '../spreadsheet/messages.ts';

type Label = Record<Language, string>;

/** A field's label in the three languages, from the shared vocabulary (the download headers use it too). */
const term = (key: VocabularyKey): Label => inEveryLanguage(vocabulary, key);

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
  { key: 'title', label: term('fieldTitle'), required: true, hint: 'hintTitle' },
  {
    key: 'description',
    label: term('fieldDescription'),
    hint: 'hintDescription',
  },
  {
    key: 'originalLanguage',
    label: term('fieldOriginalLanguage'),
    hint: 'hintOriginalLanguage',
  },
  {
    key: 'startDate',
    label: term('fieldStart'),
    hint: 'hintStartDate',
  },
  {
    key: 'endDate',
    label: term('fieldEnd'),
    hint: 'hintEndDate',
  },
  {
    key: 'level',
    label: term('fieldLevel'),
    taxonomy: 'level',
    hint: 'hintList',
  },
  {
    key: 'activityType',
    label: term('fieldTypeOfActivity'),
    taxonomy: 'activity-type',
    hint: 'hintList',
  },
  {
    key: 'ipAreas',
    label: term('fieldIpAreas'),
    taxonomy: 'ip-area',
    multiple: true,
    hint: 'hintIpAreas',
  },
  {
    key: 'elements',
    label: term('fieldElements'),
    multiple: true,
    hint: 'hintElements',
  },
  {
    key: 'beneficiaries',
    label: term('fieldBeneficiaries'),
    multiple: true,
    hint: 'hintBeneficiaries',
  },
  {
    key: 'implementingAgencies',
    label: term('fieldImplementingAgencies'),
    multiple: true,
    hint: 'hintAgencies',
  },
  {
    key: 'partners',
    label: term('fieldPartners'),
    multiple: true,
    hint: 'hintAgencies',
  },
  {
    key: 'budgetAmount',
    label: term('fieldBudget'),
    hint: 'hintBudgetAmount',
  },
  {
    key: 'budgetCurrency',
    label: term('fieldCurrency'),
    hint: 'hintBudgetCurrency',
  },
  {
    key: 'fundingSource',
    label: term('fieldFunding'),
    taxonomy: 'funding-source',
    hint: 'hintList',
  },
  {
    key: 'deliveryMode',
    label: term('fieldDeliveryMode'),
    taxonomy: 'delivery-mode',
    hint: 'hintList',
  },
  {
    key: 'deliveryLanguages',
    label: term('fieldDeliveryLanguages'),
    multiple: true,
    hint: 'hintDeliveryLanguages',
  },
  {
    key: 'website',
    label: term('fieldWebsite'),
    hint: 'hintWebsite',
  },
  {
    key: 'contactName',
    label: term('fieldContact'),
    hint: 'hintContactName',
  },
  {
    key: 'contactEmail',
    label: term('fieldContactEmail'),
    hint: 'hintContactEmail',
  },
  {
    key: 'status',
    label: term('fieldStatus'),
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
