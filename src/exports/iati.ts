/*
 * IATI 2.03 activity XML, checked against the official XSD in ../shared/iati-2.03 by the tests.
 * xmlbuilder2 (MIT, pure JS, typed) writes the XML: it escapes every text and attribute and drops
 * characters XML 1.0 cannot hold, so no source text can break or inject markup.
 *
 * Mapping choices (codes are from the IATI 2.03 codelists):
 * - iati-identifier: `{donor party code}-IPCOOP-{activity id}`. IATI wants the reporting-org ref as
 *   prefix; the id is the registry's permanent serial, so the identifier never changes.
 * - reporting-org: the donor party (ref = party code; type 40 Multilateral for IGOs, else 10
 *   Government), named in EN/FR/ES.
 * - participating-org: role 1 Funding = the donor and any other funder in the funding shares;
 *   role 4 Implementing = implementing agencies AND partners. Partners (WIPO, CTPL, Interpol…)
 *   co-deliver programmes; neither 2 Accountable (oversight) nor 3 Extending (manages the funds)
 *   is known to be true of them. Agency codes are not IATI organisation identifiers, so agencies
 *   carry names only, and a type only when they belong to an IGO (40).
 * - activity-status (required): planned 1, ongoing 2, completed 4 Closed (we track no financial
 *   sign-off that 3 Finalisation would wait for), cancelled 5. Unknown: 1 if the start is still
 *   ahead, 4 if the end is past, else 2 (a report lists it as carried out).
 * - activity-date: a start is actual (2) when the activity is ongoing/completed, or has no status
 *   and began before today; otherwise planned (1). An end is actual (4) when completed, or has no
 *   status and is past; otherwise planned (3). Month/year precision goes in the date's narrative.
 *   No start date: the start of the first reporting period that lists the activity, as planned (1),
 *   with a narrative saying so.
 * - recipient-country: party beneficiaries with an ISO 3166-1 alpha-2 code (not IGOs, not the EU).
 *   recipient-region: M49 regions with vocabulary 2 (UN), groupings such as "Global South" with
 *   vocabulary 99. Percentages are split evenly over countries and regions and sum to exactly 100.
 *   When nothing maps, DAC region 998 "Developing countries, unspecified" (vocabulary 1): Art. 67
 *   cooperation is by definition in favour of developing and least-developed countries.
 * - sector: DAC 5-digit 33110 "Trade policy and administrative management", whose DAC description
 *   covers "implementation of multilateral trade agreements" such as TRIPS; plus the IP areas with
 *   vocabulary 99 (our own list).
 * - tag (vocabulary 99): the level (multilateral/plurilateral/bilateral), the activity type, and the
 *   elements of Article 67 (ipcoop's reading; a suggested one says so in its narratives).
 * - budget: one indicative original budget over the whole activity when amount, currency, start
 *   and end are known (IATI prefers periods of at most a year; we have no annual split).
 * - document-link: the website (A12 Activity web page), the ipcoop record (A12) and each published
 *   Art. 67 report listing the activity (B01 Annual report), titled with its symbol and row number.
 */
import { create, fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { LocalizedText } from '../db/columns.ts';
import { elementName, elementsText } from '../elements/taxonomy.ts';
import { inEveryLanguage, vocabulary } from '../i18n/catalogue.ts';
import { formatPercent, formatPeriod } from '../i18n/format.ts';
import { type Language, languages } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { measureName } from '../results/labels.ts';
import { resultsText } from '../results/messages.ts';
import { iatiMeasure, iatiResultType, isCountedUnit, type ResultIndicator } from '../results/taxonomy.ts';
import { activityUrl } from './columns.ts';
import type { ExportActivity } from './load.ts';
import { type ExportMessageKey, exportText } from './messages.ts';

type Texts = Record<Language, string>;

export type IatiOptions = {
  labels: ReferenceLabels;
  /** Site root without a trailing slash; links to records and reports start with it. */
  baseUrl: string;
  /** Interface language of the links to ipcoop pages (narratives come in all three). */
  lang?: Language;
  generatedAt?: Date;
  /** Where our own code lists (vocabulary 99) are published. */
  vocabularyUri?: (list: 'ip-area' | 'activity-type' | 'level' | 'region-grouping' | 'elements') => string;
};

export const iatiVersion = '2.03';

export function iatiIdentifier(activity: Pick<ExportActivity, 'id' | 'donorCode'>): string {
  return `${activity.donorCode}-IPCOOP-${activity.id}`;
}

const m49Uri = 'https://unstats.un.org/unsd/methodology/m49/';
const dacTradePolicySector = '33110';

const phrase = (key: ExportMessageKey) => inEveryLanguage(exportText, key);
const phrases = {
  dacTradePolicy: phrase('iatiTradePolicy'),
  developingUnspecified: phrase('iatiDevelopingUnspecified'),
  beneficiariesAsWritten: phrase('iatiBeneficiariesAsListed'),
  monthOnly: phrase('iatiMonthOnly'),
  yearOnly: phrase('iatiYearOnly'),
  startFromReport: phrase('iatiStartFromReport'),
  dateFromUpdate: phrase('iatiDateFromUpdate'),
  funding: phrase('fieldFunding'),
  delivery: phrase('fieldDelivery'),
  budgetWithoutPeriod: phrase('iatiBudgetWithoutPeriod'),
  untitled: phrase('iatiUntitled'),
  website: phrase('iatiWebsite'),
  record: phrase('iatiRecord'),
} satisfies Record<string, Texts>;

/** "Funding: …" in English and Spanish, "Financement\u202f: …" in French. */
const colon = (lang: Language) => `${exportText(lang)('colon')} `;

function reportTitle(lang: Language, party: string, period: string, symbol: string | null, row: number) {
  return exportText(lang)('iatiReportTitle', { party, period, symbol: symbol ? ` (${symbol})` : '', row });
}

/** Attributes without the empty ones, so no `ref=""` or `percentage="undefined"` is written. */
function attributes(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** One `<narrative xml:lang>` per language present, in en, fr, es order. */
function narratives(parent: XMLBuilder, texts: LocalizedText | Texts) {
  for (const lang of languages) {
    const text = texts[lang]?.trim();
    if (text) parent.ele('narrative', { 'xml:lang': lang }).txt(text);
  }
  return parent;
}

const hasText = (texts: LocalizedText) => languages.some((lang) => texts[lang]?.trim());

/** Shares of 100 with two decimals that add up to exactly 100.00. */
export function evenPercentages(count: number): string[] {
  const cents = Math.floor(10000 / count);
  const extra = 10000 - cents * count;
  return Array.from({ length: count }, (_, i) => ((cents + (i < extra ? 1 : 0)) / 100).toFixed(2));
}

function organisationType(labels: ReferenceLabels, partyCode: string | null): string | undefined {
  if (!partyCode) return undefined;
  return labels.parties.get(partyCode)?.kind === 'igo' ? '40' : undefined;
}

const partyType = (labels: ReferenceLabels, code: string) => organisationType(labels, code) ?? '10';

function statusCode(a: ExportActivity, today: string): string {
  switch (a.status) {
    case 'planned':
      return '1';
    case 'ongoing':
      return '2';
    case 'completed':
      return '4';
    case 'cancelled':
      return '5';
    default:
      if (a.startDate && a.startDate > today) return '1';
      if (a.endDate && a.endDate < today) return '4';
      return '2';
  }
}

type DateEntry = { type: string; isoDate: string; note?: Texts };

function precisionNote(precision: ExportActivity['startPrecision']): Texts | undefined {
  if (precision === 'month') return phrases.monthOnly;
  if (precision === 'year') return phrases.yearOnly;
  return undefined;
}

function activityDates(a: ExportActivity, today: string): DateEntry[] {
  const dates: DateEntry[] = [];
  const began =
    a.status === 'ongoing' || a.status === 'completed' || (!a.status && a.startDate && a.startDate <= today);
  if (a.startDate) {
    dates.push({ type: began ? '2' : '1', isoDate: a.startDate, note: precisionNote(a.startPrecision) });
  } else if (a.reports[0]) {
    dates.push({ type: '1', isoDate: a.reports[0].periodStart, note: phrases.startFromReport });
  }
  if (a.endDate) {
    const ended = a.status === 'completed' || (!a.status && a.endDate < today);
    dates.push({ type: ended ? '4' : '3', isoDate: a.endDate, note: precisionNote(a.endPrecision) });
  }
  // The schema requires one date; say plainly where this one comes from.
  if (dates.length === 0)
    dates.push({ type: '1', isoDate: a.updatedAt.slice(0, 10), note: phrases.dateFromUpdate });
  return dates;
}

type Recipient =
  | { element: 'recipient-country'; code: string; names: Texts }
  | { element: 'recipient-region'; code: string; vocabulary: string; uri?: string; names: Texts };

function recipients(a: ExportActivity, options: Required<Pick<IatiOptions, 'labels' | 'vocabularyUri'>>) {
  const { labels } = options;
  const found = new Map<string, Recipient>();
  for (const b of a.beneficiaries) {
    if (!b.code) continue;
    if (b.kind === 'party') {
      const party = labels.parties.get(b.code);
      // The EU and IGOs have no ISO 3166-1 country code: they stay in the "as listed" description.
      if (!party?.iso2 || party.kind === 'igo' || party.code === 'EU') continue;
      found.set(`c:${party.iso2}`, { element: 'recipient-country', code: party.iso2, names: party.names });
    } else if (b.kind === 'region') {
      const region = labels.regions.get(b.code);
      if (!region) continue;
      const grouping = region.kind === 'grouping';
      found.set(`r:${region.code}`, {
        element: 'recipient-region',
        code: region.code,
        vocabulary: grouping ? '99' : '2',
        uri: grouping ? options.vocabularyUri('region-grouping') : m49Uri,
        names: region.names,
      });
    }
  }
  const list = [...found.values()];
  if (list.length === 0) {
    list.push({
      element: 'recipient-region',
      code: '998',
      vocabulary: '1',
      names: phrases.developingUnspecified,
    });
  }
  // Countries first: the schema orders every recipient-country before any recipient-region.
  return [
    ...list.filter((r) => r.element === 'recipient-country'),
    ...list.filter((r) => r.element !== 'recipient-country'),
  ];
}

/** The funding shares and delivery facts IATI has no element for, as an "Other" description. */
function otherFacts(a: ExportActivity, labels: ReferenceLabels, budgetPlaced: boolean): Texts | null {
  const text = {} as Texts;
  for (const lang of languages) {
    const parts: string[] = [];
    if (a.fundingSource || a.fundingShares.length > 0) {
      const shares = a.fundingShares.map((share) => {
        const agency = a.agencies.find((x) => x.code === share.agencyCode);
        const who = share.partyCode
          ? labels.partyName(share.partyCode, lang)
          : (agency?.name[lang] ?? agency?.name.en ?? share.agencyCode ?? '?');
        return `${who} ${formatPercent(lang, share.sharePercent / 100)}`;
      });
      const source = a.fundingSource ? labels.term('funding-source', a.fundingSource, lang) : '';
      parts.push(
        `${phrases.funding[lang]}${colon(lang)}${[source, shares.join(', ')].filter(Boolean).join(' — ')}.`,
      );
    }
    if (a.deliveryMode || a.deliveryLanguages.length > 0) {
      const mode = a.deliveryMode ? labels.term('delivery-mode', a.deliveryMode, lang) : '';
      const spoken = a.deliveryLanguages.map((code) => labels.languageName(code, lang)).join(', ');
      parts.push(`${phrases.delivery[lang]}${colon(lang)}${[mode, spoken].filter(Boolean).join(' — ')}.`);
    }
    if (a.budgetAmount && !budgetPlaced) {
      parts.push(
        `${phrases.budgetWithoutPeriod[lang]}${colon(lang)}${a.budgetAmount} ${a.budgetCurrency ?? ''}`.trim() +
          '.',
      );
    }
    if (parts.length === 0) return null;
    text[lang] = parts.join(' ');
  }
  return text;
}

function termNames(labels: ReferenceLabels, taxonomy: string, key: string): Texts {
  return {
    en: labels.term(taxonomy, key, 'en'),
    fr: labels.term(taxonomy, key, 'fr'),
    es: labels.term(taxonomy, key, 'es'),
  };
}

function partyNames(labels: ReferenceLabels, code: string): Texts {
  return {
    en: labels.partyName(code, 'en'),
    fr: labels.partyName(code, 'fr'),
    es: labels.partyName(code, 'es'),
  };
}

type Organisation = { role: '1' | '4'; ref?: string; type?: string; names: LocalizedText };

/** Funders (the donor, then other funders in the funding shares) and agencies, each listed once. */
function participatingOrgs(a: ExportActivity, labels: ReferenceLabels): Organisation[] {
  const agencyNames = (code: string): LocalizedText => {
    const agency = a.agencies.find((x) => x.code === code);
    return agency && hasText(agency.name) ? agency.name : { en: code };
  };
  const agencyType = (code: string) =>
    organisationType(labels, a.agencies.find((x) => x.code === code)?.partyCode ?? null);
  const funder = (code: string): Organisation => ({
    role: '1',
    ref: code,
    type: partyType(labels, code),
    names: partyNames(labels, code),
  });
  const orgs = new Map<string, Organisation>([[`1:party:${a.donorCode}`, funder(a.donorCode)]]);
  for (const share of a.fundingShares) {
    if (share.partyCode) orgs.set(`1:party:${share.partyCode}`, funder(share.partyCode));
    else if (share.agencyCode) {
      orgs.set(`1:agency:${share.agencyCode}`, {
        role: '1',
        type: agencyType(share.agencyCode),
        names: agencyNames(share.agencyCode),
      });
    }
  }
  for (const agency of a.agencies) {
    orgs.set(`4:agency:${agency.code}`, {
      role: '4',
      type: agencyType(agency.code),
      names: agencyNames(agency.code),
    });
  }
  return [...orgs.values()];
}

function addActivity(root: XMLBuilder, a: ExportActivity, options: Required<IatiOptions>, today: string) {
  const { labels } = options;
  const activity = root.ele('iati-activity', {
    'xml:lang': a.originalLanguage,
    'last-updated-datetime': a.updatedAt,
  });
  activity.ele('iati-identifier').txt(iatiIdentifier(a));
  narratives(
    activity.ele('reporting-org', { ref: a.donorCode, type: partyType(labels, a.donorCode) }),
    partyNames(labels, a.donorCode),
  );
  // The schema requires a title and a description: an empty title says so, a missing
  // description repeats the title rather than inventing text.
  const title = hasText(a.title) ? a.title : phrases.untitled;
  narratives(activity.ele('title'), title);
  narratives(activity.ele('description', { type: '1' }), hasText(a.description) ? a.description : title);
  if (a.beneficiaries.length > 0) {
    const listed = a.beneficiaries.map((b) => b.name).join('; ');
    narratives(activity.ele('description', { type: '3' }), {
      [a.originalLanguage]: `${phrases.beneficiariesAsWritten[a.originalLanguage]}${colon(a.originalLanguage)}${listed}`,
    });
  }
  const budgetPlaced = Boolean(a.budgetAmount && a.budgetCurrency && a.startDate && a.endDate);
  const other = otherFacts(a, labels, budgetPlaced);
  if (other) narratives(activity.ele('description', { type: '4' }), other);

  for (const org of participatingOrgs(a, labels)) {
    const { names, ...attrs } = org;
    narratives(activity.ele('participating-org', attributes(attrs)), names);
  }

  activity.ele('activity-status', { code: statusCode(a, today) });
  for (const date of activityDates(a, today)) {
    const element = activity.ele('activity-date', { type: date.type, 'iso-date': date.isoDate });
    if (date.note) narratives(element, date.note);
  }

  if (a.contactName || a.contactEmail) {
    const contact = activity.ele('contact-info', { type: '1' });
    if (a.contactName) contact.ele('person-name').ele('narrative').txt(a.contactName);
    if (a.contactEmail) contact.ele('email').txt(a.contactEmail);
  }

  const places = recipients(a, options);
  const shares = evenPercentages(places.length);
  places.forEach((place, i) => {
    const element =
      place.element === 'recipient-country'
        ? activity.ele('recipient-country', { code: place.code, percentage: shares[i] })
        : activity.ele(
            'recipient-region',
            attributes({
              code: place.code,
              vocabulary: place.vocabulary,
              'vocabulary-uri': place.uri,
              percentage: shares[i],
            }),
          );
    narratives(element, place.names);
  });

  narratives(
    activity.ele('sector', { vocabulary: '1', code: dacTradePolicySector, percentage: '100' }),
    phrases.dacTradePolicy,
  );
  const areaShares = evenPercentages(a.ipAreas.length || 1);
  a.ipAreas.forEach((key, i) => {
    narratives(
      activity.ele('sector', {
        vocabulary: '99',
        'vocabulary-uri': options.vocabularyUri('ip-area'),
        code: key,
        percentage: areaShares[i] ?? '100',
      }),
      termNames(labels, 'ip-area', key),
    );
  });

  for (const [list, taxonomy, key] of [
    ['level', 'level', a.level],
    ['activity-type', 'activity-type', a.activityType],
  ] as const) {
    if (!key) continue;
    narratives(
      activity.ele('tag', { vocabulary: '99', 'vocabulary-uri': options.vocabularyUri(list), code: key }),
      termNames(labels, taxonomy, key),
    );
  }
  for (const element of a.elements) {
    const names = {} as Texts;
    for (const lang of languages) {
      const name = elementName(element.code, lang);
      names[lang] = element.state === 'suggested' ? `${name} — ${elementsText(lang)('suggested')}` : name;
    }
    narratives(
      activity.ele('tag', {
        vocabulary: '99',
        'vocabulary-uri': options.vocabularyUri('elements'),
        code: element.code,
      }),
      names,
    );
  }

  if (budgetPlaced && a.budgetAmount && a.budgetCurrency && a.startDate && a.endDate) {
    const budget = activity.ele('budget', { type: '1', status: '1' });
    budget.ele('period-start', { 'iso-date': a.startDate });
    budget.ele('period-end', { 'iso-date': a.endDate });
    budget
      .ele('value', { currency: a.budgetCurrency.toUpperCase(), 'value-date': a.startDate })
      .txt(a.budgetAmount);
  }

  const links: Array<{ url: string; category: string; title: Texts }> = [];
  // Only web addresses: a "javascript:" or "file:" link must not reach those who render the file.
  if (a.website && /^https?:\/\//i.test(a.website)) {
    links.push({ url: a.website, category: 'A12', title: phrases.website });
  }
  links.push({
    url: activityUrl(options.baseUrl, options.lang, a.id),
    category: 'A12',
    title: phrases.record,
  });
  for (const r of a.reports) {
    const period = formatPeriod(r.periodStart, r.periodEnd);
    const title = {} as Texts;
    for (const lang of languages) {
      title[lang] = reportTitle(
        lang,
        labels.partyName(r.reportingParty, lang),
        period,
        r.symbol,
        r.rowNumber,
      );
    }
    links.push({ url: `${options.baseUrl}/${options.lang}/reports/${r.reportId}`, category: 'B01', title });
  }
  for (const link of links) {
    const element = activity.ele('document-link', { url: link.url, format: 'text/html' });
    narratives(element.ele('title'), link.title);
    element.ele('category', { code: link.category });
  }
  addResults(activity, a.results);
}

/**
 * One `result` per indicator: its type code, title in the language it was written in, and one
 * `indicator` with its measure code (1 unit, 2 percentage, 5 qualitative), baseline and periods.
 * Numbers go in `@value`; a qualitative value goes in a comment, as IATI asks. The unit and the
 * source are said in the indicator's description, in the three languages.
 */
function addResults(activity: XMLBuilder, indicators: ResultIndicator[]) {
  for (const indicator of indicators) {
    const qualitative = indicator.measure === 'qualitative';
    const title = { [indicator.language]: indicator.title };
    const result = activity.ele('result', {
      type: iatiResultType[indicator.type],
      'aggregation-status': String(isCountedUnit(indicator.measure)),
    });
    narratives(result.ele('title'), title);
    const element = result.ele('indicator', { measure: iatiMeasure(indicator.measure), ascending: 'true' });
    narratives(element.ele('title'), title);
    const description = {} as Texts;
    for (const lang of languages) {
      const text = resultsText(lang);
      const measured = `${text('measure')}${vocabulary(lang)('colon')} ${measureName(indicator.measure, lang)}.`;
      const source = indicator.source ? ` ${text('sourceLine', { source: indicator.source })}` : '';
      const sample = indicator.isSample ? ` (${vocabulary(lang)('sampleData')})` : '';
      description[lang] = `${measured}${source}${sample}`;
    }
    narratives(element.ele('description'), description);
    const valued = (
      parent: XMLBuilder,
      name: string,
      value: string | null,
      extra: Record<string, string> = {},
    ) => {
      if (value === null) return;
      if (qualitative) narratives(parent.ele(name, extra).ele('comment'), { [indicator.language]: value });
      else parent.ele(name, { ...extra, value });
    };
    if (indicator.baselineYear !== null && indicator.baselineValue !== null)
      valued(element, 'baseline', indicator.baselineValue, { year: String(indicator.baselineYear) });
    for (const period of indicator.periods) {
      const node = element.ele('period');
      node.ele('period-start', { 'iso-date': period.start });
      node.ele('period-end', { 'iso-date': period.end });
      valued(node, 'target', period.target);
      valued(node, 'actual', period.actual);
    }
  }
}

/**
 * An `<iati-activities version="2.03">` document with one `<iati-activity>` per activity, in the
 * order given. The schema requires at least one activity, so an empty list is refused.
 */
export function activitiesIatiXml(activities: ExportActivity[], options: IatiOptions): string {
  if (activities.length === 0) throw new RangeError('an IATI file must contain at least one activity');
  const resolved = resolvedOptions(options);
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const root = document.ele('iati-activities', {
    version: iatiVersion,
    'generated-datetime': resolved.generatedAt.toISOString(),
  });
  const today = resolved.generatedAt.toISOString().slice(0, 10);
  for (const activity of activities) addActivity(root, activity, resolved, today);
  return document.end({ prettyPrint: true });
}

/**
 * The same document written a batch of activities at a time (see stream.ts): the root element's
 * tags by hand, each batch's activities serialised as a fragment. The caller makes sure there is
 * at least one activity.
 */
export async function* activitiesIatiChunks(
  batches: AsyncIterable<ExportActivity[]>,
  options: IatiOptions,
): AsyncGenerator<string> {
  const resolved = resolvedOptions(options);
  const today = resolved.generatedAt.toISOString().slice(0, 10);
  const rootTag = create().ele('iati-activities', {
    version: iatiVersion,
    'generated-datetime': resolved.generatedAt.toISOString(),
  });
  // "<iati-activities …/>" without its self-closing slash is the opening tag.
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${rootTag.end({ headless: true }).replace(/\/>$/, '>')}\n`;
  for await (const batch of batches) {
    const activities = fragment({ invalidCharReplacement: '' });
    for (const activity of batch) addActivity(activities, activity, resolved, today);
    yield `${activities.end({ prettyPrint: true })}\n`;
  }
  yield '</iati-activities>\n';
}

function resolvedOptions(options: IatiOptions): Required<IatiOptions> {
  return {
    ...options,
    lang: options.lang ?? 'en',
    generatedAt: options.generatedAt ?? new Date(),
    vocabularyUri: options.vocabularyUri ?? ((list) => `${options.baseUrl}/api/v1/taxonomies/${list}`),
  };
}
