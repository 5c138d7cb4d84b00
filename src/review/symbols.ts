import { and, eq, like, ne } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { parseDocumentSymbol } from '../reports/document-symbol.ts';
import type { ReportKind } from '../reports/incentives/taxonomy.ts';
import { reports } from '../reports/schema.ts';
import { settings } from '../settings/schema.ts';

/**
 * Symbols belong to a series per kind of report and party: Art. 67 reports are numbered
 * IP/C/R/TC/{code}/{n}, Art. 66.2 reports IP/C/R/TTI/{code}/{n}, each pattern in its own settings
 * row; every function below takes the pattern of the series it works in.
 */
export type SymbolSeries = ReportKind;

/** The settings row holding the pattern of the Art. 67 series. */
export const symbolPatternKey = 'symbolPattern';
/** The WTO's own pattern: IP/C/R/TC/CAN/4 is Canada's fourth report. */
export const defaultSymbolPattern = 'IP/C/R/TC/{code}/{n}';

/** The settings row holding the pattern of the Art. 66.2 series. */
export const ttiSymbolPatternKey = 'symbolPatternArt66_2';
/** The WTO's pattern for Art. 66.2 reports: IP/C/R/TTI/CAN/3 is Canada's third. */
export const defaultTtiSymbolPattern = 'IP/C/R/TTI/{code}/{n}';

const seriesSettings: Record<SymbolSeries, { key: string; pattern: string }> = {
  art67: { key: symbolPatternKey, pattern: defaultSymbolPattern },
  'art66-2': { key: ttiSymbolPatternKey, pattern: defaultTtiSymbolPattern },
};
export const maxSymbolPatternLength = 100;

export type SymbolPatternProblem =
  | 'required'
  | 'tooLong'
  | 'badCharacters'
  | 'needsCode'
  | 'needsOneNumber'
  | 'unknownPlaceholder';

/** Why a pattern cannot be used, or null. {n} must appear once: the next number is read back from it. */
export function symbolPatternProblem(pattern: string): SymbolPatternProblem | null {
  if (pattern.trim() === '') return 'required';
  if (pattern.length > maxSymbolPatternLength) return 'tooLong';
  // Symbols go into file names, URLs and CSV cells: no spaces or control characters.
  if (/[\s\p{Cc}]/u.test(pattern)) return 'badCharacters';
  if (!pattern.includes('{code}')) return 'needsCode';
  if (pattern.split('{n}').length !== 2) return 'needsOneNumber';
  if (/\{(?!code\}|n\})/.test(pattern.replaceAll('{code}', '').replaceAll('{n}', '')))
    return 'unknownPlaceholder';
  return null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches the symbols the pattern gives one party; group 1 is the number. With `revisions`, also
 * its corrigenda, addenda and revisions (IP/C/R/TC/CAN/4/Corr.1 still tells that /4 is taken).
 */
function symbolMatcher(pattern: string, code: string, revisions = false): RegExp {
  const [before = '', after = ''] = pattern.replaceAll('{code}', code).split('{n}');
  const suffix = revisions ? '(?:/(?:Add|Corr|Rev|Suppl)\\.\\d+)*' : '';
  return new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}${suffix}$`);
}

/** Whether a symbol is one of the party's original symbols in the series (any number). */
export const isInSeries = (pattern: string, code: string, symbol: string) =>
  symbolMatcher(pattern, code).test(symbol);

/** The symbol the pattern gives the party's report number n. */
export const seriesSymbol = (pattern: string, code: string, n: number) =>
  pattern.replaceAll('{code}', code).replace('{n}', String(n));

/** The text every symbol of this party starts with, for a LIKE query. */
export function symbolPrefix(pattern: string, code: string): string {
  return pattern.replaceAll('{code}', code).split('{n}')[0] ?? '';
}

/**
 * The party's next symbol: one more than the highest number among the symbols it already has in
 * the series (imported ones and revisions included). Null when none is known: the numbering of a
 * party's reports began long before this registry, so the officer sets the number rather than a
 * silent /1.
 */
export function nextSymbol(pattern: string, code: string, existing: string[]): string | null {
  const matcher = symbolMatcher(pattern, code, true);
  const highest = existing.reduce((max, symbol) => {
    const match = matcher.exec(symbol);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return highest === 0 ? null : seriesSymbol(pattern, code, highest + 1);
}

const revisionWords = { corrigendum: 'Corr', addendum: 'Add', revision: 'Rev' } as const;

/** A corrigendum, addendum or revision carries the original's symbol: IP/C/R/TC/CAN/4/Corr.1, …/Rev.1. */
export function revisionSymbol(
  originalSymbol: string,
  kind: keyof typeof revisionWords,
  number: number,
): string {
  return `${originalSymbol}/${revisionWords[kind]}.${number}`;
}

export type SymbolProblem = 'required' | 'notInSeries' | 'notASymbol' | 'taken';

/**
 * A symbol the officer typed at publication: the party's series (any number the officer chooses);
 * written as WTO writes it when it is a WTO symbol.
 */
export function checkPublicationSymbol(
  typed: string,
  pattern: string,
  code: string,
): { symbol: string } | { problem: SymbolProblem } {
  const value = typed.trim();
  if (value === '') return { problem: 'required' };
  const symbol = parseDocumentSymbol(value)?.symbol ?? value;
  return isInSeries(pattern, code, symbol) ? { symbol } : { problem: 'notInSeries' };
}

/**
 * A symbol given to a report imported without one: any WTO symbol of an Art. 67 report, legacy
 * series included (IP/C/W/584/Add.3, IP/C/R/TC/CAN/Add.1), or one of the party's series.
 */
export function checkGivenSymbol(
  typed: string,
  pattern: string,
  code: string,
): { symbol: string } | { problem: SymbolProblem } {
  const value = typed.trim();
  if (value === '') return { problem: 'required' };
  const parsed = parseDocumentSymbol(value);
  if (parsed) return { symbol: parsed.symbol };
  return isInSeries(pattern, code, value) ? { symbol: value } : { problem: 'notASymbol' };
}

/** Whether another report already has this symbol. */
export async function symbolTaken(db: Db, symbol: string, exceptReportId: number): Promise<boolean> {
  const [holder] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.symbol, symbol), ne(reports.id, exceptReportId)));
  return holder !== undefined;
}

/** The pattern in force for a series: the stored setting when it is usable, else the default. */
export async function loadSymbolPattern(db: Db, series: SymbolSeries = 'art67'): Promise<string> {
  const { key, pattern } = seriesSettings[series];
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const value = row?.value;
  return typeof value === 'string' && symbolPatternProblem(value) === null ? value : pattern;
}

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The next original symbol for a party in a series, from the symbols already given; null when none is known. */
export async function allocateSymbol(
  db: Db,
  code: string,
  patternToUse?: string,
  series: SymbolSeries = 'art67',
): Promise<string | null> {
  const pattern = patternToUse ?? (await loadSymbolPattern(db, series));
  const rows = await db
    .select({ symbol: reports.symbol })
    .from(reports)
    .where(like(reports.symbol, `${likeLiteral(symbolPrefix(pattern, code))}%`));
  return nextSymbol(
    pattern,
    code,
    rows.flatMap((row) => (row.symbol ? [row.symbol] : [])),
  );
}

/** Stores a series' pattern the caller has checked with symbolPatternProblem(). */
export async function saveSymbolPattern(
  db: Db,
  actor: Actor,
  pattern: string,
  series: SymbolSeries = 'art67',
): Promise<void> {
  const { key } = seriesSettings[series];
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
    if (before?.value === pattern) return;
    const [after] = await tx
      .insert(settings)
      .values({ key, value: pattern })
      .onConflictDoUpdate({ target: settings.key, set: { value: pattern, ...touch(settings) } })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      table: 'settings',
      id: key,
      before: before ? { value: before.value, version: before.version } : null,
      after: after ? { value: after.value, version: after.version } : null,
    });
  });
}
