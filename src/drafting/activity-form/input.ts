import { z } from 'zod';
import { activities, type activityBeneficiaries } from '../../activities/schema.ts';
import { type ElementCode, elementCodes, elementFromText, elementName } from '../../elements/taxonomy.ts';
import { endsBeforeStart, type PartialDate, parsePartialDate, yearRange } from '../../http/partial-date.ts';
import type { Language } from '../../i18n/languages.ts';
import type { TaxonomyName } from '../../reference/reference-data.ts';
import {
  cleanText,
  parseAmount,
  parseCurrency,
  parseEmail,
  parseWebsite,
  splitList,
} from './field-values.ts';
import { type ActivityFieldKey, activityFields } from './fields.ts';
import { type InputMessageKey, inputText } from './messages.ts';
import {
  type ActivityReference,
  matchLanguage,
  type ReferenceMatcher,
  referenceMatcher,
} from './reference-matching.ts';

export { type ActivityField, type ActivityFieldKey, activityFields, fieldLabel } from './fields.ts';
export type { ActivityReference } from './reference-matching.ts';

export const inputLimits = {
  title: 500,
  description: 10_000,
  name: 200,
  beneficiaries: 300,
  agencies: 50,
  languages: 20,
  ipAreas: 50,
} as const;

type FundingSource = NonNullable<typeof activities.$inferInsert.fundingSource>;
type DeliveryMode = NonNullable<typeof activities.$inferInsert.deliveryMode>;
type ActivityStatus = NonNullable<typeof activities.$inferInsert.status>;

/** A beneficiary as validation found it; `typedAsCode` decides what "as written" will keep. */
type BeneficiaryMatch = { kind: 'party' | 'region'; code: string; typed: string; typedAsCode: boolean };

export type BeneficiaryInput = { kind: 'party' | 'region'; code: string; nameAsWritten: string };

/** One activity as validated: codes resolved, dates with their precision, empty optional fields null. */
export type ActivityInput = {
  title: string;
  description: string | null;
  originalLanguage: Language;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  level: string | null;
  activityType: string | null;
  ipAreas: string[];
  /** Elements of Article 67 the reporter set; empty: the rules suggest them. */
  elements: ElementCode[];
  beneficiaries: BeneficiaryInput[];
  implementingAgencies: string[];
  partners: string[];
  /** Decimal text as the numeric(16, 2) column takes it, e.g. "25000.50". */
  budgetAmount: string | null;
  budgetCurrency: string | null;
  fundingSource: FundingSource | null;
  deliveryMode: DeliveryMode | null;
  deliveryLanguages: string[];
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  status: ActivityStatus | null;
};

/** What each field parses to before the cross-field step (beneficiaries still carry how they were typed). */
export type ActivityFieldValues = Omit<ActivityInput, 'beneficiaries'> & {
  beneficiaries: BeneficiaryMatch[];
};

export type ActivityErrors = Partial<Record<ActivityFieldKey, string>>;

export type ActivityInputResult = { ok: true; value: ActivityInput } | { ok: false; errors: ActivityErrors };

/** A refusal with its message key; translated only at the end, into the reader's language. */
class Problem {
  constructor(
    readonly key: InputMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {}
}

/** Form fields are strings; spreadsheet cells arrive as text too. Numbers are tolerated for API callers. */
function asText(raw: unknown): string | Problem {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return cleanText(raw);
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return new Problem('notText');
}

function asList(raw: unknown): string[] | Problem {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return splitList(raw);
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return splitList(raw);
  return new Problem('notText');
}

function field<T>(parse: (raw: unknown) => T | Problem) {
  return z.unknown().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result instanceof Problem) {
      ctx.addIssue({ code: 'custom', message: result.key, params: result.params });
      return z.NEVER;
    }
    return result;
  });
}

/** An optional single value read by `parse` once it is non-empty text. */
const single = <T>(parse: (value: string) => T | Problem) =>
  field((raw): T | null | Problem => {
    const value = asText(raw);
    if (value instanceof Problem) return value;
    return value === '' ? null : parse(value);
  });

const text = (max: number) =>
  single((value) => (value.length > max ? new Problem('tooLong', { max }) : value));

/** Several values; each read by `match`, those it does not know reported together. */
const several = <T>(
  max: number,
  match: (value: string) => T | null,
  identity: (value: T) => string,
  unknown: (values: string[]) => Problem,
) =>
  field((raw): T[] | Problem => {
    const values = asList(raw);
    if (values instanceof Problem) return values;
    if (values.length > max) return new Problem('tooManyEntries', { max });
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const value of values) {
      const matched = match(value);
      if (matched === null) missing.push(value);
      else if (!found.has(identity(matched))) found.set(identity(matched), matched);
    }
    return missing.length > 0 ? unknown(missing) : [...found.values()];
  });

const date = single((value): PartialDate | Problem => {
  const parsed = parsePartialDate(value);
  if (parsed === 'format') return new Problem('dateFormat');
  if (parsed === 'not-a-date') return new Problem('dateNotReal', { value });
  if (parsed === 'out-of-range') return new Problem('dateOutOfRange', yearRange);
  return parsed;
});

function termField<T extends string>(
  matcher: ReferenceMatcher,
  taxonomy: TaxonomyName,
  allowed?: readonly T[],
) {
  return single((value): T | Problem => {
    const key = matcher.term(taxonomy, value);
    if (key === null || (allowed && !allowed.includes(key as T))) {
      return new Problem('unknownTerm', { value, taxonomy });
    }
    return key as T;
  });
}

const names = (max: number) =>
  several(
    max,
    (value) => (value.length > inputLimits.name ? null : value),
    (value) => value.toLowerCase(),
    () => new Problem('entryTooLong', { max: inputLimits.name }),
  );

function buildShape(matcher: ReferenceMatcher, defaultLanguage: Language) {
  const shape = {
    title: field((raw) => {
      const value = asText(raw);
      if (value instanceof Problem) return value;
      if (value === '') return new Problem('required');
      return value.length > inputLimits.title ? new Problem('tooLong', { max: inputLimits.title }) : value;
    }),
    description: text(inputLimits.description),
    originalLanguage: field((raw): Language | Problem => {
      const value = asText(raw);
      if (value instanceof Problem) return value;
      if (value === '') return defaultLanguage;
      const code = matchLanguage(value);
      return code === 'en' || code === 'fr' || code === 'es'
        ? code
        : new Problem('originalLanguage', { value });
    }),
    startDate: date,
    endDate: date,
    level: termField(matcher, 'level'),
    activityType: termField(matcher, 'activity-type'),
    ipAreas: several(
      inputLimits.ipAreas,
      (value) => matcher.term('ip-area', value),
      (key) => key,
      (values) => new Problem('unknownTerm', { value: values.join('; '), taxonomy: 'ip-area' }),
    ),
    elements: several(
      2 * elementCodes.length,
      elementFromText,
      (code) => code,
      (values) => new Problem('unknownElement', { value: values.join('; ') }),
    ),
    beneficiaries: several(
      inputLimits.beneficiaries,
      (value): BeneficiaryMatch | null => {
        const found = matcher.beneficiary(value);
        return found && { ...found, typed: value, typedAsCode: value === found.code };
      },
      (b) => `${b.kind}:${b.code}`,
      (values) => new Problem('unknownBeneficiary', { names: values.join('; ') }),
    ),
    implementingAgencies: names(inputLimits.agencies),
    partners: names(inputLimits.agencies),
    budgetAmount: single((value) => {
      const amount = parseAmount(value, defaultLanguage);
      if (amount === 'format') return new Problem('amountFormat');
      if (amount === 'negative') return new Problem('amountNegative');
      if (amount === 'too-large') return new Problem('amountTooLarge');
      return amount;
    }),
    budgetCurrency: single((value) => parseCurrency(value) ?? new Problem('currencyInvalid', { value })),
    fundingSource: termField(matcher, 'funding-source', activities.fundingSource.enumValues),
    deliveryMode: termField(matcher, 'delivery-mode', activities.deliveryMode.enumValues),
    deliveryLanguages: several(
      inputLimits.languages,
      matchLanguage,
      (code) => code,
      (values) => new Problem('unknownLanguage', { value: values.join('; ') }),
    ),
    website: single((value) => parseWebsite(value) ?? new Problem('urlInvalid')),
    contactName: text(inputLimits.name),
    contactEmail: single((value) => parseEmail(value) ?? new Problem('emailInvalid')),
    status: termField(matcher, 'activity-status', activities.status.enumValues),
  } satisfies Record<ActivityFieldKey, z.ZodType>;
  return shape;
}

/** Checks that need two fields; each problem is reported on the field the reporter should change. */
function crossFieldProblems(values: Partial<ActivityFieldValues>): Array<[ActivityFieldKey, Problem]> {
  const problems: Array<[ActivityFieldKey, Problem]> = [];
  if (values.startDate && values.endDate && endsBeforeStart(values.startDate, values.endDate)) {
    problems.push(['endDate', new Problem('endBeforeStart')]);
  }
  if (values.budgetAmount && values.budgetCurrency === null) {
    problems.push(['budgetCurrency', new Problem('currencyRequired')]);
  }
  return problems;
}

/** Beneficiaries typed as codes keep their official name in the activity's language "as written". */
function finish(values: ActivityFieldValues, matcher: ReferenceMatcher): ActivityInput {
  return {
    ...values,
    beneficiaries: values.beneficiaries.map(({ kind, code, typed, typedAsCode }) => ({
      kind,
      code,
      nameAsWritten: typedAsCode ? matcher.beneficiaryName({ kind, code }, values.originalLanguage) : typed,
    })),
  };
}

/** Every field key present, so that a missing field reads as an empty one; anything else dropped. */
function everyField(raw: unknown): Record<ActivityFieldKey, unknown> {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    activityFields.map(({ key }) => [key, Object.hasOwn(record, key) ? record[key] : undefined]),
  ) as Record<ActivityFieldKey, unknown>;
}

function buildSchema(reference: ActivityReference, defaultLanguage: Language) {
  const matcher = referenceMatcher(reference);
  const shape = buildShape(matcher, defaultLanguage);
  const schema = z
    .preprocess(
      everyField,
      z.object(shape).superRefine((values, ctx) => {
        for (const [path, problem] of crossFieldProblems(values)) {
          ctx.addIssue({ code: 'custom', path: [path], message: problem.key, params: problem.params });
        }
      }),
    )
    .transform((values) => finish(values, matcher));
  return { shape, schema };
}

const schemas = new WeakMap<ActivityReference, Map<Language, ReturnType<typeof buildSchema>>>();

function cachedSchema(reference: ActivityReference, defaultLanguage: Language) {
  let byLanguage = schemas.get(reference);
  if (!byLanguage) {
    byLanguage = new Map();
    schemas.set(reference, byLanguage);
  }
  let built = byLanguage.get(defaultLanguage);
  if (!built) {
    built = buildSchema(reference, defaultLanguage);
    byLanguage.set(defaultLanguage, built);
  }
  return built;
}

/**
 * The zod schema of one activity as typed, checked against `reference` (taxonomy keys or labels,
 * party and region codes or names). Issue messages are keys of `inputText`; use
 * validateActivityInput for messages in the reader's language. An empty original language
 * means `defaultLanguage`, the language the reporter works in.
 */
export function activityInputSchema(reference: ActivityReference, defaultLanguage: Language = 'en') {
  return cachedSchema(reference, defaultLanguage).schema;
}

function translate(problem: Problem, lang: Language, matcher: ReferenceMatcher): string {
  const params = { ...problem.params };
  if (problem.key === 'unknownTerm' && typeof params.taxonomy === 'string') {
    params.choices = matcher.termLabels(params.taxonomy as TaxonomyName, lang).join('; ');
  }
  if (problem.key === 'unknownElement') {
    params.choices = elementCodes.map((code) => elementName(code, lang)).join('; ');
  }
  return inputText(lang)(problem.key, params);
}

function issueProblem(issue: z.core.$ZodIssue): Problem {
  const params = issue.code === 'custom' ? (issue.params ?? {}) : {};
  return new Problem(issue.message as InputMessageKey, params);
}

/**
 * Every field read on its own, so that one bad field never hides another's value or error: the
 * form shows all its errors at once and the spreadsheet preview shows what each good cell became.
 * `input` is the validated activity when there is no error.
 */
export function checkActivityFields(
  raw: unknown,
  lang: Language,
  reference: ActivityReference,
): { values: Partial<ActivityFieldValues>; errors: ActivityErrors; input: ActivityInput | null } {
  const matcher = referenceMatcher(reference);
  const { shape } = cachedSchema(reference, lang);
  const record = everyField(raw);
  const values: Partial<Record<ActivityFieldKey, unknown>> = {};
  const errors: ActivityErrors = {};
  for (const { key } of activityFields) {
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) values[key] = parsed.data;
    else if (parsed.error.issues[0])
      errors[key] = translate(issueProblem(parsed.error.issues[0]), lang, matcher);
  }
  const typed = values as Partial<ActivityFieldValues>;
  for (const [key, problem] of crossFieldProblems(typed)) {
    errors[key] ??= translate(problem, lang, matcher);
  }
  const valid = Object.keys(errors).length === 0;
  return { values: typed, errors, input: valid ? finish(typed as ActivityFieldValues, matcher) : null };
}

/** One activity as a reporter typed it, validated; error messages in `lang`, keyed by field. */
export function validateActivityInput(
  raw: unknown,
  lang: Language,
  reference: ActivityReference,
): ActivityInputResult {
  const { errors, input } = checkActivityFields(raw, lang, reference);
  return input ? { ok: true, value: input } : { ok: false, errors };
}

export type ActivityInsertValues = {
  activity: typeof activities.$inferInsert;
  /** Rows for activity_beneficiaries once the activity has its id, in the order typed. */
  beneficiaries: Array<Omit<typeof activityBeneficiaries.$inferInsert, 'activityId'>>;
  /** Agencies and partners by name or code, for the caller to find or create in `agencies`. */
  agencies: Array<{ role: 'implementing' | 'partner'; nameOrCode: string }>;
  /** Elements of Article 67 as the reporter set them (none: the rules will suggest). */
  elements: ElementCode[];
};

/**
 * Insert values for a validated activity. It starts out of public view (`isPublic: false`): it is
 * a draft until its report is published. `source` says where it came from ("form", "spreadsheet").
 */
export function activityValuesFromInput(
  input: ActivityInput,
  donorPartyCode: string,
  options: { source?: string; isPublic?: boolean } = {},
): ActivityInsertValues {
  const lang = input.originalLanguage;
  return {
    activity: {
      donorPartyCode,
      title: { [lang]: input.title },
      description: input.description ? { [lang]: input.description } : {},
      originalLanguage: lang,
      startDate: input.startDate?.date ?? null,
      startPrecision: input.startDate?.precision ?? null,
      endDate: input.endDate?.date ?? null,
      endPrecision: input.endDate?.precision ?? null,
      level: input.level,
      activityType: input.activityType,
      ipAreas: input.ipAreas,
      budgetAmount: input.budgetAmount,
      budgetCurrency: input.budgetCurrency,
      fundingSource: input.fundingSource,
      deliveryLanguages: input.deliveryLanguages,
      deliveryMode: input.deliveryMode,
      website: input.website,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      status: input.status,
      source: options.source ?? 'drafting',
      isPublic: options.isPublic ?? false,
    },
    beneficiaries: input.beneficiaries.map((b, index) => ({
      position: index + 1,
      kind: b.kind,
      partyCode: b.kind === 'party' ? b.code : null,
      regionCode: b.kind === 'region' ? b.code : null,
      nameAsWritten: b.nameAsWritten,
    })),
    agencies: [
      ...input.implementingAgencies.map((nameOrCode) => ({ role: 'implementing' as const, nameOrCode })),
      ...input.partners.map((nameOrCode) => ({ role: 'partner' as const, nameOrCode })),
    ],
    elements: input.elements,
  };
}
