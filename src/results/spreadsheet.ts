import { type Language, languageNames, languages } from '../i18n/languages.ts';
import { isBlankIndicator, type RawIndicator, type RawPeriod, validateResults } from './input.ts';
import { measureName, resultTypeName } from './labels.ts';
import { resultsText } from './messages.ts';
import { type ResultIndicator, resultMeasures, resultTypes } from './taxonomy.ts';

/**
 * The "Results" sheet of a spreadsheet upload: one line per measurement period, keyed by the row of
 * its parent in the main sheet (an activity's row in the Activities sheet). Lines with the same
 * parent row and the same "what is measured" form one indicator; its type, measure, baseline and
 * source are read from its first line. Headers are recognised in English, French and Spanish.
 */

export const resultColumns = [
  'row',
  'type',
  'title',
  'language',
  'measure',
  'baselineYear',
  'baselineValue',
  'start',
  'end',
  'target',
  'actual',
  'source',
] as const;
export type ResultColumn = (typeof resultColumns)[number];

const headerKeys = {
  row: 'activityRow',
  type: 'resultType',
  title: 'indicatorTitle',
  language: 'indicatorLanguage',
  measure: 'measure',
  baselineYear: 'baselineYear',
  baselineValue: 'baselineValue',
  start: 'periodStart',
  end: 'periodEnd',
  target: 'target',
  actual: 'actual',
  source: 'fieldSource',
} as const satisfies Record<ResultColumn, string>;

/** The header of a column in a language. */
export const resultColumnHeader = (column: ResultColumn, lang: Language) =>
  resultsText(lang)(headerKeys[column]);

/** Lower case, no accents, words only: "Année de référence" and "annee de reference" are one. */
const loose = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

const byHeader = new Map<string, ResultColumn>();
for (const column of resultColumns)
  for (const lang of languages) byHeader.set(loose(resultColumnHeader(column, lang)), column);

export const resultColumnForHeader = (header: string): ResultColumn | null =>
  byHeader.get(loose(header)) ?? null;

/** A code or its label in any of the three languages → the code; anything else unchanged. */
function codeOf<T extends string>(
  text: string,
  codes: readonly T[],
  label: (code: T, lang: Language) => string,
): string {
  const key = loose(text);
  if (!key) return '';
  for (const code of codes) {
    if (loose(code) === key) return code;
    for (const lang of languages) if (loose(label(code, lang)) === key) return code;
  }
  return text;
}

const languageOf = (text: string) => codeOf(text, languages, (code) => languageNames[code]);

/** One line of the sheet: its row number, its cells by column, and each column's letter. */
export type ResultLine = {
  rowNumber: number;
  cells: Partial<Record<ResultColumn, string>>;
  letters: Partial<Record<ResultColumn, string>>;
};

export type ResultLineProblem = { line: number; column: string | null; message: string };

export type ParentResults = { indicators: ResultIndicator[]; problems: ResultLineProblem[] };

/**
 * The indicators of each parent row, checked, with each problem at its line and column;
 * `orphans` are lines whose parent row is not in `parentRows` (reported, not read).
 */
export function resultsByParentRow(
  lines: ResultLine[],
  parentRows: Map<number, Language>,
  lang: Language,
): { byRow: Map<number, ParentResults>; orphans: Array<{ line: number; row: string }> } {
  const grouped = new Map<
    number,
    { indicators: Map<string, RawIndicator>; lines: Map<string, ResultLine> }
  >();
  const orphans: Array<{ line: number; row: string }> = [];
  for (const line of lines) {
    const rowText = (line.cells.row ?? '').trim();
    const row = /^\d+$/.test(rowText) ? Number(rowText) : Number.NaN;
    if (!parentRows.has(row)) {
      orphans.push({ line: line.rowNumber, row: rowText });
      continue;
    }
    const group = grouped.get(row) ?? { indicators: new Map(), lines: new Map() };
    grouped.set(row, group);
    const cell = (column: ResultColumn) => line.cells[column] ?? '';
    const name = `${loose(cell('type'))}|${loose(cell('title'))}`;
    const sameTitle = [...group.indicators.entries()].find(
      ([key]) => key.split('|')[1] === loose(cell('title')) && (!cell('type') || key === name),
    );
    const period: RawPeriod = {
      key: `p${line.rowNumber}`,
      start: cell('start'),
      end: cell('end'),
      target: cell('target'),
      actual: cell('actual'),
    };
    if (sameTitle) {
      sameTitle[1].periods.push(period);
      group.lines.set(period.key, line);
      continue;
    }
    const indicator: RawIndicator = {
      key: `i${line.rowNumber}`,
      type: codeOf(cell('type'), resultTypes, resultTypeName),
      title: cell('title'),
      language: languageOf(cell('language')),
      measure: codeOf(cell('measure'), resultMeasures, measureName),
      baselineYear: cell('baselineYear'),
      baselineValue: cell('baselineValue'),
      source: cell('source'),
      periods: [period],
    };
    if (isBlankIndicator(indicator)) continue;
    group.indicators.set(name, indicator);
    group.lines.set(indicator.key, line);
    group.lines.set(period.key, line);
  }
  const byRow = new Map<number, ParentResults>();
  const text = resultsText(lang);
  for (const [row, group] of grouped) {
    const raw = [...group.indicators.values()];
    const checked = validateResults(raw, lang, parentRows.get(row) ?? lang);
    if (checked.ok) {
      byRow.set(row, { indicators: checked.value, problems: [] });
      continue;
    }
    const problems: ResultLineProblem[] = [];
    for (const [field, message] of Object.entries(checked.errors)) {
      const [key, ...rest] = field.split('-');
      const column = rest.join('-') as ResultColumn;
      const line = group.lines.get(key ?? '');
      const letter = line?.letters[column] ?? null;
      const shown =
        column === 'type' && line?.cells.type
          ? text('resultTextUnknown', {
              value: line.cells.type,
              choices: resultTypes.map((type) => resultTypeName(type, lang)).join('; '),
            })
          : column === 'measure' && line?.cells.measure
            ? text('resultTextUnknown', {
                value: line.cells.measure,
                choices: resultMeasures.map((measure) => measureName(measure, lang)).join('; '),
              })
            : message;
      problems.push({
        line: line?.rowNumber ?? 0,
        column: letter,
        message: text('resultLineProblem', {
          line: line?.rowNumber ?? 0,
          column: letter ?? resultColumnHeader(column, lang),
          message: shown,
        }),
      });
    }
    byRow.set(row, { indicators: [], problems: problems.sort((a, b) => a.line - b.line) });
  }
  return { byRow, orphans };
}
