import {
  isCountedUnit,
  numericValue,
  type ResultIndicator,
  type ResultUnit,
  resultUnits,
} from './taxonomy.ts';

/** What the indicators of one counted unit add up to. */
export type UnitSum = {
  unit: ResultUnit;
  /** Achieved values added with achieved values… */
  actual: number | null;
  /** …and targets with targets, never one with the other. */
  target: number | null;
  /** How many indicators were added. */
  indicators: number;
};

export type ResultSums = {
  sums: UnitSum[];
  /** Indicators that cannot be added: percentages and qualitative ones. */
  notSummed: number;
};

/**
 * Adds up indicators only where they use the same counted unit ("people trained" with "people
 * trained"), achieved values with achieved values and targets with targets, over every period:
 * the periods of one indicator never overlap (checked on entry), so nothing is counted twice
 * within an indicator. Percentages and qualitative indicators are counted apart, never added.
 */
export function sumResults(indicators: ResultIndicator[]): ResultSums {
  const byUnit = new Map<ResultUnit, UnitSum>();
  let notSummed = 0;
  for (const indicator of indicators) {
    if (!isCountedUnit(indicator.measure)) {
      notSummed++;
      continue;
    }
    const sum = byUnit.get(indicator.measure) ?? {
      unit: indicator.measure,
      actual: null,
      target: null,
      indicators: 0,
    };
    sum.indicators++;
    for (const period of indicator.periods) {
      const actual = numericValue(period.actual);
      const target = numericValue(period.target);
      if (actual !== null) sum.actual = (sum.actual ?? 0) + actual;
      if (target !== null) sum.target = (sum.target ?? 0) + target;
    }
    byUnit.set(indicator.measure, sum);
  }
  const sums = resultUnits.flatMap((unit) => {
    const sum = byUnit.get(unit);
    return sum ? [sum] : [];
  });
  return { sums, notSummed };
}
