import { and, asc, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { neutraliseFormula } from '../exports/columns.ts';
import { csvLine } from '../exports/csv.ts';
import { lastDayCovered, parsePartialDate } from '../http/partial-date.ts';
import { auditLog } from './schema.ts';

export const auditPageSize = 50;
/** A CSV holds at most this many lines; narrow the filters for more. */
export const maxAuditCsvRows = 100_000;

export type AuditFilters = {
  user: string;
  table: string;
  record: string;
  action: string;
  /** ISO dates, inclusive, in UTC. */
  from: string;
  to: string;
  page: number;
};

export type AuditFilterProblem = {
  field: keyof AuditFilters;
  problem: 'tooLong' | 'dateInvalid' | 'dateOrder' | 'pageInvalid';
};

/**
 * The first (from) or last (to) day of a year, month or day typed as YYYY, YYYY-MM or YYYY-MM-DD,
 * real (2024-02-30 is not) and from 1900 on (http/partial-date.ts); null when it is none.
 */
const dayOf = (value: string, bound: 'from' | 'to'): string | null => {
  if (!value) return null;
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') return null;
  return bound === 'from' ? parsed.date : lastDayCovered(parsed);
};

/** The viewer's query string, checked; unknown parameters are ignored. */
export function parseAuditFilters(
  query: Record<string, string | undefined>,
): { filters: AuditFilters } | { filters: AuditFilters; problems: AuditFilterProblem[] } {
  const value = (name: string) => (query[name] ?? '').trim();
  const filters: AuditFilters = {
    user: value('user'),
    table: value('table'),
    record: value('record'),
    action: value('action'),
    from: value('from'),
    to: value('to'),
    page: 1,
  };
  const problems: AuditFilterProblem[] = [];
  for (const field of ['user', 'table', 'record', 'action'] as const) {
    if (filters[field].length > 320) problems.push({ field, problem: 'tooLong' });
  }
  for (const field of ['from', 'to'] as const) {
    if (filters[field] && !dayOf(filters[field], field)) problems.push({ field, problem: 'dateInvalid' });
  }
  const [from, to] = [dayOf(filters.from, 'from'), dayOf(filters.to, 'to')];
  if (from && to && from > to) {
    problems.push({ field: 'to', problem: 'dateOrder' });
  }
  const page = value('page');
  if (page) {
    if (/^\d{1,6}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
    else problems.push({ field: 'page', problem: 'pageInvalid' });
  }
  return problems.length > 0 ? { filters, problems } : { filters };
}

const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

function auditWhere(filters: AuditFilters): SQL | undefined {
  const [from, to] = [dayOf(filters.from, 'from'), dayOf(filters.to, 'to')];
  return and(
    filters.user ? ilike(auditLog.actor, `%${likeLiteral(filters.user)}%`) : undefined,
    filters.table ? eq(auditLog.tableName, filters.table) : undefined,
    filters.record ? eq(auditLog.recordId, filters.record) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    from ? gte(auditLog.at, sql`${from}::date`) : undefined,
    // Inclusive: everything before the day after the last day "to" covers.
    to ? lt(auditLog.at, sql`${to}::date + 1`) : undefined,
  );
}

export type AuditRow = typeof auditLog.$inferSelect;

/** One page of changes, newest first, and how many match. */
export async function auditPage(db: Db, filters: AuditFilters): Promise<{ total: number; rows: AuditRow[] }> {
  const where = auditWhere(filters);
  const [count, rows] = await Promise.all([
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(auditPageSize)
      .offset((filters.page - 1) * auditPageSize),
  ]);
  return { total: count[0]?.total ?? 0, rows };
}

/** Every matching change (up to the CSV limit), oldest first as a trail reads. */
export async function auditRowsForExport(db: Db, filters: AuditFilters): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(auditWhere(filters))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(maxAuditCsvRows);
}

/** Values the filter drop-downs offer. */
export async function auditChoices(db: Db): Promise<{ tables: string[]; actions: string[] }> {
  const [tables, actions] = await Promise.all([
    db.selectDistinct({ value: auditLog.tableName }).from(auditLog).orderBy(asc(auditLog.tableName)),
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
  ]);
  return { tables: tables.map((row) => row.value), actions: actions.map((row) => row.value) };
}

export type KeyChange = { key: string; before: string | null; after: string | null };

/** The keys whose values differ between before and after, with the raw values (undefined: absent). */
export function keyChanges(
  before: unknown,
  after: unknown,
): Array<{ key: string; before: unknown; after: unknown }> {
  const asRecord = (value: unknown): Record<string, unknown> =>
    isRecord(value) ? value : value === null || value === undefined ? {} : { value };
  const [b, a] = [asRecord(before), asRecord(after)];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((key) =>
    JSON.stringify(b[key]) === JSON.stringify(a[key])
      ? []
      : [{ key, before: key in b ? b[key] : undefined, after: key in a ? a[key] : undefined }],
  );
}

const maxValueLength = 120;

/** A value as short text: JSON, cut with an ellipsis past 120 characters. */
export function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys whose values differ between before and after, each side as short text (null: absent).
 * A value that is not an object (or nothing) counts as a single key "value".
 */
export function compactDiff(before: unknown, after: unknown): KeyChange[] {
  const asRecord = (value: unknown): Record<string, unknown> =>
    isRecord(value) ? value : value === null || value === undefined ? {} : { value };
  const [b, a] = [asRecord(before), asRecord(after)];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((key) => {
    const [was, is] = [b[key], a[key]];
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    return [{ key, before: key in b ? shortValue(was) : null, after: key in a ? shortValue(is) : null }];
  });
}

const changeText = (changes: KeyChange[]) =>
  changes.map((c) => `${c.key}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join('; ');

const csvHeader = ['at', 'actor', 'action', 'table', 'record_id', 'changes', 'before', 'after', 'note'];

/** UTF-8 with BOM, CRLF; every cell made safe so a spreadsheet shows it and never runs it. */
export function auditCsv(rows: AuditRow[]): string {
  const lines = [csvLine(csvHeader)];
  for (const row of rows) {
    const cells = [
      new Date(row.at).toISOString(),
      row.actor,
      row.action,
      row.tableName,
      row.recordId,
      changeText(compactDiff(row.before, row.after)),
      row.before === null ? '' : JSON.stringify(row.before),
      row.after === null ? '' : JSON.stringify(row.after),
      row.note ?? '',
    ];
    lines.push(csvLine(cells.map(neutraliseFormula)));
  }
  return `\uFEFF${lines.join('')}`;
}
