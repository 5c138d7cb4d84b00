/** What the e-TRIPS page reader produces, shared by its parts (page, narrative, header, rows). */
import type { NameResolver } from '../reference/name-resolver.ts';
import type { ReportingPeriod } from '../reports/period.ts';
import type { InterfaceLanguage } from './page-layout.ts';

export type Problem = { line: number; message: string; severity: 'error' | 'warning' };

export type ParsedBeneficiary = {
  name: string;
  code: string | null;
  kind: 'party' | 'region' | 'unresolved';
};

export type ParsedProgramme = {
  n: number;
  title: string;
  start: string | null;
  beneficiaries: ParsedBeneficiary[];
  line: number;
};

/**
 * One piece of the narrative's own outline: the circulation formula before paragraph 1, a
 * section heading, or a paragraph, each with its number exactly as the page writes it.
 */
export type NarrativeBlock = {
  kind: 'preamble' | 'heading' | 'paragraph';
  /** "1.", "1.1", "2.3.1", "a)"; null when unnumbered. */
  number: string | null;
  text: string;
  line: number;
};

export type ParsedPage = {
  reporter: { name: string; code: string } | null;
  /** How the reporting party was found: its own line under the title, the caller, or the narrative. */
  reporterFrom: 'page' | 'option' | 'narrative' | null;
  uiLanguage: InterfaceLanguage;
  contentLanguage: 'en' | 'fr' | 'es';
  period: ReportingPeriod | null;
  /** Where the period came from: the narrative's words, or the caller. */
  periodFrom: 'page' | 'option' | null;
  /** The words the period was read from, as the page writes them (lower case). */
  periodText: string | null;
  /** WTO document symbol, when the page shows one on a line of its own. */
  symbol: string | null;
  circulationDate: string | null;
  /** The numbered paragraphs' texts (headings and preamble apart). */
  paragraphs: string[];
  preamble: string | null;
  outline: NarrativeBlock[];
  programmes: ParsedProgramme[];
  problems: Problem[];
};

export type ParseOptions = {
  resolver: NameResolver;
  partyName: (code: string) => string | undefined;
  reporterCode?: string;
  /** The period when the page does not say it (see parsePeriodText): "2020-2021", "2015-04-01/2016-03-31". */
  period?: string;
  /** Symbol and circulation date known from elsewhere (a mapping file in bulk mode). */
  symbol?: string;
  circulationDate?: string;
};

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function clip(line: string, length = 80): string {
  const trimmed = line.trim();
  return trimmed.length > length ? `${trimmed.slice(0, length - 3)}…` : trimmed;
}
