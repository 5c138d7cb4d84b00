import { reportingParties } from '../accounts/policy.ts';
import {
  countText,
  type WorkspaceCard,
  type WorkspaceEntries,
  workspaceItemLimit,
} from '../accounts/workspace-entries.ts';
import type { Db } from '../db/database.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { draftPath, reportTitle } from './components.tsx';
import { draftingText } from './messages.ts';
import { reportsOfParties, unansweredComments } from './service.ts';

/**
 * A reporter's workspace: their drafts, and the reports the Secretariat returned with the number
 * of comments still to answer; then the link to all their reports.
 */
export function draftingWorkspaceEntries(db: Db, labels: () => Promise<ReferenceLabels>): WorkspaceEntries {
  return async (account, lang) => {
    const parties = reportingParties(account);
    if (parties.length === 0) return { cards: [], links: [] };
    const text = draftingText(lang);
    const [reports, names] = await Promise.all([reportsOfParties(db, parties), labels()]);
    const drafts = reports.filter((report) => report.status === 'draft');
    const returned = reports.filter((report) => report.status === 'returned');
    const comments = await unansweredComments(
      db,
      returned.map((report) => report.id),
    );
    const all = { href: `/${lang}/drafting`, label: text('workspaceAllReports') };
    const cards: WorkspaceCard[] = [
      {
        title: text('workspaceReturned'),
        count: returned.length,
        countText: countText(lang, returned.length, {
          one: text('workspaceReturnedOne'),
          other: text('workspaceReturnedOther'),
        }),
        needsAction: returned.length > 0,
        items: returned.slice(0, workspaceItemLimit).map((report) => {
          const waiting = comments.get(report.id) ?? 0;
          return {
            href: draftPath(lang, report.id),
            label: reportTitle(lang, names, report),
            detail: countText(lang, waiting, {
              one: text('workspaceCommentsOne'),
              other: text('workspaceCommentsOther'),
            }),
          };
        }),
        link: all,
      },
      {
        title: text('workspaceDrafts'),
        count: drafts.length,
        countText: countText(lang, drafts.length, {
          one: text('workspaceDraftsOne'),
          other: text('workspaceDraftsOther'),
        }),
        needsAction: drafts.length > 0,
        items: drafts.slice(0, workspaceItemLimit).map((report) => ({
          href: draftPath(lang, report.id),
          label: reportTitle(lang, names, report),
          detail: countText(lang, report.activityCount, {
            one: text('workspaceProgrammesOne'),
            other: text('workspaceProgrammesOther'),
          }),
        })),
        link: { href: `/${lang}/drafting`, label: text('workspaceStartReport') },
      },
    ];
    return { cards, links: [{ href: `/${lang}/drafting`, label: text('workspaceLink') }] };
  };
}
