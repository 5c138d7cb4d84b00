import { describe, expect, it } from 'vitest';
import type { Account } from '../../accounts/service.ts';
import { canEditReport, canReadReportDraft } from './access.ts';

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
