import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import { counted } from '../../i18n/plural.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { documentText } from '../../reports/document/messages.ts';
import type { NoteDocument } from '../../reports/document/note.ts';
import type { PublicDelivery } from '../delivery/service.ts';
import { type NeedsKey, needsText } from '../messages.ts';
import { responderText } from './labels.ts';
import { coverageText } from './messages.ts';
import { type CoveredNeed, coverageTotals, isOutstanding, type MemberCoverage } from './service.ts';

/**
 * The table by Member's column shares on a landscape page: the four counts wide enough for their
 * longest header word in any language ("Outstanding", "Satisfaits", "Necesidades"), never broken.
 */
export const byMemberWidths = [0.11, 0.1, 0.09, 0.1, 0.09, 0.18, 0.17, 0.16];

/**
 * The Secretariat's "met and outstanding" overview in one language, as a WTO note: the purpose
 * (IP/C/40), the totals, a table by Member with who responded, which needs activities address
 * and who delivered, then every outstanding need with the activities that address it, and every
 * need met. Needs and activities keep the language they were written in when no translation exists.
 */
export function coverageDocument(
  lang: Language,
  labels: ReferenceLabels,
  members: MemberCoverage[],
  needs: CoveredNeed[],
  addressing: Map<number, PublicDelivery[]>,
  today: Date,
): NoteDocument {
  const t = coverageText(lang);
  const n = needsText(lang);
  const doc = documentText(lang);
  const status = (key: string) => n(`status-${key}` as NeedsKey);
  const party = (code: string) => labels.partyName(code, lang);
  const date = (when: Date | null) =>
    (when ? formatDate(lang, when.toISOString().slice(0, 10)) : null) ?? '—';
  const totals = coverageTotals(members);
  const figure = (value: number) => formatNumber(lang, value);
  const byParty = (a: { partyCode: string }, b: { partyCode: string }) =>
    party(a.partyCode).localeCompare(party(b.partyCode), lang);
  const needRow = (need: CoveredNeed, last: string) => [
    party(need.partyCode),
    need.isSample
      ? t('sampleNeed', { title: textIn(need.title, lang, need.language) })
      : textIn(need.title, lang, need.language),
    need.kindsOfHelp.map((kind) => n(`kind-${kind}` as NeedsKey)).join(', '),
    last,
  ];
  const addressedBy = (need: CoveredNeed) =>
    (addressing.get(need.id) ?? [])
      .map((activity) => {
        const title = textIn(activity.title, lang, activity.originalLanguage);
        const donor = party(activity.donorCode);
        return activity.symbol
          ? t('addressingItem', { title, donor, symbol: activity.symbol })
          : t('addressingItemNoSymbol', { title, donor });
      })
      .join('; ') || '—';
  const outstanding = needs.filter((need) => isOutstanding(need.status)).sort(byParty);
  const met = needs.filter((need) => need.status === 'met').sort(byParty);
  const todayText = formatDate(lang, today.toISOString().slice(0, 10)) ?? '';
  return {
    lang,
    symbolLine: doc('draft'),
    date: todayText,
    council: doc('council'),
    original: doc('original', { language: labels.languageName(lang, lang) }),
    title: t('documentTitle'),
    subtitle: t('documentSubtitle'),
    warning: needs.some((need) => need.isSample) ? t('documentWarning') : null,
    pageNumber: doc('pageNumber'),
    paragraphs: [
      t('documentPurpose', { date: todayText }),
      t('documentTotals', {
        members: totals.members,
        total: totals.total,
        met: totals.counts.met,
        outstanding: totals.outstanding,
        open: totals.counts.open,
        offered: totals.counts.offered,
        inProgress: totals.counts['in-progress'],
        withdrawn: totals.counts.withdrawn,
      }),
    ],
    sections: [
      {
        heading: t('byMember'),
        paragraphs: [t('documentDelivered')],
        table: {
          columns: [
            t('columnMember'),
            t('columnNeeds'),
            t('columnMet'),
            t('columnOutstanding'),
            t('columnWithdrawn'),
            t('columnResponded'),
            t('columnAddressed'),
            t('columnDelivered'),
          ],
          widths: byMemberWidths,
          align: ['left', 'right', 'right', 'right', 'right', 'left', 'left', 'left'],
          rows: [...members]
            .sort(byParty)
            .map((member) => [
              party(member.partyCode),
              figure(member.total),
              figure(member.counts.met),
              figure(member.outstanding),
              figure(member.counts.withdrawn),
              member.responded.map((r) => responderText(r, lang, labels)).join('; ') || '—',
              member.addressed === 0
                ? '—'
                : [
                    counted(t, lang, 'addressedSummary', member.total, { addressed: member.addressed }),
                    ...member.addressedBy.map((d) =>
                      counted(t, lang, 'addressedBy', d.needs, { donor: party(d.donorCode) }),
                    ),
                  ].join('\n'),
              member.delivered
                .map((d) => counted(t, lang, 'deliveredCount', d.activities, { donor: party(d.donorCode) }))
                .join('\n') || '—',
            ]),
        },
        landscape: true,
        emptyText: t('noCoverage'),
      },
      {
        heading: t('sectionOutstanding'),
        paragraphs: [],
        table: {
          columns: [t('columnMember'), t('columnNeed'), t('columnKinds'), n('status'), t('columnAddressing')],
          widths: [0.12, 0.3, 0.16, 0.1, 0.32],
          rows: outstanding.map((need) => [...needRow(need, status(need.status)), addressedBy(need)]),
        },
        emptyText: t('noOutstanding'),
        landscape: true,
      },
      {
        heading: t('sectionMet'),
        paragraphs: [],
        table: {
          columns: [t('columnMember'), t('columnNeed'), t('columnSince'), t('columnHow')],
          widths: [0.12, 0.3, 0.16, 0.42],
          rows: met.map((need) => {
            const [member = '', title = ''] = needRow(need, '');
            return [member, title, date(need.since), need.note ?? '—'];
          }),
        },
        emptyText: t('noMet'),
        landscape: true,
      },
    ],
  };
}
