import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { type OutlineBlock, outlineOf } from '../narrative-outline.ts';
import { formatReportingPeriod, storedPeriod } from '../period.ts';
import { reports } from '../schema.ts';
import { documentText } from './messages.ts';
import { type Grouped, groupProgrammes } from './programme-groups.ts';
import {
  parseReportSnapshot,
  type ReportSnapshot,
  reportSnapshot,
  type SnapshotProgramme,
} from './snapshot.ts';

export type AnnexRow = { number: number; title: string; start: string; beneficiaries: string };
export type ProgrammeDetail = {
  number: number;
  title: string;
  fields: Array<{ label: string; value: string }>;
};

/**
 * A report as a WTO document in one language: every string is final, so the DOCX and PDF
 * writers only lay it out. Plain JSON.
 */
export type ReportDocument = {
  reportId: number;
  lang: Language;
  symbol: string | null;
  /** The symbol, or "Draft" when none has been given yet. */
  symbolLine: string;
  date: string | null;
  council: string;
  original: string;
  title: string;
  /** "Corrigendum" or "Addendum"; null for the original document. */
  revision: string | null;
  subtitle: string;
  period: string;
  /** The Article 67 paragraph; null when the report's own narrative already quotes Article 67. */
  introduction: string | null;
  narrative: string[];
  /** The narrative as the document shows it: the report's own outline, or its paragraphs numbered 1, 2, 3. */
  outline: OutlineBlock[];
  annex: {
    heading: string;
    caption: string;
    columns: [number: string, title: string, start: string, beneficiaries: string];
    rows: AnnexRow[];
    emptyText: string;
  };
  details: { heading: string; groups: Array<Grouped<ProgrammeDetail>> };
  /** Footer text with {page} and {pages} placeholders. */
  pageNumber: string;
  /** Between a field's label and its value: the shared colon and a space (French: narrow no-break space before it). */
  colon: string;
};

const none = '—';

/**
 * Whether the narrative already quotes Article 67 (as Canada's reports do in their first
 * paragraph): it names the Article and quotes its words on cooperation, in any of the three
 * languages. The document's own Article 67 paragraph would then say it twice.
 */
export function quotesArticle67(narrative: string[]): boolean {
  const namesArticle = /\b(?:article|artículo|art\.)\s*67\b/i;
  const quotesWords =
    /mutually agreed terms|technical and financial cooperation|mutuellement convenues|coopération technique et financière|mutuamente convenid[ao]s|cooperación técnica y financiera/i;
  return narrative.some((paragraph) => namesArticle.test(paragraph) && quotesWords.test(paragraph));
}

function beneficiaryNames(programme: SnapshotProgramme, labels: ReferenceLabels, lang: Language) {
  return programme.beneficiaries.map((b) => {
    if (b.kind === 'party' && b.code) return labels.partyName(b.code, lang);
    if (b.kind === 'region' && b.code) return labels.regionName(b.code, lang);
    return b.nameAsWritten;
  });
}

function agencyNames(programme: SnapshotProgramme, role: 'implementing' | 'partner', lang: Language) {
  return programme.agencies
    .filter((agency) => agency.role === role)
    .map((agency) => {
      const name = textIn(agency.name, lang, 'en') || agency.code;
      return agency.acronym && agency.acronym !== name ? `${name} (${agency.acronym})` : name;
    });
}

/** The pure half: a snapshot (live or as published) rendered in one language. */
export function buildReportDocument(
  snapshot: ReportSnapshot,
  labels: ReferenceLabels,
  lang: Language,
): ReportDocument {
  const t = documentText(lang);
  const party = labels.partyName(snapshot.reportingPartyCode, lang);
  const period = formatReportingPeriod(
    storedPeriod(snapshot.periodStart, snapshot.periodEnd, snapshot.periodPrecision ?? 'year'),
    lang,
  );
  const titleOf = (p: SnapshotProgramme) => textIn(p.title, lang, p.originalLanguage);
  // WTO names contain commas: several values are separated by semicolons.
  const list = (values: string[]) => values.join('; ');

  const levelOrder = labels.termsOf('level').map((term) => term.key);
  const grouped = groupProgrammes(snapshot.programmes, snapshot.grouping, {
    level: (p) =>
      p.level
        ? {
            key: p.level,
            label: labels.term('level', p.level, lang),
            rank: levelOrder.includes(p.level) ? levelOrder.indexOf(p.level) : levelOrder.length,
          }
        : { key: null, label: t('levelNotStated'), rank: 0 },
    agency: (p) => {
      const codes = p.agencies.filter((a) => a.role === 'implementing').map((a) => a.code);
      return codes.length > 0
        ? { key: codes.join(' '), label: list(agencyNames(p, 'implementing', lang)), rank: 0 }
        : { key: null, label: t('agencyNotStated'), rank: 0 };
    },
  });

  const detailOf = (p: SnapshotProgramme): ProgrammeDetail => {
    const fields: Array<[string, string | null]> = [
      [t('fieldStart'), formatDate(lang, p.startDate, p.startPrecision)],
      [t('fieldEnd'), formatDate(lang, p.endDate, p.endPrecision)],
      [t('fieldBeneficiaries'), list(beneficiaryNames(p, labels, lang))],
      [t('fieldLevel'), p.level ? labels.term('level', p.level, lang) : null],
      [t('fieldType'), p.activityType ? labels.term('activity-type', p.activityType, lang) : null],
      [t('fieldAreasOfIp'), list(p.ipAreas.map((area) => labels.term('ip-area', area, lang)))],
      [t('fieldImplementing'), list(agencyNames(p, 'implementing', lang))],
      [t('fieldPartners'), list(agencyNames(p, 'partner', lang))],
      [t('fieldDescription'), textIn(p.description, lang, p.originalLanguage)],
    ];
    return {
      number: p.rowNumber,
      title: titleOf(p),
      fields: fields.flatMap(([label, value]) => (value ? [{ label, value }] : [])),
    };
  };
  const localize = (group: Grouped<SnapshotProgramme>): Grouped<ProgrammeDetail> => ({
    heading: group.heading,
    programmes: group.programmes.map(detailOf),
    groups: group.groups.map(localize),
  });

  return {
    reportId: snapshot.reportId,
    lang,
    symbol: snapshot.symbol,
    symbolLine: snapshot.symbol ?? t('draft'),
    date: formatDate(lang, snapshot.circulationDate),
    council: t('council'),
    original: t('original', { language: labels.languageName(snapshot.originalLanguage, lang) }),
    title: t('title', { party }),
    revision: snapshot.revisionKind === 'original' ? null : t(snapshot.revisionKind),
    subtitle: t('subtitle'),
    period: t('periodCovered', { period }),
    introduction: quotesArticle67(snapshot.narrative) ? null : t('introduction', { party, period }),
    narrative: snapshot.narrative,
    outline:
      outlineOf(snapshot.narrative, snapshot.narrativeOutline) ??
      snapshot.narrative.map((text, index) => ({ kind: 'paragraph', number: `${index + 1}.`, text })),
    annex: {
      heading: t('annex'),
      caption: t('annexCaption'),
      columns: [t('columnNumber'), t('columnTitle'), t('columnStart'), t('columnBeneficiaries')],
      rows: snapshot.programmes.map((p) => ({
        number: p.rowNumber,
        title: titleOf(p),
        start: formatDate(lang, p.startDate, p.startPrecision) ?? none,
        beneficiaries: list(beneficiaryNames(p, labels, lang)) || none,
      })),
      emptyText: t('noProgrammes'),
    },
    details: { heading: t('details'), groups: grouped.map(localize) },
    pageNumber: t('pageNumber'),
    colon: `${t('colon')} `,
  };
}

/** The report as published (its snapshot) when it has been, else as its rows stand now; null if none. */
export async function loadReportDocument(
  db: Db,
  reportId: number,
  lang: Language,
  labels: ReferenceLabels,
): Promise<ReportDocument | null> {
  const [row] = await db.select({ snapshot: reports.snapshot }).from(reports).where(eq(reports.id, reportId));
  if (!row) return null;
  const snapshot =
    row.snapshot == null ? await reportSnapshot(db, reportId) : parseReportSnapshot(row.snapshot, reportId);
  return snapshot && buildReportDocument(snapshot, labels, lang);
}
