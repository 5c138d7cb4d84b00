/*
 * Atom 1.0 (RFC 4287) feed of published Art. 67 reports. xmlbuilder2 (MIT, pure JS) writes the XML
 * so every party name, symbol and narrative is escaped; it is the same library as the IATI export.
 */
import { and, desc, eq, exists, sql } from 'drizzle-orm';
import { create } from 'xmlbuilder2';
import { activityBeneficiaries } from '../activities/schema.ts';
import type { Db } from '../db/database.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { ReferenceLabels } from '../reference/labels.ts';
import { reportActivities, reports } from '../reports/schema.ts';
import { feedText } from './messages.ts';

const atomNamespace = 'http://www.w3.org/2005/Atom';

export type FeedReport = {
  id: number;
  reportingParty: string;
  periodStart: string;
  periodEnd: string;
  symbol: string | null;
  originalLanguage: Language;
  circulationDate: string | null;
  /** Corrigenda and addenda are entries of their own, titled as such. */
  revisionKind?: 'original' | 'corrigendum' | 'addendum' | 'revision';
  revisionNumber?: number;
  /** Art. 67 unless said: an Art. 66.2 report is titled as such. */
  kind?: 'art67' | 'art66-2';
  /** The first narrative paragraph, in the report's original language. */
  firstParagraph: string | null;
  /** ISO 8601 timestamp of the last change. */
  updatedAt: string;
};

export type FeedFilters = {
  /** Only reports of this party (code). */
  reporter?: string;
  /** Only reports listing at least one activity with this beneficiary party (code). */
  beneficiary?: string;
};

export const maxFeedEntries = 200;

/** Published reports, most recently changed first, for a feed. */
export async function listPublishedReportsForFeed(
  db: Db,
  { reporter, beneficiary, limit = 50 }: FeedFilters & { limit?: number },
): Promise<FeedReport[]> {
  const reporterCode = reporter?.trim().toUpperCase();
  const beneficiaryCode = beneficiary?.trim().toUpperCase();
  const listsBeneficiary = beneficiaryCode
    ? exists(
        db
          .select({ one: sql`1` })
          .from(reportActivities)
          .innerJoin(activityBeneficiaries, eq(activityBeneficiaries.activityId, reportActivities.activityId))
          .where(
            and(
              eq(reportActivities.reportId, reports.id),
              eq(activityBeneficiaries.partyCode, beneficiaryCode),
            ),
          ),
      )
    : undefined;
  const rows = await db
    .select({
      id: reports.id,
      reportingParty: reports.reportingPartyCode,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      symbol: reports.symbol,
      originalLanguage: reports.originalLanguage,
      circulationDate: reports.circulationDate,
      revisionKind: reports.revisionKind,
      revisionNumber: reports.revisionNumber,
      kind: reports.kind,
      firstParagraph: sql<string | null>`${reports.narrative} ->> 0`,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .where(
      and(
        eq(reports.status, 'published'),
        reporterCode ? eq(reports.reportingPartyCode, reporterCode) : undefined,
        listsBeneficiary,
      ),
    )
    .orderBy(desc(reports.updatedAt), desc(reports.id))
    .limit(Math.min(Math.max(Math.trunc(limit) || 1, 1), maxFeedEntries));
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt).toISOString() }));
}

/** "Report of Canada, 2020–2021", "Rapport du Canada, 2020–2021": `ofParty` is labels.partyIn(code, lang, 'of'). */
export function reportEntryTitle(
  lang: Language,
  ofParty: string,
  period: string,
  kind: FeedReport['kind'] = 'art67',
): string {
  return feedText(lang)(kind === 'art66-2' ? 'art66ReportOf' : 'reportOf', { ofParty, period });
}

/** The WTO keeps the Latin words in its three languages: "Corrigendum 1", "Addendum 2". */
export function revisionSuffix(report: Pick<FeedReport, 'revisionKind' | 'revisionNumber'>): string {
  if (!report.revisionKind || report.revisionKind === 'original') return '';
  const word = { corrigendum: 'Corrigendum', addendum: 'Addendum', revision: 'Revision' }[
    report.revisionKind
  ];
  return ` — ${word} ${report.revisionNumber}`;
}

export type ReportsFeedInput = {
  reports: FeedReport[];
  labels: ReferenceLabels;
  lang: Language;
  /** Site root without a trailing slash. */
  baseUrl: string;
  filters: FeedFilters;
  /** The feed's own address; by default `${baseUrl}/${lang}/reports/feed.atom` with the filters. */
  selfUrl?: string;
  /** Used for <updated> when there is no entry. */
  now?: Date;
};

/** The Atom document of a list of published reports, in one interface language. */
export function reportsAtomFeed({
  reports: list,
  labels,
  lang,
  baseUrl,
  filters,
  selfUrl,
  now,
}: ReportsFeedInput): string {
  const query = new URLSearchParams();
  if (filters.reporter) query.set('reporter', filters.reporter);
  if (filters.beneficiary) query.set('beneficiary', filters.beneficiary);
  const self = selfUrl ?? `${baseUrl}/${lang}/reports/feed.atom${query.size > 0 ? `?${query}` : ''}`;

  const narrowedTo = [
    filters.reporter ? labels.partyName(filters.reporter, lang) : null,
    filters.beneficiary
      ? feedText(lang)('beneficiaryIs', { party: labels.partyName(filters.beneficiary, lang) })
      : null,
  ].filter(Boolean);
  // ISO timestamps sort as text; an empty feed still needs an <updated>.
  const updated =
    list
      .map((report) => report.updatedAt)
      .sort()
      .at(-1) ?? (now ?? new Date()).toISOString();

  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  // A browser that opens the feed styles it with CSS (no XSLT) and shows the subtitle's sentence.
  document.ins('xml-stylesheet', 'type="text/css" href="/static/feed.css"');
  const feed = document.ele(atomNamespace, 'feed', { 'xml:lang': lang });
  feed.ele('id').txt(self);
  feed.ele('title').txt([feedText(lang)('feedTitle'), ...narrowedTo].join(' — '));
  feed.ele('subtitle').txt(feedText(lang)('feedSubtitle', { page: `${baseUrl}/${lang}/reports` }));
  feed.ele('updated').txt(updated);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: self });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${baseUrl}/${lang}/reports` });
  feed.ele('author').ele('name').txt('ipcoop');
  feed.ele('generator').txt('ipcoop');

  for (const report of list) {
    const url = `${baseUrl}/${lang}/reports/${report.id}`;
    const party = labels.partyName(report.reportingParty, lang);
    const entry = feed.ele('entry');
    entry.ele('id').txt(url);
    const title = reportEntryTitle(
      lang,
      labels.partyIn(report.reportingParty, lang, 'of'),
      formatPeriod(report.periodStart, report.periodEnd),
      report.kind,
    );
    entry.ele('title').txt(`${title}${revisionSuffix(report)}`);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: url });
    entry.ele('updated').txt(report.updatedAt);
    if (report.circulationDate) entry.ele('published').txt(`${report.circulationDate}T00:00:00Z`);
    entry.ele('author').ele('name').txt(party);
    entry.ele('category', { term: report.reportingParty, label: party });
    // The narrative is in the report's own language, which may not be the feed's.
    const summary = report.firstParagraph?.trim();
    if (summary) entry.ele('summary', { type: 'text', 'xml:lang': report.originalLanguage }).txt(summary);
  }
  return document.end({ prettyPrint: true });
}
