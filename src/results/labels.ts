import { vocabulary } from '../i18n/catalogue.ts';
import { formatDateRange, formatNumber } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { resultsText } from './messages.ts';
import {
  isCountedUnit,
  numericValue,
  type ResultIndicator,
  type ResultMeasure,
  type ResultPeriod,
  type ResultType,
} from './taxonomy.ts';

/** Names and phrases of result indicators in a language: for pages, documents and downloads. */

const typeKeys = {
  output: 'resultTypeOutput',
  outcome: 'resultTypeOutcome',
  impact: 'resultTypeImpact',
} as const;

const measureKeys = {
  'people-trained': 'measurePeopleTrained',
  'applications-examined': 'measureApplicationsExamined',
  'laws-and-regulations': 'measureLawsAndRegulations',
  'offices-supported': 'measureOfficesSupported',
  'projects-delivered': 'measureProjectsDelivered',
  'events-held': 'measureEventsHeld',
  publications: 'measurePublications',
  percentage: 'measurePercentage',
  qualitative: 'measureQualitative',
} as const satisfies Record<ResultMeasure, string>;

export const resultTypeName = (type: ResultType, lang: Language) => resultsText(lang)(typeKeys[type]);
export const measureName = (measure: ResultMeasure, lang: Language) =>
  resultsText(lang)(measureKeys[measure]);

/** "340 people trained", "87.5 %", or the text of a qualitative value; null stays null. */
export function formatResultValue(
  measure: ResultMeasure,
  value: string | null,
  lang: Language,
): string | null {
  if (value === null) return null;
  const number = numericValue(value);
  if (measure === 'qualitative' || number === null) return value;
  if (measure === 'percentage')
    return formatNumber(lang, number / 100, { style: 'percent', maximumFractionDigits: 2 });
  return `${formatNumber(lang, number)} ${isCountedUnit(measure) ? measureName(measure, lang) : ''}`.trim();
}

/** "1 January – 31 December 2024: 340 people trained achieved (target 400 people trained)". */
export function periodText(
  indicator: Pick<ResultIndicator, 'measure'>,
  period: ResultPeriod,
  lang: Language,
) {
  const text = resultsText(lang);
  const when = formatDateRange(lang, period.start, period.end) ?? '';
  const target = formatResultValue(indicator.measure, period.target, lang);
  const actual = formatResultValue(indicator.measure, period.actual, lang);
  if (target !== null && actual !== null) return text('periodLine', { period: when, actual, target });
  if (actual !== null) return text('periodActualOnly', { period: when, actual });
  return text('periodTargetOnly', { period: when, target: target ?? '' });
}

export function baselineText(indicator: ResultIndicator, lang: Language): string | null {
  if (indicator.baselineYear === null) return null;
  const value = formatResultValue(indicator.measure, indicator.baselineValue, lang) ?? '—';
  return resultsText(lang)('baselineLine', { year: indicator.baselineYear, value });
}

/** One indicator on one line, for spreadsheets: "Output: what is measured (unit) — each period's target and achieved value". */
export function resultLine(indicator: ResultIndicator, lang: Language): string {
  const sample = indicator.isSample ? ` [${vocabulary(lang)('sampleData')}]` : '';
  const periods = indicator.periods.map((period) => periodText(indicator, period, lang)).join(' / ');
  return `${resultTypeName(indicator.type, lang)}: ${indicator.title}${sample} (${measureName(indicator.measure, lang)}) — ${periods}`;
}
