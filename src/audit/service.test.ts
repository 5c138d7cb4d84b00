import { describe, expect, it } from 'vitest';
import { type AuditRow, auditCsv, compactDiff, parseAuditFilters, shortValue } from './service.ts';

const row = (extra: Partial<AuditRow>): AuditRow => ({
  id: 1,
  at: new Date('2024-05-01T10:00:00Z'),
  userId: null,
  actor: 'sec@wto.example',
  action: 'update',
  tableName: 'activities',
  recordId: '7',
  before: null,
  after: null,
  note: null,
  ...extra,
});

describe('audit trail helpers', () => {
  it('keeps only the keys that changed', () => {
    expect(compactDiff({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', d: true })).toEqual([
      { key: 'b', before: 'x', after: 'y' },
      { key: 'c', before: '[1]', after: null },
      { key: 'd', before: null, after: 'true' },
    ]);
    expect(compactDiff(null, { status: 'published' })).toEqual([
      { key: 'status', before: null, after: 'published' },
    ]);
    expect(compactDiff('a', 'b')).toEqual([{ key: 'value', before: 'a', after: 'b' }]);
    expect(shortValue('x'.repeat(300))).toHaveLength(120);
  });

  it('checks the filters and says which one is wrong', () => {
    expect(parseAuditFilters({ user: ' SEC ', page: '3' })).toEqual({
      filters: { user: 'SEC', table: '', record: '', action: '', from: '', to: '', page: 3 },
    });
    const bad = parseAuditFilters({ from: '2024-02-30', to: '2024-01-01', page: '0' });
    expect('problems' in bad && bad.problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'from:dateInvalid',
      'page:pageInvalid',
    ]);
    const month = parseAuditFilters({ to: '2024-13-01' });
    expect('problems' in month && month.problems).toEqual([{ field: 'to', problem: 'dateInvalid' }]);
    // JavaScript takes year 0 for a date; PostgreSQL does not.
    const yearZero = parseAuditFilters({ from: '0000-01-01' });
    expect('problems' in yearZero && yearZero.problems).toEqual([{ field: 'from', problem: 'dateInvalid' }]);
    const order = parseAuditFilters({ from: '2024-02-01', to: '2024-01-01' });
    expect('problems' in order && order.problems).toEqual([{ field: 'to', problem: 'dateOrder' }]);
    // A year or a month alone: "from 2024-02 to 2024-02" is all of February.
    expect(parseAuditFilters({ from: '2024', to: '2024-02' })).not.toHaveProperty('problems');
    const sameMonth = parseAuditFilters({ from: '2024-02', to: '2024-02' });
    expect(sameMonth).not.toHaveProperty('problems');
  });

  it('writes CSV cells a spreadsheet cannot run', () => {
    const csv = auditCsv([
      row({
        actor: '=HYPERLINK("http://evil.example","click")',
        recordId: '+1',
        before: { title: 'a' },
        after: { title: '@SUM(1)' },
        note: '-2',
      }),
    ]);
    expect(csv.startsWith('\uFEFFat,actor,action,table,record_id,changes,before,after,note\r\n')).toBe(true);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(line).toContain(",'+1,");
    expect(line).toContain(",'-2");
    expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
  });
});
