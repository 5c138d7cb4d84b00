import type { Language } from '../../i18n/languages.ts';
import type { reportStatuses, revisionKinds } from '../schema.ts';
import { versionText } from './messages.ts';

/**
 * A report's life: a draft (its party's reporters write it), submitted (the Secretariat reviews
 * it), returned with comments (back with the reporters), published (public, frozen as a snapshot).
 * A published report is corrected or completed by a corrigendum or an addendum: a new report of
 * the same family, which goes through the same statuses.
 */
export type ReportStatus = (typeof reportStatuses)[number];

/** 'original', or a numbered 'corrigendum', 'addendum' or 'revision' of a published original. */
export type RevisionKind = (typeof revisionKinds)[number];

/** A reporter changes a report only while it is theirs to change: before submission, or once returned. */
export const editableStatuses: readonly ReportStatus[] = ['draft', 'returned'];

export const isEditable = (report: { status: ReportStatus }) => editableStatuses.includes(report.status);

/** "Original", "Corrigendum 1", "Addendum 2". */
export function revisionLabel(lang: Language, kind: RevisionKind, number: number): string {
  return versionText(lang)(kind, { number });
}
