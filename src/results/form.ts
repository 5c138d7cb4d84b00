import type { RawIndicator, RawPeriod } from './input.ts';
import type { ResultIndicator } from './taxonomy.ts';

/**
 * The result indicators of a form: fields named `result-<n>-<field>` and
 * `result-<n>-period-<m>-<field>`, with a `…-remove` box on each indicator and period. The form
 * always ends with a blank indicator and each indicator with a blank period: typing in them adds
 * one, so the form needs no script.
 */

export const indicatorFields = [
  'type',
  'title',
  'language',
  'measure',
  'baselineYear',
  'baselineValue',
  'source',
] as const;
export const periodFields = ['start', 'end', 'target', 'actual'] as const;

/** The highest indicator or period number read from a form: more is not a form ipcoop sent. */
const maxNumber = 100;

export const indicatorKey = (n: number) => `result-${n}`;
export const periodKey = (indicator: string, m: number) => `${indicator}-period-${m}`;

const text = (value: unknown): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

/** The indicators posted, in their numbers' order, without those ticked for removal. */
export function rawResultsFromBody(body: Record<string, unknown>): RawIndicator[] {
  const numbers = new Map<number, Set<number>>();
  for (const name of Object.keys(body)) {
    const match = /^result-(\d{1,3})-(?:period-(\d{1,3})-)?[a-zA-Z]+$/.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n < 1 || n > maxNumber) continue;
    const periods = numbers.get(n) ?? new Set<number>();
    const m = match[2] === undefined ? null : Number(match[2]);
    if (m !== null && m >= 1 && m <= maxNumber) periods.add(m);
    numbers.set(n, periods);
  }
  const indicators: RawIndicator[] = [];
  for (const n of [...numbers.keys()].sort((a, b) => a - b)) {
    const key = indicatorKey(n);
    if (text(body[`${key}-remove`])) continue;
    const periods: RawPeriod[] = [];
    for (const m of [...(numbers.get(n) ?? [])].sort((a, b) => a - b)) {
      const pKey = periodKey(key, m);
      if (text(body[`${pKey}-remove`])) continue;
      periods.push({
        key: pKey,
        start: text(body[`${pKey}-start`]),
        end: text(body[`${pKey}-end`]),
        target: text(body[`${pKey}-target`]),
        actual: text(body[`${pKey}-actual`]),
      });
    }
    indicators.push({
      key,
      type: text(body[`${key}-type`]),
      title: text(body[`${key}-title`]),
      language: text(body[`${key}-language`]),
      measure: text(body[`${key}-measure`]),
      baselineYear: text(body[`${key}-baselineYear`]),
      baselineValue: text(body[`${key}-baselineValue`]),
      source: text(body[`${key}-source`]),
      periods,
    });
  }
  return indicators;
}

/** Stored indicators as the form shows them, numbered from 1. */
export function rawResultsOf(indicators: ResultIndicator[]): RawIndicator[] {
  return indicators.map((indicator, i) => {
    const key = indicatorKey(i + 1);
    return {
      key,
      type: indicator.type,
      title: indicator.title,
      language: indicator.language,
      measure: indicator.measure,
      baselineYear: indicator.baselineYear === null ? '' : String(indicator.baselineYear),
      baselineValue: indicator.baselineValue ?? '',
      source: indicator.source ?? '',
      periods: indicator.periods.map((period, j) => ({
        key: periodKey(key, j + 1),
        start: period.start,
        end: period.end,
        target: period.target ?? '',
        actual: period.actual ?? '',
      })),
    };
  });
}

/** The number after the highest key in use ("result-3" → 4). */
export function nextNumber(keys: string[]): number {
  let highest = 0;
  for (const key of keys) {
    const match = /-(\d+)$/.exec(key);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}
