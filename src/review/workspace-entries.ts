import { isSecretariat } from '../accounts/policy.ts';
import {
  countText,
  type WorkspaceEntries,
  type WorkspaceItem,
  workspaceItemLimit,
} from '../accounts/workspace-entries.ts';
import type { Db } from '../db/database.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { reviewText } from './messages.ts';
import { type QueueItem, returnedReports, reviewQueue } from './service.ts';

/**
 * The Secretariat's workspace: reports submitted and waiting for review, and reports returned
 * and waiting on their party; then the Secretariat's pages.
 */
export function reviewWorkspaceEntries(db: Db, labels: () => Promise<ReferenceLabels>): WorkspaceEntries {
  return async (account, lang) => {
    if (!isSecretariat(account)) return { cards: [], links: [] };
    const t = reviewText(lang);
    const [queue, returned, names] = await Promise.all([reviewQueue(db), returnedReports(db), labels()]);
    const item = (report: QueueItem, detailKey: 'workspaceSubmittedOn' | 'workspaceSubmittedBefore') =>
      ({
        href: `/${lang}/secretariat/reports/${report.id}`,
        label: t(report.kind === 'art66-2' ? 'art66ReportOf' : 'reportOf', {
          ofParty: names.partyIn(report.reportingPartyCode, lang, 'of'),
          period: formatPeriod(report.periodStart, report.periodEnd),
        }),
        detail: report.submittedAt
          ? t(detailKey, { date: formatDate(lang, report.submittedAt.toISOString()) ?? '' })
          : undefined,
      }) satisfies WorkspaceItem;
    const queueLink = { href: `/${lang}/secretariat/reports`, label: t('navReview') };
    return {
      cards: [
        {
          title: t('workspaceAwaitingReview'),
          count: queue.length,
          countText: countText(lang, queue.length, {
            one: t('workspaceAwaitingOne'),
            other: t('workspaceAwaitingOther'),
          }),
          needsAction: queue.length > 0,
          items: queue.slice(0, workspaceItemLimit).map((report) => item(report, 'workspaceSubmittedOn')),
          link: queueLink,
        },
        {
          title: t('workspaceWithParty'),
          count: returned.length,
          countText: countText(lang, returned.length, {
            one: t('workspaceWithPartyOne'),
            other: t('workspaceWithPartyOther'),
          }),
          needsAction: false,
          items: returned
            .slice(0, workspaceItemLimit)
            .map((report) => item(report, 'workspaceSubmittedBefore')),
          link: { href: `/${lang}/secretariat/cycles`, label: t('navCycles') },
        },
      ],
      links: [
        queueLink,
        { href: `/${lang}/secretariat/cycles`, label: t('navCycles') },
        { href: `/${lang}/secretariat/audit`, label: t('navAudit') },
        { href: `/${lang}/secretariat/settings`, label: t('navSettings') },
      ],
    };
  };
}
