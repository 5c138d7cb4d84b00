import type { LocalizedText } from '../db/columns.ts';
import { elementName } from '../elements/taxonomy.ts';
import type { Language } from '../i18n/languages.ts';
import { textIn } from '../i18n/localized-text.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { measureName, resultTypeName } from '../results/labels.ts';
import { activityUrl } from './columns.ts';
import { iatiIdentifier } from './iati.ts';
import type { ExportActivity } from './load.ts';

/** A code with its label in the document's language. */
export type CodeLabel = { code: string; label: string };

/**
 * The JSON download of a list of activities. Codes are stable and language-neutral; every
 * `label`/`name` is in `language`; source texts (title, description) keep all the languages they
 * exist in. Dates are ISO 8601 with their precision beside them (a "month" date is the 1st).
 */
export type JsonExportDocument = {
  /** Bumped when a field changes meaning or disappears; new fields may appear without it. */
  formatVersion: 1;
  /** When the document was produced (ISO 8601). */
  generatedAt: string;
  language: Language;
  /** The filters the download was made with, as the caller received them. */
  query: Record<string, string | string[]>;
  /** How many activities match the query; `items` may hold fewer when the caller set a limit. */
  total: number;
  items: JsonExportActivity[];
};

export type JsonExportActivity = {
  id: number;
  /** The activity's page in this hub. */
  url: string;
  /** The identifier the same activity has in the IATI export. */
  iatiIdentifier: string;
  title: LocalizedText;
  description: LocalizedText;
  originalLanguage: Language;
  donor: { code: string; name: string };
  startDate: string | null;
  startPrecision: 'day' | 'month' | 'year' | null;
  endDate: string | null;
  endPrecision: 'day' | 'month' | 'year' | null;
  /** In source order. `name` is the official name in `language`; `nameAsWritten` is the source's. */
  beneficiaries: Array<{
    kind: 'party' | 'region' | 'unresolved';
    code: string | null;
    name: string;
    nameAsWritten: string;
    /** Whether the party was a least-developed country when the activity started (else today). */
    ldc: boolean;
  }>;
  agencies: Array<{ code: string; name: string; role: 'implementing' | 'partner' }>;
  level: CodeLabel | null;
  activityType: CodeLabel | null;
  ipAreas: CodeLabel[];
  /** Elements of Article 67 (ipcoop's reading), each suggested by the rules or confirmed by a person. */
  elements: Array<CodeLabel & { state: 'suggested' | 'confirmed' }>;
  /** Result indicators as IATI models them; numbers as decimal strings, qualitative values as text. */
  results: Array<{
    type: CodeLabel;
    title: string;
    language: string;
    measure: CodeLabel;
    baseline: { year: number; value: string | null } | null;
    periods: Array<{ start: string; end: string; target: string | null; actual: string | null }>;
    source: string | null;
    /** "entered" by a reporter, or computed from a "training-edition". */
    origin: string;
    /** Invented figures of the demo. */
    isSample: boolean;
  }>;
  status: CodeLabel | null;
  /** Amount as a decimal string ("12500.00") so no precision is lost; currency is ISO 4217. */
  budget: { amount: string; currency: string | null } | null;
  fundingSource: CodeLabel | null;
  fundingShares: Array<{
    partyCode: string | null;
    agencyCode: string | null;
    name: string;
    sharePercent: number;
  }>;
  deliveryMode: CodeLabel | null;
  deliveryLanguages: CodeLabel[];
  website: string | null;
  contact: { name: string | null; email: string | null } | null;
  /** Published Art. 67 reports that list the activity, with its row number there. */
  reports: Array<{
    reportId: number;
    url: string;
    reportingParty: { code: string; name: string };
    periodStart: string;
    periodEnd: string;
    /** How precisely the report states its period: year, fiscal-year, month or day. */
    periodPrecision: string;
    symbol: string | null;
    rowNumber: number;
  }>;
  updatedAt: string;
};

export type JsonExportOptions = {
  labels: ReferenceLabels;
  lang: Language;
  baseUrl: string;
  query?: Record<string, string | string[]>;
  /** Defaults to the number of activities given. */
  total?: number;
  generatedAt?: Date;
};

export function activitiesJsonDocument(
  activities: ExportActivity[],
  options: JsonExportOptions,
): JsonExportDocument {
  const generatedAt = options.generatedAt ?? new Date();
  const today = generatedAt.toISOString().slice(0, 10);
  return {
    formatVersion: 1,
    generatedAt: generatedAt.toISOString(),
    language: options.lang,
    query: options.query ?? {},
    total: options.total ?? activities.length,
    items: activities.map((activity) => jsonActivity(activity, options, today)),
  };
}

/**
 * The same document as text, written a batch of activities at a time (see stream.ts); `total`
 * must be given, since the items are not all known when the head is written.
 */
export async function* activitiesJsonChunks(
  batches: AsyncIterable<ExportActivity[]>,
  options: JsonExportOptions & { total: number },
): AsyncGenerator<string> {
  const { items: _none, ...head } = activitiesJsonDocument([], options);
  const today = head.generatedAt.slice(0, 10);
  // The head's fields, then the items, in the order of JsonExportDocument.
  yield `${JSON.stringify(head).slice(0, -1)},"items":[`;
  let first = true;
  for await (const batch of batches) {
    const items = batch.map((activity) => JSON.stringify(jsonActivity(activity, options, today)));
    if (items.length === 0) continue;
    yield (first ? '' : ',') + items.join(',');
    first = false;
  }
  yield ']}';
}

function jsonActivity(a: ExportActivity, options: JsonExportOptions, today: string): JsonExportActivity {
  const { labels, lang, baseUrl } = options;
  const coded = (taxonomy: string, code: string | null): CodeLabel | null =>
    code ? { code, label: labels.term(taxonomy, code, lang) } : null;
  const agencyName = (code: string | undefined) => {
    const agency = a.agencies.find((x) => x.code === code);
    return agency ? textIn(agency.name, lang, 'en') : (code ?? '');
  };
  const ldcOn = a.startDate ?? today;
  return {
    id: a.id,
    url: activityUrl(baseUrl, lang, a.id),
    iatiIdentifier: iatiIdentifier(a),
    title: a.title,
    description: a.description,
    originalLanguage: a.originalLanguage,
    donor: { code: a.donorCode, name: labels.partyName(a.donorCode, lang) },
    startDate: a.startDate,
    startPrecision: a.startPrecision,
    endDate: a.endDate,
    endPrecision: a.endPrecision,
    beneficiaries: a.beneficiaries.map((b) => ({
      kind: b.kind,
      code: b.code,
      name:
        b.kind === 'party' && b.code
          ? labels.partyName(b.code, lang)
          : b.kind === 'region' && b.code
            ? labels.regionName(b.code, lang)
            : b.name,
      nameAsWritten: b.name,
      ldc: b.kind === 'party' && b.code !== null && labels.isLdc(b.code, ldcOn),
    })),
    agencies: a.agencies.map((agency) => ({
      code: agency.code,
      name: textIn(agency.name, lang, 'en'),
      role: agency.role,
    })),
    level: coded('level', a.level),
    activityType: coded('activity-type', a.activityType),
    ipAreas: a.ipAreas.map((code) => ({ code, label: labels.term('ip-area', code, lang) })),
    elements: a.elements.map((element) => ({
      code: element.code,
      label: elementName(element.code, lang),
      state: element.state,
    })),
    results: a.results.map((indicator) => ({
      type: { code: indicator.type, label: resultTypeName(indicator.type, lang) },
      title: indicator.title,
      language: indicator.language,
      measure: { code: indicator.measure, label: measureName(indicator.measure, lang) },
      baseline:
        indicator.baselineYear === null
          ? null
          : { year: indicator.baselineYear, value: indicator.baselineValue },
      periods: indicator.periods.map((period) => ({ ...period })),
      source: indicator.source,
      origin: indicator.origin,
      isSample: indicator.isSample ?? false,
    })),
    status: coded('activity-status', a.status),
    budget: a.budgetAmount ? { amount: a.budgetAmount, currency: a.budgetCurrency } : null,
    fundingSource: coded('funding-source', a.fundingSource),
    fundingShares: a.fundingShares.map((share) => ({
      partyCode: share.partyCode ?? null,
      agencyCode: share.agencyCode ?? null,
      name: share.partyCode ? labels.partyName(share.partyCode, lang) : agencyName(share.agencyCode),
      sharePercent: share.sharePercent,
    })),
    deliveryMode: coded('delivery-mode', a.deliveryMode),
    deliveryLanguages: a.deliveryLanguages.map((code) => ({ code, label: labels.languageName(code, lang) })),
    website: a.website,
    contact: a.contactName || a.contactEmail ? { name: a.contactName, email: a.contactEmail } : null,
    reports: a.reports.map((r) => ({
      reportId: r.reportId,
      url: `${baseUrl}/${lang}/reports/${r.reportId}`,
      reportingParty: { code: r.reportingParty, name: labels.partyName(r.reportingParty, lang) },
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      periodPrecision: r.periodPrecision,
      symbol: r.symbol,
      rowNumber: r.rowNumber,
    })),
    updatedAt: a.updatedAt,
  };
}
