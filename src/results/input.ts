import { isLanguage, type Language } from '../i18n/languages.ts';
import { resultsText } from './messages.ts';
import {
  isResultMeasure,
  isResultType,
  type ResultIndicator,
  type ResultMeasure,
  type ResultPeriod,
} from './taxonomy.ts';

/**
 * Result indicators as typed (in a form or a spreadsheet), checked: every value is text, every
 * problem is reported at its field in the reader's language. `key` names the indicator's fields
 * ("result-2" → "result-2-title"); a period's key names its own ("result-2-period-1-start").
 */
export type RawPeriod = { key: string; start: string; end: string; target: string; actual: string };
export type RawIndicator = {
  key: string;
  type: string;
  title: string;
  language: string;
  measure: string;
  baselineYear: string;
  baselineValue: string;
  source: string;
  periods: RawPeriod[];
};

export const resultLimits = {
  indicators: 20,
  periods: 12,
  title: 500,
  value: 1000,
  source: 500,
  minYear: 1950,
  maxYear: 2100,
} as const;

export type ResultErrors = Record<string, string>;

const isBlank = (text: string) => text.trim() === '';

/** A period nobody typed anything in (the form's spare row). */
export const isBlankPeriod = (period: RawPeriod) =>
  [period.start, period.end, period.target, period.actual].every(isBlank);

/** An indicator nobody typed anything in (the form's spare block); its language alone does not count. */
export const isBlankIndicator = (indicator: RawIndicator) =>
  [
    indicator.type,
    indicator.title,
    indicator.measure,
    indicator.baselineYear,
    indicator.baselineValue,
    indicator.source,
  ].every(isBlank) && indicator.periods.every(isBlankPeriod);

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, or null. */
export function parseDay(text: string): string | null {
  const match = dayPattern.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === text.trim() ? text.trim() : null;
}

/** "1 234,5", "1,234.5" and "1234.5" all read as 1234.5: a decimal comma is accepted. */
export function parseResultNumber(text: string): number | 'invalid' | 'negative' {
  let clean = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(clean)) clean = clean.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(clean)) clean = clean.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return 'invalid';
  const number = Number(clean);
  if (!Number.isFinite(number) || Math.abs(number) > 1e12) return 'invalid';
  return number < 0 ? 'negative' : number;
}

/**
 * The indicators typed, checked. Blank indicators and blank periods are dropped (they are the
 * form's spare rows). `defaultLanguage` is the language of an indicator whose language is not said.
 */
export function validateResults(
  raw: RawIndicator[],
  lang: Language,
  defaultLanguage: Language,
): { ok: true; value: ResultIndicator[] } | { ok: false; errors: ResultErrors } {
  const text = resultsText(lang);
  const errors: ResultErrors = {};
  const value: ResultIndicator[] = [];
  const typed = raw.filter((indicator) => !isBlankIndicator(indicator));
  if (typed.length > resultLimits.indicators) {
    const first = typed[resultLimits.indicators];
    errors[`${first?.key}-title`] = text('tooManyIndicators', { max: resultLimits.indicators });
  }
  for (const indicator of typed.slice(0, resultLimits.indicators)) {
    const at = (field: string) => `${indicator.key}-${field}`;
    const type = indicator.type.trim();
    if (!isResultType(type)) errors[at('type')] = text(type ? 'resultTypeUnknown' : 'resultRequired');
    const title = indicator.title.trim().replace(/\s+/g, ' ');
    if (!title) errors[at('title')] = text('resultRequired');
    else if (title.length > resultLimits.title)
      errors[at('title')] = text('resultTooLong', { max: resultLimits.title });
    const languageText = indicator.language.trim();
    const language: Language | null =
      languageText === '' ? defaultLanguage : isLanguage(languageText) ? languageText : null;
    if (!language) errors[at('language')] = text('languageUnknown');
    const measureText = indicator.measure.trim();
    const measure: ResultMeasure | null = isResultMeasure(measureText) ? measureText : null;
    if (!measure) errors[at('measure')] = text(measureText ? 'measureUnknown' : 'resultRequired');
    const qualitative = measure === 'qualitative';

    /** A value as stored: a number as text for measured indicators, the text for qualitative ones. */
    const readValue = (field: string, typedValue: string): string | null | undefined => {
      const valueText = typedValue.trim();
      if (valueText === '') return null;
      if (valueText.length > resultLimits.value) {
        errors[field] = text('resultTooLong', { max: resultLimits.value });
        return undefined;
      }
      if (qualitative || !measure) return valueText;
      const number = parseResultNumber(valueText);
      if (number === 'invalid' || number === 'negative') {
        errors[field] = text(number === 'invalid' ? 'numberInvalid' : 'numberNegative');
        return undefined;
      }
      return String(number);
    };

    let baselineYear: number | null = null;
    const yearText = indicator.baselineYear.trim();
    if (yearText) {
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
      if (!(year >= resultLimits.minYear && year <= resultLimits.maxYear))
        errors[at('baselineYear')] = text('yearInvalid', {
          min: resultLimits.minYear,
          max: resultLimits.maxYear,
        });
      else baselineYear = year;
    }
    const baselineValue = readValue(at('baselineValue'), indicator.baselineValue);
    if (baselineValue && !yearText) errors[at('baselineYear')] = text('baselineYearMissing');

    const source = indicator.source.trim().replace(/\s+/g, ' ');
    if (source.length > resultLimits.source)
      errors[at('source')] = text('resultTooLong', { max: resultLimits.source });

    const periods: ResultPeriod[] = [];
    const typedPeriods = indicator.periods.filter((period) => !isBlankPeriod(period));
    if (typedPeriods.length === 0) errors[firstPeriodKey(indicator)] ??= text('periodMissing');
    if (typedPeriods.length > resultLimits.periods) {
      const extra = typedPeriods[resultLimits.periods];
      errors[`${extra?.key}-start`] = text('tooManyPeriods', { max: resultLimits.periods });
    }
    for (const period of typedPeriods.slice(0, resultLimits.periods)) {
      const field = (name: string) => `${period.key}-${name}`;
      const start = parseDay(period.start);
      const end = parseDay(period.end);
      if (!start) errors[field('start')] = text(isBlank(period.start) ? 'resultRequired' : 'dayInvalid');
      if (!end) errors[field('end')] = text(isBlank(period.end) ? 'resultRequired' : 'dayInvalid');
      if (start && end && end < start) errors[field('end')] = text('periodEndBeforeStart');
      const target = readValue(field('target'), period.target);
      const actual = readValue(field('actual'), period.actual);
      if (target === null && actual === null) errors[field('target')] = text('periodEmpty');
      if (start && end && target !== undefined && actual !== undefined) {
        const overlapping = periods.some((other) => start <= other.end && other.start <= end);
        if (overlapping) errors[field('start')] = text('periodOverlaps');
        periods.push({ start, end, target, actual });
      }
    }
    if (language && measure && isResultType(type) && title && baselineValue !== undefined)
      value.push({
        type,
        title,
        language,
        measure,
        baselineYear,
        baselineValue,
        periods: periods.sort((a, b) => a.start.localeCompare(b.start)),
        source: source || null,
        origin: 'entered',
      });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Where "give at least one period" is shown: the first period's start field. */
const firstPeriodKey = (indicator: RawIndicator) =>
  `${indicator.periods[0]?.key ?? `${indicator.key}-period-1`}-start`;
