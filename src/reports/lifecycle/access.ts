import { isSecretariat, reportsFor } from '../../accounts/policy.ts';
import type { Account } from '../../accounts/service.ts';
import { isEditable, type ReportStatus } from './status.ts';

/** What the access rules need to know about a report. */
export type ReportAccess = { reportingPartyCode: string; status: ReportStatus };

/** The party's own reporters see its reports in every status. */
export const isReporterOf = (
  account: Account | null | undefined,
  report: Pick<ReportAccess, 'reportingPartyCode'>,
) => reportsFor(account, report.reportingPartyCode);

/**
 * Who may read a report that is not (yet) public: its party's reporters always; the Secretariat
 * once it has been handed over (submitted, returned with comments, or published), read-only.
 * Also used by the DOCX/PDF routes to serve a draft's document.
 */
export function canReadReportDraft(
  account: Account | null | undefined,
  report: { reportingPartyCode: string; status: string },
): boolean {
  if (isReporterOf(account, report)) return true;
  return isSecretariat(account) && report.status !== 'draft';
}

/** Changing the draft (narrative, activities, uploads) and submitting it. */
export const canEditReport = (account: Account | null | undefined, report: ReportAccess) =>
  isReporterOf(account, report) && isEditable(report);
