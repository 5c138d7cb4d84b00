import { elementName } from '../elements/taxonomy.ts';
import { inEveryLanguage } from '../i18n/catalogue.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { resultLine } from '../results/labels.ts';
import type { ExportActivity } from './load.ts';
import { type ExportMessageKey, exportText } from './messages.ts';

/**
 * Every column a CSV or XLSX download can have, in the order they appear when asked for. Headers
 * are in the three WTO languages (exports/messages.ts). Code columns stay language-neutral; `_label`
 * and `_name` columns carry the labels in the language asked for.
 */
export const columnKeys = [
  'id',
  'url',
  'title',
  'description',
  'original_language',
  'donor_code',
  'donor_name',
  'start_date',
  'end_date',
  'beneficiary_codes',
  'beneficiary_names',
  'beneficiaries_as_written',
  'regions',
  'ldc_beneficiaries',
  'level',
  'level_label',
  'type',
  'type_label',
  'ip_areas',
  'ip_area_labels',
  'elements',
  'element_labels',
  'elements_state',
  'results',
  'agencies',
  'partners',
  'budget',
  'currency',
  'funding_source',
  'funding_source_label',
  'funding_shares',
  'delivery_mode',
  'delivery_mode_label',
  'delivery_languages',
  'status',
  'status_label',
  'website',
  'contact_name',
  'contact_email',
  'reports',
  'updated_at',
] as const satisfies readonly ExportMessageKey[];

export type ColumnKey = (typeof columnKeys)[number];

export const columnHeaders = Object.fromEntries(
  columnKeys.map((key) => [key, inEveryLanguage(exportText, key)]),
) as Record<ColumnKey, Record<Language, string>>;

/** What a download has when no `columns=` is given: labels next to the codes people filter on. */
export const defaultColumns: ColumnKey[] = [
  'id',
  'title',
  'description',
  'donor_code',
  'donor_name',
  'start_date',
  'end_date',
  'beneficiary_codes',
  'beneficiary_names',
  'regions',
  'ldc_beneficiaries',
  'level',
  'level_label',
  'type',
  'type_label',
  'ip_areas',
  'ip_area_labels',
  'elements',
  'element_labels',
  'elements_state',
  'results',
  'agencies',
  'partners',
  'budget',
  'currency',
  'status',
  'status_label',
  'website',
  'url',
  'reports',
];

const isColumnKey = (value: string): value is ColumnKey => Object.hasOwn(columnHeaders, value);

/**
 * Reads a `columns=title,donor_code,…` query parameter. Missing or empty: the default set.
 * Names are trimmed and case-insensitive; repeats are kept once; an unknown name is an error that
 * names it, so a typo never silently drops a column.
 */
export function parseColumns(
  param: string | undefined,
): { columns: ColumnKey[] } | { error: string; unknown: string[] } {
  const names = (param ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return { columns: [...defaultColumns] };
  const unknown = names.filter((name) => !isColumnKey(name));
  if (unknown.length > 0) {
    const quoted = unknown.map((name) => `"${name}"`).join(', ');
    return {
      error: `Unknown column${unknown.length > 1 ? 's' : ''} ${quoted}. Known columns: ${columnKeys.join(', ')}.`,
      unknown,
    };
  }
  return { columns: [...new Set(names as ColumnKey[])] };
}

export type RowContext = {
  lang: Language;
  labels: ReferenceLabels;
  /** Site root without a trailing slash, e.g. "https://ipcoop.example". */
  baseUrl: string;
  /** ISO date for "is an LDC" when an activity has no start date; today by default. */
  today?: string;
};

/** Several values in one cell. Not a comma: WTO names contain commas ("Bolivia, Plurinational State of"). */
export const listSeparator = '; ';

import { textIn } from '../i18n/localized-text.ts';

/** "2020-09-07", "2020-09" or "2020": an ISO 8601 date no more precise than what is known. */
export function isoDateAtPrecision(date: string | null, precision: 'day' | 'month' | 'year' | null): string {
  if (!date) return '';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

export function activityUrl(baseUrl: string, lang: Language, id: number): string {
  return `${baseUrl}/${lang}/activities/${id}`;
}

type Cell = (activity: ExportActivity, context: RowContext) => string;

const list = (values: Array<string | null | undefined>) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].join(listSeparator);

function beneficiaryName(b: ExportActivity['beneficiaries'][number], { labels, lang }: RowContext): string {
  if (b.kind === 'party' && b.code) return labels.partyName(b.code, lang);
  if (b.kind === 'region' && b.code) return labels.regionName(b.code, lang);
  return b.name;
}

function agencyNames(activity: ExportActivity, role: 'implementing' | 'partner', lang: Language): string {
  return list(activity.agencies.filter((a) => a.role === role).map((a) => textIn(a.name, lang, 'en')));
}

const term = (taxonomy: string, key: string | null, { labels, lang }: RowContext) =>
  key ? labels.term(taxonomy, key, lang) : '';

const cells: Record<ColumnKey, Cell> = {
  id: (a) => String(a.id),
  url: (a, c) => activityUrl(c.baseUrl, c.lang, a.id),
  title: (a, c) => textIn(a.title, c.lang, a.originalLanguage),
  description: (a, c) => textIn(a.description, c.lang, a.originalLanguage),
  original_language: (a) => a.originalLanguage,
  donor_code: (a) => a.donorCode,
  donor_name: (a, c) => c.labels.partyName(a.donorCode, c.lang),
  start_date: (a) => isoDateAtPrecision(a.startDate, a.startPrecision),
  end_date: (a) => isoDateAtPrecision(a.endDate, a.endPrecision),
  // Codes of resolved beneficiaries only: an unresolved name has no code to show.
  beneficiary_codes: (a) => list(a.beneficiaries.map((b) => b.code)),
  beneficiary_names: (a, c) => list(a.beneficiaries.map((b) => beneficiaryName(b, c))),
  beneficiaries_as_written: (a) => list(a.beneficiaries.map((b) => b.name)),
  // Region beneficiaries themselves, and the M49 region of each party beneficiary.
  regions: (a, c) =>
    list(
      a.beneficiaries.map((b) => {
        if (!b.code) return null;
        const region = b.kind === 'region' ? b.code : c.labels.parties.get(b.code)?.regionCode;
        return region ? c.labels.regionName(region, c.lang) : null;
      }),
    ),
  // LDC status as it was when the activity started: graduations must not rewrite history.
  ldc_beneficiaries: (a, c) => {
    const on = a.startDate ?? c.today ?? new Date().toISOString().slice(0, 10);
    return list(
      a.beneficiaries
        .filter((b) => b.kind === 'party' && b.code && c.labels.isLdc(b.code, on))
        .map((b) => beneficiaryName(b, c)),
    );
  },
  level: (a) => a.level ?? '',
  level_label: (a, c) => term('level', a.level, c),
  type: (a) => a.activityType ?? '',
  type_label: (a, c) => term('activity-type', a.activityType, c),
  ip_areas: (a) => list(a.ipAreas),
  ip_area_labels: (a, c) => list(a.ipAreas.map((key) => c.labels.term('ip-area', key, c.lang))),
  elements: (a) => list(a.elements.map((element) => element.code)),
  element_labels: (a, c) => list(a.elements.map((element) => elementName(element.code, c.lang))),
  // One state for the whole set: the rules suggest a set, a person confirms a set.
  elements_state: (a) =>
    a.elements.length === 0
      ? ''
      : a.elements.every((e) => e.state === 'confirmed')
        ? 'confirmed'
        : 'suggested',
  // One line per indicator: "Output: what is measured (unit) — each period's target and achieved value".
  results: (a, c) => list(a.results.map((indicator) => resultLine(indicator, c.lang))),
  agencies: (a, c) => agencyNames(a, 'implementing', c.lang),
  partners: (a, c) => agencyNames(a, 'partner', c.lang),
  budget: (a) => a.budgetAmount ?? '',
  currency: (a) => a.budgetCurrency ?? '',
  funding_source: (a) => a.fundingSource ?? '',
  funding_source_label: (a, c) => term('funding-source', a.fundingSource, c),
  funding_shares: (a, c) =>
    list(
      a.fundingShares.map((share) => {
        const agency = a.agencies.find((x) => x.code === share.agencyCode);
        const who = share.partyCode
          ? c.labels.partyName(share.partyCode, c.lang)
          : agency
            ? textIn(agency.name, c.lang, 'en')
            : (share.agencyCode ?? '?');
        return `${who} ${share.sharePercent}%`;
      }),
    ),
  delivery_mode: (a) => a.deliveryMode ?? '',
  delivery_mode_label: (a, c) => term('delivery-mode', a.deliveryMode, c),
  delivery_languages: (a, c) => list(a.deliveryLanguages.map((code) => c.labels.languageName(code, c.lang))),
  status: (a) => a.status ?? '',
  status_label: (a, c) => term('activity-status', a.status, c),
  website: (a) => a.website ?? '',
  contact_name: (a) => a.contactName ?? '',
  contact_email: (a) => a.contactEmail ?? '',
  reports: (a, c) =>
    list(
      a.reports.map((r) => {
        const name =
          r.symbol ??
          `${c.labels.partyName(r.reportingParty, c.lang)} ${formatPeriod(r.periodStart, r.periodEnd)}`;
        return exportText(c.lang)('reportItem', { report: name, row: r.rowNumber });
      }),
    ),
  updated_at: (a) => a.updatedAt,
};

/** One activity as the plain strings of the chosen columns (no spreadsheet safety applied). */
export function columnValues(activity: ExportActivity, columns: ColumnKey[], context: RowContext): string[] {
  return columns.map((column) => cells[column](activity, context));
}

export function headerRow(columns: ColumnKey[], lang: Language): string[] {
  const text = exportText(lang);
  return columns.map((column) => text(column));
}

// Characters XML 1.0 (hence XLSX) cannot hold; a CSV reader would choke on them too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these control characters is the point.
const forbiddenControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A cell a spreadsheet will show as text, never run: one that starts with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice against CSV/formula injection).
 */
export function neutraliseFormula(value: string): string {
  const clean = value.replace(forbiddenControls, '');
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** The row CSV and XLSX both write: headers or values, each cell made safe for a spreadsheet. */
export function spreadsheetRow(
  activity: ExportActivity,
  columns: ColumnKey[],
  context: RowContext,
): string[] {
  return columnValues(activity, columns, context).map(neutraliseFormula);
}
