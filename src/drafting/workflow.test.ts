import { describe, expect, it } from 'vitest';
import type { Account } from '../accounts/service.ts';
import { isStillOngoing } from './carry-forward.ts';
import {
  canEditReport,
  canReadReportDraft,
  narrativeFromText,
  narrativeToText,
  periodFromYears,
} from './workflow.ts';

const account = (
  roles: Array<{ role: 'reporter' | 'secretariat' | 'admin'; partyCode?: string }>,
): Account => ({
  id: 1,
  email: 'someone@example.org',
  displayName: 'someone',
  preferredLanguage: 'en',
  disabled: false,
  roles: roles.map((r) => ({
    role: r.role,
    partyCode: r.partyCode ?? null,
    agencyId: null,
    participantId: null,
  })),
});

describe('who may read and change a report', () => {
  const canada = account([{ role: 'reporter', partyCode: 'CAN' }]);
  const japan = account([{ role: 'reporter', partyCode: 'JPN' }]);
  const secretariat = account([{ role: 'secretariat' }]);

  it('lets the party’s reporters read every status, the Secretariat once handed over, nobody else', () => {
    for (const status of ['draft', 'submitted', 'returned', 'published'] as const) {
      const report = { reportingPartyCode: 'CAN', status };
      expect(canReadReportDraft(canada, report)).toBe(true);
      expect(canReadReportDraft(japan, report)).toBe(false);
      expect(canReadReportDraft(secretariat, report)).toBe(status !== 'draft');
      expect(canReadReportDraft(null, report)).toBe(false);
    }
  });

  it('lets reporters change drafts and returned reports only', () => {
    expect(canEditReport(canada, { reportingPartyCode: 'CAN', status: 'draft' })).toBe(true);
    expect(canEditReport(canada, { reportingPartyCode: 'CAN', status: 'returned' })).toBe(true);
    expect(canEditReport(canada, { reportingPartyCode: 'CAN', status: 'submitted' })).toBe(false);
    expect(canEditReport(canada, { reportingPartyCode: 'CAN', status: 'published' })).toBe(false);
    expect(canEditReport(secretariat, { reportingPartyCode: 'CAN', status: 'draft' })).toBe(false);
  });
});

describe('carry forward', () => {
  const start = '2021-01-01';
  it('keeps what has no end, or ends in or after the new period, unless completed or cancelled', () => {
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: null }, start)).toBe(true);
    expect(isStillOngoing({ endDate: '2021-01-01', endPrecision: 'day', status: 'ongoing' }, start)).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-12-31', endPrecision: 'day', status: null }, start)).toBe(false);
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: 'completed' }, start)).toBe(false);
    expect(isStillOngoing({ endDate: null, endPrecision: null, status: 'cancelled' }, start)).toBe(false);
  });

  it('reads an end known to the month or year as its last day', () => {
    expect(isStillOngoing({ endDate: '2020-01-01', endPrecision: 'year', status: null }, '2020-07-01')).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-06-30')).toBe(
      true,
    );
    expect(isStillOngoing({ endDate: '2020-06-01', endPrecision: 'month', status: null }, '2020-07-01')).toBe(
      false,
    );
  });
});

describe('periods and narratives', () => {
  it('stores periods as whole calendar years, like the demo report', () => {
    expect(periodFromYears(2021, 2022)).toEqual({ periodStart: '2021-01-01', periodEnd: '2022-12-31' });
  });

  it('splits paragraphs on blank lines only, whatever the line endings', () => {
    const text = 'First line\r\nstill first.\r\n\r\n  \r\nSecond.\n\n\nThird.  ';
    expect(narrativeFromText(text)).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
    expect(narrativeFromText(narrativeToText(['a', 'b']))).toEqual(['a', 'b']);
    expect(narrativeFromText('  \n\n ')).toEqual([]);
  });
});
