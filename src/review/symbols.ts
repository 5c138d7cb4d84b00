import { eq, like } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.ts';
import { touch } from '../db/columns.ts';
import { type Db, inTransaction } from '../db/database.ts';
import { reports } from '../reports/schema.ts';
import { settings } from '../settings/schema.ts';

/** The settings row holding the pattern of document symbols. */
export const symbolPatternKey = 'symbolPattern';
/** The WTO's own pattern: IP/C/R/TC/CAN/4 is Canada's fourth report. */
export const defaultSymbolPattern = 'IP/C/R/TC/{code}/{n}';
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

/** Matches the symbols the pattern gives one party; group 1 is the number. */
function symbolMatcher(pattern: string, code: string): RegExp {
  const [before = '', after = ''] = pattern.replaceAll('{code}', code).split('{n}');
  return new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}$`);
}

/** The text every symbol of this party starts with, for a LIKE query. */
export function symbolPrefix(pattern: string, code: string): string {
  return pattern.replaceAll('{code}', code).split('{n}')[0] ?? '';
}

/** The party's next symbol: one more than the highest number among the symbols it already has. */
export function nextSymbol(pattern: string, code: string, existing: string[]): string {
  const matcher = symbolMatcher(pattern, code);
  const highest = existing.reduce((max, symbol) => {
    const match = matcher.exec(symbol);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return pattern.replaceAll('{code}', code).replace('{n}', String(highest + 1));
}

/** A corrigendum or addendum carries the original's symbol: IP/C/R/TC/CAN/4/Corr.1. */
export function revisionSymbol(
  originalSymbol: string,
  kind: 'corrigendum' | 'addendum',
  number: number,
): string {
  return `${originalSymbol}/${kind === 'corrigendum' ? 'Corr' : 'Add'}.${number}`;
}

/** The pattern in force: the stored setting when it is usable, else the default. */
export async function loadSymbolPattern(db: Db): Promise<string> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, symbolPatternKey));
  const value = row?.value;
  return typeof value === 'string' && symbolPatternProblem(value) === null ? value : defaultSymbolPattern;
}

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** The next original symbol for a party, from the symbols already given (pattern: the one in force). */
export async function allocateSymbol(db: Db, code: string, patternToUse?: string): Promise<string> {
  const pattern = patternToUse ?? (await loadSymbolPattern(db));
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

/** Stores a pattern the caller has checked with symbolPatternProblem(). */
export async function saveSymbolPattern(db: Db, actor: Actor, pattern: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, symbolPatternKey)).for('update');
    if (before?.value === pattern) return;
    const [after] = await tx
      .insert(settings)
      .values({ key: symbolPatternKey, value: pattern })
      .onConflictDoUpdate({ target: settings.key, set: { value: pattern, ...touch(settings) } })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      table: 'settings',
      id: symbolPatternKey,
      before: before ? { value: before.value, version: before.version } : null,
      after: after ? { value: after.value, version: after.version } : null,
    });
  });
}
