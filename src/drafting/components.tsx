import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../http/layout.tsx';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import type { ReportKind } from '../reports/incentives/taxonomy.ts';
import type { ReportStatus } from '../reports/lifecycle/status.ts';
import { revisionLabel } from '../reports/lifecycle/status.ts';
import { type DraftingMessageKey, draftingText } from './messages.ts';
import type { Grouping, ReportHeader } from './report.ts';

/** Pieces shared by the drafting pages. */

type Common = { page: PageContext; labels: ReferenceLabels };

export const draftPath = (lang: Language, reportId: number) => `/${lang}/drafting/reports/${reportId}`;

const statusKeys: Record<ReportStatus, DraftingMessageKey> = {
  draft: 'statusDraft',
  submitted: 'statusSubmitted',
  returned: 'statusReturned',
  published: 'statusPublished',
};
export const statusLabel = (lang: Language, status: ReportStatus) => draftingText(lang)(statusKeys[status]);

export const groupingKeys: Record<Grouping, DraftingMessageKey> = {
  'level-agency': 'groupingLevelAgency',
  level: 'groupingLevel',
  agency: 'groupingAgency',
  none: 'groupingNone',
};

/** "Report of Canada, 2021–2022" (Art. 66.2: "Article 66.2 report of Canada, …") and, for a revision, " — Corrigendum 1". */
export function reportTitle(
  lang: Language,
  labels: ReferenceLabels,
  report: Pick<
    ReportHeader,
    'reportingPartyCode' | 'periodStart' | 'periodEnd' | 'revisionKind' | 'revisionNumber'
  > & { kind?: ReportKind },
): string {
  const params = {
    ofParty: labels.partyIn(report.reportingPartyCode, lang, 'of'),
    period: formatPeriod(report.periodStart, report.periodEnd),
  };
  // "Article 66.2 report of Canada, 2021–2022" for the other kind of report.
  const title =
    report.kind === 'art66-2'
      ? draftingText(lang)('art66ReportOf', params)
      : draftingText(lang)('draftTitle', params);
  return report.revisionKind === 'original'
    ? title
    : `${title} — ${revisionLabel(lang, report.revisionKind, report.revisionNumber)}`;
}

/** The Secretariat's comments on one part of the report, beside it. */
export function CommentsAside<C extends { id: number; body: string; createdAt: Date }>(props: {
  page: PageContext;
  comments: C[];
  /** Shown under each comment, e.g. the reporter's answer form. */
  after?: (comment: C) => Child;
  /** What the comments are about ("Narrative", a programme's title): each aside needs its own name. */
  about?: string;
}) {
  if (props.comments.length === 0) return null;
  const text = draftingText(props.page.lang);
  return (
    <aside
      class="note"
      aria-label={props.about ? `${text('secretariatComment')} — ${props.about}` : text('secretariatComment')}
    >
      {props.comments.map((comment) => (
        <div>
          <p>
            <strong>{text('secretariatComment')}</strong>{' '}
            <span class="muted">{formatDate(props.page.lang, comment.createdAt.toISOString())}</span>
          </p>
          {comment.body.split(/\n+/).map((line) => (
            <p>{line}</p>
          ))}
          {props.after?.(comment)}
        </div>
      ))}
    </aside>
  );
}

/** 409: the report is submitted or published; drafting actions are closed. */
export function LockedPage(props: Common & { report: ReportHeader }) {
  const { page, report } = props;
  const text = draftingText(page.lang);
  return (
    <Layout page={page} title={text('lockedTitle')}>
      <h1>{text('lockedTitle')}</h1>
      <p>{text('lockedText', { status: statusLabel(page.lang, report.status) })}</p>
      <p>
        <a href={draftPath(page.lang, report.id)}>{text('backToDraft')}</a>
      </p>
    </Layout>
  );
}
