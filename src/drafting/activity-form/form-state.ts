import { formatPartialDate } from '../../http/partial-date.ts';
import { rawResultsFromBody, rawResultsOf } from '../../results/form.ts';
import type { RawIndicator } from '../../results/input.ts';
import type { ResultIndicator } from '../../results/taxonomy.ts';
import type { ActivityFieldKey } from './fields.ts';
import type { StoredActivity } from './service.ts';

/**
 * The activity form as typed: what is shown back on an error or a conflict, and what goes to
 * validation. Beneficiaries come from two controls: the list (codes) and a free-text field.
 */
export type ActivityFormState = {
  fields: Partial<Record<ActivityFieldKey, string>>;
  ipAreas: string[];
  /** Elements of Article 67 ticked. */
  elements: string[];
  /** Elements the hub suggests for this activity (not ticked: the reporter decides). */
  suggestedElements?: string[];
  beneficiaryCodes: string[];
  beneficiaryText: string;
  /** Result indicators typed (the form's spare blocks included until validation drops them). */
  results: RawIndicator[];
  /** Indicators computed elsewhere (a training edition): shown, not editable. */
  computedResults?: ResultIndicator[];
};

/** Form field names besides the activity fields themselves. */
export const beneficiaryTextField = 'beneficiariesTyped';

/** The text inputs and selects of the form (lists are handled apart). */
export const singleValueFields = [
  'title',
  'description',
  'originalLanguage',
  'startDate',
  'endDate',
  'level',
  'activityType',
  'implementingAgencies',
  'partners',
  'budgetAmount',
  'budgetCurrency',
  'fundingSource',
  'deliveryMode',
  'deliveryLanguages',
  'website',
  'contactName',
  'contactEmail',
  'status',
] as const satisfies readonly ActivityFieldKey[];

type Body = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** Reads the posted form (parsed with `all: true`); anything that is not text (a file) is ignored. */
export function formStateFromBody(body: Body): ActivityFormState {
  const fields: ActivityFormState['fields'] = {};
  for (const key of singleValueFields) {
    const [value] = strings(body[key]);
    if (value !== undefined) fields[key] = value;
  }
  return {
    fields,
    ipAreas: strings(body.ipAreas),
    elements: strings(body.elements),
    beneficiaryCodes: strings(body.beneficiaries),
    beneficiaryText: strings(body[beneficiaryTextField])[0] ?? '',
    results: rawResultsFromBody(body),
  };
}

/** What validateActivityInput reads: lists as arrays, both beneficiary controls together. */
export function rawActivityInput(state: ActivityFormState): Record<string, unknown> {
  return {
    ...state.fields,
    ipAreas: state.ipAreas,
    elements: state.elements,
    beneficiaries: [...state.beneficiaryCodes, state.beneficiaryText],
  };
}

const joined = (values: readonly string[]) => values.join('; ');

/** The form as it opens on a stored activity: texts in its original language, codes for lists. */
export function formStateOfActivity(activity: StoredActivity): ActivityFormState {
  const lang = activity.originalLanguage;
  const date = (value: string | null, precision: 'day' | 'month' | 'year' | null) =>
    value ? formatPartialDate({ date: value, precision: precision ?? 'day' }) : '';
  const agencies = (role: 'implementing' | 'partner') =>
    joined(activity.agencies.filter((a) => a.role === role).map((a) => a.code));
  const fields: ActivityFormState['fields'] = {
    title: activity.title[lang] ?? Object.values(activity.title).find(Boolean) ?? '',
    description: activity.description[lang] ?? '',
    originalLanguage: lang,
    startDate: date(activity.startDate, activity.startPrecision),
    endDate: date(activity.endDate, activity.endPrecision),
    level: activity.level ?? '',
    activityType: activity.activityType ?? '',
    implementingAgencies: agencies('implementing'),
    partners: agencies('partner'),
    budgetAmount: activity.budgetAmount ?? '',
    budgetCurrency: activity.budgetCurrency ?? '',
    fundingSource: activity.fundingSource ?? '',
    deliveryMode: activity.deliveryMode ?? '',
    deliveryLanguages: joined(activity.deliveryLanguages),
    website: activity.website ?? '',
    contactName: activity.contactName ?? '',
    contactEmail: activity.contactEmail ?? '',
    status: activity.status ?? '',
  };
  return {
    fields,
    ipAreas: activity.ipAreas,
    elements: activity.elements,
    suggestedElements: activity.suggestedElements,
    beneficiaryCodes: activity.beneficiaries.flatMap((b) => {
      const code = b.partyCode ?? b.regionCode;
      return code ? [code] : [];
    }),
    // Names nobody could resolve are shown as written, for the reporter to correct.
    beneficiaryText: joined(
      activity.beneficiaries.filter((b) => b.kind === 'unresolved').map((b) => b.nameAsWritten),
    ),
    results: rawResultsOf(activity.results.filter((indicator) => indicator.origin === 'entered')),
    computedResults: activity.results.filter((indicator) => indicator.origin !== 'entered'),
  };
}

export const emptyFormState = (lang: string): ActivityFormState => ({
  fields: { originalLanguage: lang },
  ipAreas: [],
  elements: [],
  beneficiaryCodes: [],
  beneficiaryText: '',
  results: [],
});
