import type { Db } from '../../db/database.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { textIn } from '../../i18n/localized-text.ts';
import type { ReferenceLabels } from '../../reference/labels.ts';
import { taxonomyLabel } from '../incentives/taxonomy.ts';
import { diffSnapshots, type ProgrammeField } from '../lifecycle/diff.ts';
import { previousVersion, versionSnapshot } from '../lifecycle/service.ts';
import { type OutlineBlock, outlineOf } from '../narrative-outline.ts';
import { formatReportingPeriod, storedPeriod } from '../period.ts';
import { reportVersions } from '../service.ts';
import { documentText } from './messages.ts';
import { type Grouped, groupProgrammes } from './programme-groups.ts';
import type { ReportSnapshot, SnapshotIncentive, SnapshotProgramme } from './snapshot.ts';

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
  /**
   * What the document carries: the whole report (an original, a revision /Rev.n, or any version
   * shown on screen), only its corrections (a corrigendum, as WTO corrigenda do), or only what it
   * adds (an addendum).
   */
  scope: 'whole' | 'corrections' | 'additions';
  /** For a corrigendum or addendum: "The following corrections are made to document …:". */
  revisionNote: string | null;
  /** For a corrigendum: each correction, in order. */
  corrections: string[];
  /** Footer text with {page} and {pages} placeholders. */
  pageNumber: string;
  /** Between a field's label and its value: the shared colon and a space (French: narrow no-break space before it). */
  colon: string;
};

/** What every WTO-style document of the hub opens with, and repeats in its page furniture. */
export type DocumentHead = Pick<
  ReportDocument,
  'lang' | 'symbolLine' | 'date' | 'council' | 'original' | 'title' | 'pageNumber'
>;

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

/**
 * An Article 66.2 report as a WTO document: title naming Article 66.2 and the format (detailed
 * report or update), the Article's paragraph, the overview of the incentives regime, a table of
 * the incentives (number, title, type, beneficiary LDCs) and one section per incentive with every
 * field IP/C/28 asks for. A corrigendum or addendum of one is shown whole.
 */
function buildIncentivesDocument(
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
  const list = (values: string[]) => values.join('; ');
  const incentives = snapshot.incentives ?? [];
  const ldcNames = (i: SnapshotIncentive) =>
    list(i.beneficiaryCodes.map((code) => labels.partyName(code, lang)));
  const figure = (value: number | null) => (value === null ? null : value.toLocaleString(lang));
  const amount = (i: SnapshotIncentive) =>
    i.amount === null
      ? null
      : `${Number(i.amount).toLocaleString(lang, { maximumFractionDigits: 2 })}${i.currency ? ` ${i.currency}` : ''}`;
  const fieldsOf = (i: SnapshotIncentive): Array<[string, string | null]> => [
    [t('fieldIncentiveType'), taxonomyLabel(lang, 'type', i.incentiveType)],
    [t('fieldGovernmentBody'), i.governmentBody],
    [t('fieldEligibleEntities'), i.eligibleEntities],
    [t('fieldLdcBeneficiaries'), ldcNames(i)],
    [t('fieldSectors'), list(i.sectors.map((code) => taxonomyLabel(lang, 'sector', code)))],
    [t('fieldTechnologyTransferred'), i.technologyTransferred],
    [t('fieldModeAndTerms'), i.modeAndTerms],
    [t('fieldLdcSpecificity'), taxonomyLabel(lang, 'specificity', i.ldcSpecificity)],
    [t('fieldAmount'), amount(i)],
    [t('fieldEnterprises'), figure(i.enterprises)],
    [t('fieldPeopleTrained'), figure(i.peopleTrained)],
    [t('fieldDescription'), i.description],
  ];
  const format = snapshot.reportFormat ?? 'detailed';
  return {
    reportId: snapshot.reportId,
    lang,
    symbol: snapshot.symbol,
    symbolLine: snapshot.symbol ?? t('draft'),
    date: formatDate(lang, snapshot.circulationDate),
    council: t('council'),
    original: t('original', { language: labels.languageName(snapshot.originalLanguage, lang) }),
    title: t('art66Title', { party }),
    revision: snapshot.revisionKind === 'original' ? null : t(snapshot.revisionKind),
    subtitle: taxonomyLabel(lang, 'format', format),
    period: t('periodCovered', { period }),
    introduction: t('art66Introduction', { party, period }),
    narrative: snapshot.narrative,
    outline: snapshot.narrative.map((text, index) => ({ kind: 'paragraph', number: `${index + 1}.`, text })),
    annex: {
      heading: t('annex'),
      caption: t('incentivesCaption'),
      // The table's third column is the type of incentive (an Art. 67 annex has the start date there).
      columns: [t('columnNumber'), t('columnIncentive'), t('fieldIncentiveType'), t('fieldLdcBeneficiaries')],
      rows: incentives.map((i) => ({
        number: i.position,
        title: i.title,
        start: taxonomyLabel(lang, 'type', i.incentiveType),
        beneficiaries: ldcNames(i) || none,
      })),
      emptyText: t('noIncentives'),
    },
    details: {
      heading: t('incentiveDetails'),
      groups:
        incentives.length === 0
          ? []
          : [
              {
                heading: null,
                groups: [],
                programmes: incentives.map((i) => ({
                  number: i.position,
                  title: i.title,
                  fields: fieldsOf(i).flatMap(([label, value]) => (value ? [{ label, value }] : [])),
                })),
              },
            ],
    },
    scope: 'whole',
    revisionNote: null,
    corrections: [],
    pageNumber: t('pageNumber'),
    colon: `${t('colon')} `,
  };
}

/**
 * The pure half: a snapshot (live or as published) rendered in one language. With `previous` (the
 * version before it), a corrigendum lists its corrections only and an addendum carries only what
 * it adds; without it, every version is shown whole.
 */
export function buildReportDocument(
  snapshot: ReportSnapshot,
  labels: ReferenceLabels,
  lang: Language,
  previous?: ReportSnapshot | null,
): ReportDocument {
  if (snapshot.kind === 'art66-2') return buildIncentivesDocument(snapshot, labels, lang);
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

  const fieldsOf = (p: SnapshotProgramme): Array<[string, string | null]> => [
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
  const detailOf = (p: SnapshotProgramme): ProgrammeDetail => ({
    number: p.rowNumber,
    title: titleOf(p),
    fields: fieldsOf(p).flatMap(([label, value]) => (value ? [{ label, value }] : [])),
  });
  // A changed field of the diff, as the document labels it (agencies: implementing and partners).
  const changedFields = (p: SnapshotProgramme, field: ProgrammeField): Array<[string, string | null]> => {
    const all = fieldsOf(p);
    const at = (index: number) => all[index] as [string, string | null];
    switch (field) {
      case 'title':
        return [[t('titleField'), titleOf(p)]];
      case 'startDate':
        return [at(0)];
      case 'endDate':
        return [at(1)];
      case 'beneficiaries':
        return [at(2)];
      case 'level':
        return [at(3)];
      case 'activityType':
        return [at(4)];
      case 'ipAreas':
        return [at(5)];
      case 'agencies':
        return [at(6), at(7)];
      default:
        return [at(8)];
    }
  };
  const localize = (group: Grouped<SnapshotProgramme>): Grouped<ProgrammeDetail> => ({
    heading: group.heading,
    programmes: group.programmes.map(detailOf),
    groups: group.groups.map(localize),
  });

  const whole: ReportDocument = {
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
    scope: 'whole',
    revisionNote: null,
    corrections: [],
    pageNumber: t('pageNumber'),
    colon: `${t('colon')} `,
  };
  if (!previous || (snapshot.revisionKind !== 'corrigendum' && snapshot.revisionKind !== 'addendum'))
    return whole;
  const diff = diffSnapshots(previous, snapshot);
  const revised = previous.symbol ?? t('draft');
  if (snapshot.revisionKind === 'corrigendum') {
    const corrections = [
      ...diff.paragraphs.map((change) =>
        change.kind === 'changed'
          ? t('correctParagraph', { number: change.beforeNumber, text: change.after })
          : change.kind === 'added'
            ? t('insertParagraph', { number: change.number, text: change.after })
            : t('deleteParagraph', { number: change.number }),
      ),
      ...diff.changedProgrammes.flatMap((change) =>
        change.fields.flatMap((field) =>
          changedFields(change.after, field).map(([label, value]) => {
            const at = { number: change.before.rowNumber, title: titleOf(change.before), field: label };
            return value ? t('correctProgramme', { ...at, value }) : t('clearProgrammeField', at);
          }),
        ),
      ),
      ...diff.removedProgrammes.map((p) => t('deleteProgramme', { number: p.rowNumber, title: titleOf(p) })),
      ...diff.addedProgrammes.map((p) => t('addProgramme', { number: p.rowNumber, title: titleOf(p) })),
    ];
    return {
      ...whole,
      scope: 'corrections',
      revisionNote: t('correctionsIntro', { symbol: revised }),
      corrections,
      introduction: null,
      narrative: [],
      outline: [],
      annex: { ...whole.annex, rows: [] },
      details: { ...whole.details, groups: [] },
    };
  }
  const added = new Set(diff.addedProgrammes.map((p) => p.rowNumber));
  const keep = (group: Grouped<ProgrammeDetail>): Grouped<ProgrammeDetail> => ({
    heading: group.heading,
    programmes: group.programmes.filter((p) => added.has(p.number)),
    groups: group.groups.map(keep).filter((g) => g.programmes.length > 0 || g.groups.length > 0),
  });
  const addedParagraphs = diff.paragraphs.flatMap((change) => (change.kind === 'added' ? [change] : []));
  return {
    ...whole,
    scope: 'additions',
    revisionNote: t('additionsIntro', { symbol: revised }),
    introduction: null,
    narrative: addedParagraphs.map((change) => change.after),
    outline: addedParagraphs.map((change) => ({
      kind: 'paragraph',
      number: `${change.number}.`,
      text: change.after,
    })),
    annex: { ...whole.annex, rows: whole.annex.rows.filter((row) => added.has(row.number)) },
    details: {
      ...whole.details,
      groups: whole.details.groups.map(keep).filter((g) => g.programmes.length > 0 || g.groups.length > 0),
    },
  };
}

/**
 * The report as published (its snapshot) when it has been, else as its rows stand now; null if
 * none. `as-circulated` (downloads, preview) gives a corrigendum's corrections and an addendum's
 * additions only; `whole` (the review page) always the whole report.
 */
export async function loadReportDocument(
  db: Db,
  reportId: number,
  lang: Language,
  labels: ReferenceLabels,
  mode: 'as-circulated' | 'whole' = 'as-circulated',
): Promise<ReportDocument | null> {
  const snapshot = await versionSnapshot(db, reportId);
  if (!snapshot) return null;
  const partial = snapshot.revisionKind === 'corrigendum' || snapshot.revisionKind === 'addendum';
  const previous =
    mode === 'as-circulated' && partial
      ? previousVersion(await reportVersions(db, reportId), reportId)
      : null;
  return buildReportDocument(
    snapshot,
    labels,
    lang,
    previous ? await versionSnapshot(db, previous.id) : null,
  );
}
