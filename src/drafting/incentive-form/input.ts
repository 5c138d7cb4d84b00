import type { Language } from '../../i18n/languages.ts';
import type { IncentiveValues } from '../../reports/incentives/service.ts';
import {
  incentiveTypes,
  isIncentiveType,
  isLdcSpecificity,
  isTechnologySector,
  ldcSpecificities,
  orderedSectors,
  taxonomyLabel,
  technologySectors,
} from '../../reports/incentives/taxonomy.ts';
import { cleanText, parseAmount, parseCurrency, splitList } from '../activity-form/field-values.ts';
import { inputText } from '../activity-form/messages.ts';
import { incentiveText } from './messages.ts';

/**
 * One incentive as a form or a spreadsheet row gives it (text per field; lists as repeated values
 * or ";"-separated), checked into IncentiveValues or refused field by field, in the user's
 * language. Codes or labels (any of the three languages) are accepted for the lists.
 */

export const incentiveFields = [
  'title',
  'description',
  'incentiveType',
  'governmentBody',
  'eligibleEntities',
  'beneficiaryCodes',
  'sectors',
  'technologyTransferred',
  'modeAndTerms',
  'ldcSpecificity',
  'amount',
  'currency',
  'enterprises',
  'peopleTrained',
] as const;
export type IncentiveField = (typeof incentiveFields)[number];

/** The message key of each field's label (incentiveText). */
export const fieldLabelKeys = {
  title: 'fieldTitle',
  description: 'fieldDescription',
  incentiveType: 'fieldIncentiveType',
  governmentBody: 'fieldGovernmentBody',
  eligibleEntities: 'fieldEligibleEntities',
  beneficiaryCodes: 'fieldLdcBeneficiaries',
  sectors: 'fieldSectors',
  technologyTransferred: 'fieldTechnologyTransferred',
  modeAndTerms: 'fieldModeAndTerms',
  ldcSpecificity: 'fieldLdcSpecificity',
  amount: 'fieldAmount',
  currency: 'fieldCurrency',
  enterprises: 'fieldEnterprises',
  peopleTrained: 'fieldPeopleTrained',
} as const satisfies Record<IncentiveField, string>;

export type IncentiveInput = Partial<Record<IncentiveField, string | readonly string[]>>;
export type IncentiveErrors = Partial<Record<IncentiveField, string>>;

const limits = {
  title: 500,
  description: 10_000,
  governmentBody: 500,
  eligibleEntities: 2_000,
  technologyTransferred: 5_000,
  modeAndTerms: 5_000,
} as const;

const languages: Language[] = ['en', 'fr', 'es'];

/** A code of a list, typed as its code or as its label in any language (case and spaces ignored). */
function readCode<T extends string>(
  typed: string,
  list: 'type' | 'sector' | 'specificity',
  codes: readonly T[],
): T | null {
  const key = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return null;
  return (
    codes.find(
      (code) =>
        code === key || languages.some((lang) => taxonomyLabel(lang, list, code).toLowerCase() === key),
    ) ?? null
  );
}

const textOf = (value: string | readonly string[] | undefined): string =>
  cleanText(typeof value === 'string' ? value : (value?.[0] ?? ''));

/**
 * Checks one incentive. `ldcs` are the party codes that were LDCs during the report's period;
 * `partyCode(name)` reads a beneficiary typed as a code or a name (the spreadsheet), null if unknown.
 */
export function readIncentive(
  input: IncentiveInput,
  lang: Language,
  ldcs: ReadonlySet<string>,
  partyCode: (typed: string) => string | null = (typed) => typed.toUpperCase(),
): { ok: true; values: IncentiveValues } | { ok: false; errors: IncentiveErrors } {
  const t = inputText(lang);
  const it = incentiveText(lang);
  const errors: IncentiveErrors = {};
  const text = (field: keyof typeof limits, required = false) => {
    const value = textOf(input[field]);
    if (required && value === '') errors[field] = t('required');
    else if (value.length > limits[field]) errors[field] = t('tooLong', { max: limits[field] });
    return value;
  };
  const choices = (list: 'type' | 'sector' | 'specificity', codes: readonly string[]) =>
    codes.map((code) => taxonomyLabel(lang, list, code)).join('; ');

  const title = text('title', true);
  const description = text('description');
  const governmentBody = text('governmentBody');
  const eligibleEntities = text('eligibleEntities');
  const technologyTransferred = text('technologyTransferred');
  const modeAndTerms = text('modeAndTerms');

  const typedType = textOf(input.incentiveType);
  const incentiveType = readCode(typedType, 'type', incentiveTypes);
  if (typedType === '') errors.incentiveType = t('required');
  else if (!incentiveType || !isIncentiveType(incentiveType))
    errors.incentiveType = t('unknownTerm', { value: typedType, choices: choices('type', incentiveTypes) });

  const typedSpecificity = textOf(input.ldcSpecificity);
  const ldcSpecificity = readCode(typedSpecificity, 'specificity', ldcSpecificities);
  if (typedSpecificity === '') errors.ldcSpecificity = t('required');
  else if (!ldcSpecificity || !isLdcSpecificity(ldcSpecificity))
    errors.ldcSpecificity = t('unknownTerm', {
      value: typedSpecificity,
      choices: choices('specificity', ldcSpecificities),
    });

  const typedSectors = splitList(input.sectors ?? []);
  const sectors = typedSectors.map((typed) => readCode(typed, 'sector', technologySectors));
  const badSector = typedSectors.find((_, i) => !sectors[i] || !isTechnologySector(sectors[i]));
  if (badSector)
    errors.sectors = t('unknownTerm', { value: badSector, choices: choices('sector', technologySectors) });

  const typedBeneficiaries = splitList(input.beneficiaryCodes ?? []);
  if (typedBeneficiaries.length > 60) errors.beneficiaryCodes = t('tooManyEntries', { max: 60 });
  const beneficiaries = typedBeneficiaries.map((typed) => ({ typed, code: partyCode(typed) }));
  const notLdcs = beneficiaries.filter((b) => !b.code || !ldcs.has(b.code)).map((b) => b.typed);
  if (!errors.beneficiaryCodes && notLdcs.length > 0)
    errors.beneficiaryCodes = it('notAnLdc', { names: notLdcs.join(', ') });
  const beneficiaryCodes = [...new Set(beneficiaries.flatMap((b) => (b.code ? [b.code] : [])))].sort();

  const typedAmount = textOf(input.amount);
  let amount: string | null = null;
  if (typedAmount !== '') {
    const parsed = parseAmount(typedAmount, lang);
    if (parsed === 'format') errors.amount = t('amountFormat');
    else if (parsed === 'negative') errors.amount = t('amountNegative');
    else if (parsed === 'too-large') errors.amount = t('amountTooLarge');
    else amount = parsed;
  }
  const typedCurrency = textOf(input.currency);
  const currency = typedCurrency === '' ? null : parseCurrency(typedCurrency);
  if (typedCurrency !== '' && currency === null)
    errors.currency = t('currencyInvalid', { value: typedCurrency });
  else if (typedAmount !== '' && currency === null) errors.currency = it('amountCurrencyRequired');

  const count = (field: 'enterprises' | 'peopleTrained') => {
    const typed = textOf(input[field]).replace(/[\s\u00a0\u202f]/g, '');
    if (typed === '') return null;
    if (!/^\d{1,9}$/.test(typed)) {
      errors[field] = it('wholeNumber');
      return null;
    }
    return Number(typed);
  };
  const enterprises = count('enterprises');
  const peopleTrained = count('peopleTrained');

  if (Object.keys(errors).length > 0 || !incentiveType || !ldcSpecificity) return { ok: false, errors };
  return {
    ok: true,
    values: {
      title,
      description,
      incentiveType: incentiveType as IncentiveValues['incentiveType'],
      governmentBody,
      eligibleEntities,
      beneficiaryCodes,
      sectors: orderedSectors(sectors.flatMap((code) => (code ? [code] : []))),
      technologyTransferred,
      modeAndTerms,
      ldcSpecificity: ldcSpecificity as IncentiveValues['ldcSpecificity'],
      amount,
      currency: amount === null ? null : currency,
      enterprises,
      peopleTrained,
    },
  };
}
