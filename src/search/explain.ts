import { elementCodes } from '../elements/taxonomy.ts';
import type { MessageKey, Translate } from '../i18n/translate.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { SearchTranslate } from './messages.ts';

type Problem = { field: string; message: string };

const taxonomyOf = {
  ipArea: 'ip-area',
  type: 'activity-type',
  level: 'level',
  status: 'activity-status',
} as const;

const fieldLabels: Record<string, MessageKey> = {
  q: 'searchLabel',
  donor: 'facetDonor',
  beneficiary: 'facetBeneficiary',
  region: 'facetRegion',
  ldc: 'facetLdc',
  ipArea: 'facetIpArea',
  element: 'facetElement',
  type: 'facetType',
  level: 'facetLevel',
  status: 'facetStatus',
  from: 'yearFrom',
  to: 'yearTo',
  page: 'pagination',
  sort: 'sortBy',
};

const searchFieldLabels = { report: 'facetReport', reporter: 'facetReporter', cycle: 'facetCycle' } as const;

function hint(field: string, t: Translate, labels: ReferenceLabels, st: SearchTranslate): string {
  if (field === 'q') return t('hintQuery');
  if (field === 'donor' || field === 'beneficiary' || field === 'reporter') return t('hintParty');
  if (field === 'report') return st('hintReport');
  if (field === 'cycle') return st('hintCycle');
  if (field === 'region') return t('hintRegion');
  if (field === 'from' || field === 'to') return t('hintYear');
  if (field === 'page' || field === 'pageSize') return t('hintPage');
  if (field === 'sort') return t('hintSort');
  if (field === 'ldc') return t('hintLdc');
  if (field === 'element') return t('hintTerm', { keys: elementCodes.join(', ') });
  const taxonomy = taxonomyOf[field as keyof typeof taxonomyOf];
  if (taxonomy)
    return t('hintTerm', {
      keys: labels
        .termsOf(taxonomy)
        .map((term) => term.key)
        .join(', '),
    });
  return '';
}

const label = (field: string, t: Translate, st: SearchTranslate) => {
  const own = searchFieldLabels[field as keyof typeof searchFieldLabels];
  if (own) return st(own);
  return fieldLabels[field] ? t(fieldLabels[field]) : field;
};

/** Validation issues of the search filters, told in the page's language, field by field. */
export function explainInvalidFilters(
  issues: Array<{ path: PropertyKey[]; code: string }>,
  t: Translate,
  labels: ReferenceLabels,
  st: SearchTranslate,
): Problem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? 'q');
    const message =
      issue.code === 'custom' && field === 'to' ? t('hintYearOrder') : hint(field, t, labels, st);
    return { field: label(field, t, st), message };
  });
}

/** Codes that are well-formed but name nothing we know: explained rather than answered with an empty list. */
export function explainUnknownCodes(
  filters: Record<string, unknown>,
  t: Translate,
  labels: ReferenceLabels,
  st: SearchTranslate,
): Problem[] {
  const problems: Problem[] = [];
  const unknown = (field: string, code: string) =>
    problems.push({
      field: label(field, t, st),
      message: `${t('unknownCode', { code })} — ${hint(field, t, labels, st)}`,
    });
  for (const field of ['donor', 'beneficiary', 'reporter'] as const) {
    const code = filters[field];
    if (typeof code === 'string' && !labels.parties.has(code)) unknown(field, code);
  }
  if (typeof filters.region === 'string' && !labels.regions.has(filters.region))
    unknown('region', filters.region);
  for (const [field, taxonomy] of Object.entries(taxonomyOf)) {
    const key = filters[field];
    if (typeof key === 'string' && !labels.terms.has(`${taxonomy}:${key}`)) unknown(field, key);
  }
  return problems;
}
