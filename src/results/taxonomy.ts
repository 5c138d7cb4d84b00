import type { Language } from '../i18n/languages.ts';

/**
 * Result indicators as IATI 2.03 `result` models them: a result type, what is measured (a title in
 * the language it was entered in) and how, a baseline, and per measurement period a target and an
 * achieved value. Nothing here assumes the parent is an activity: an Art. 66.2 incentive can carry
 * the same indicators.
 */

/** IATI ResultType codes: 1 output, 2 outcome, 3 impact. */
export const resultTypes = ['output', 'outcome', 'impact'] as const;
export type ResultType = (typeof resultTypes)[number];
export const iatiResultType: Record<ResultType, string> = { output: '1', outcome: '2', impact: '3' };

/**
 * How an indicator is measured: a counted unit (values add up across activities when the unit is
 * the same), a percentage, or qualitative (values are texts). The units are a short list so that
 * sums across activities and parties mean something and read in every language.
 */
export const resultUnits = [
  'people-trained',
  'applications-examined',
  'laws-and-regulations',
  'offices-supported',
  'projects-delivered',
  'events-held',
  'publications',
] as const;
export type ResultUnit = (typeof resultUnits)[number];
export const resultMeasures = [...resultUnits, 'percentage', 'qualitative'] as const;
export type ResultMeasure = (typeof resultMeasures)[number];

export const isResultMeasure = (value: string): value is ResultMeasure =>
  (resultMeasures as readonly string[]).includes(value);
export const isResultType = (value: string): value is ResultType =>
  (resultTypes as readonly string[]).includes(value);
export const isCountedUnit = (measure: ResultMeasure): measure is ResultUnit =>
  (resultUnits as readonly string[]).includes(measure);

/** IATI IndicatorMeasure codes: 1 unit, 2 percentage, 5 qualitative. */
export function iatiMeasure(measure: ResultMeasure): string {
  if (measure === 'percentage') return '2';
  if (measure === 'qualitative') return '5';
  return '1';
}

/** Where an indicator comes from: typed by a reporter, or computed from a training edition. */
export const resultOrigins = ['entered', 'training-edition'] as const;
export type ResultOrigin = (typeof resultOrigins)[number];

/**
 * One measurement period. Dates are whole days (YYYY-MM-DD), as IATI requires. Target and actual
 * are numbers written as text ("340", "87.5") for a counted unit or a percentage, and free text
 * for a qualitative indicator; null when not given.
 */
export type ResultPeriod = {
  start: string;
  end: string;
  target: string | null;
  actual: string | null;
};

export type ResultIndicator = {
  type: ResultType;
  title: string;
  /** The language the title (and qualitative values) were written in. */
  language: Language;
  measure: ResultMeasure;
  /** Baseline: the year it was taken and its value (number or text as for the periods). */
  baselineYear: number | null;
  baselineValue: string | null;
  periods: ResultPeriod[];
  /** Where the figures come from (a survey, the office's statistics, the edition's records…). */
  source: string | null;
  origin: ResultOrigin;
  /** Invented figures of the demo: every page and download says so. */
  isSample?: boolean;
};

/** The number of a numeric value as stored ("340" → 340); null for none or text. */
export function numericValue(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
