import { isSecretariat, reportsFor } from '../accounts/policy.ts';
import type { Account } from '../accounts/service.ts';
import type { reportStatuses } from '../reports/schema.ts';

export type ReportStatus = (typeof reportStatuses)[number];

/** What the drafting rules need to know about a report. */
export type ReportAccess = { reportingPartyCode: string; status: ReportStatus };

/** A reporter changes a report only while it is theirs to change: before submission, or once returned. */
export const editableStatuses: readonly ReportStatus[] = ['draft', 'returned'];

export const isEditable = (report: Pick<ReportAccess, 'status'>) => editableStatuses.includes(report.status);

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

/**
 * Reporting periods are stored as whole calendar years, as the demo's 2020–2021 report is
 * (2020-01-01 to 2021-12-31).
 */
export const periodFromYears = (startYear: number, endYear: number) => ({
  periodStart: `${String(startYear).padStart(4, '0')}-01-01`,
  periodEnd: `${String(endYear).padStart(4, '0')}-12-31`,
});

/** Paragraphs typed in one textarea, separated by blank lines; single line breaks stay inside a paragraph. */
export function narrativeFromText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

export const narrativeToText = (paragraphs: string[]) => paragraphs.join('\n\n');
