import type { NameResolver } from '../reference/name-resolver.ts';
import { parseDocumentSymbol } from '../reports/document-symbol.ts';
import { parsePeriodText, type ReportingPeriod, suggestedPeriodText } from '../reports/period.ts';
import { guessContentLanguage } from './content-language.ts';
import { splitNarrative } from './narrative.ts';
import { readHeaderLine } from './page-header.ts';
import { clickLines, columnLines, listHeadings, matchAny, noItemsLines, titleLines } from './page-layout.ts';
import {
  clip,
  LayoutError,
  type ParsedBeneficiary,
  type ParsedPage,
  type ParsedProgramme,
  type ParseOptions,
  type Problem,
} from './page-types.ts';
import { choosePeriod, circulationDateIn, periodCandidates, reversedRangeIn } from './period-phrases.ts';

export {
  LayoutError,
  type NarrativeBlock,
  type ParsedBeneficiary,
  type ParsedPage,
  type ParsedProgramme,
  type ParseOptions,
  type Problem,
} from './page-types.ts';

// A date stands alone between spaces (or before a ";"); one in parentheses belongs to the title.
const datePattern = /(?:^|\s)(\d{1,2})\/(\d{1,2})\/(\d{4})(?=\s|;|$)/g;

/** DD/MM/YYYY to ISO, or an explanation of why it is not a date. */
export function isoFromDayMonthYear(day: string, month: string, year: string): string | { error: string } {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { error: `${day}/${month}/${year} is not a date (DD/MM/YYYY)` };
  }
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads the text of an e-TRIPS "view details of the document" page (English, French or Spanish
 * interface) into the report's narrative and its numbered programmes. Pure: it stores nothing.
 * Throws LayoutError when the text is not such a page at all; otherwise every line it cannot
 * read is listed in `problems` with its number.
 */
export function parseEtripsPage(text: string, options: ParseOptions): ParsedPage {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const at = (index: number) => index + 1;

  const firstTextIndex = lines.findIndex((line) => line.trim() !== '');
  if (firstTextIndex < 0) throw new LayoutError('the file is empty', 1);

  let uiLanguage = matchAny(titleLines, lines[firstTextIndex] ?? '');
  const columnIndex = lines.findIndex((line) => matchAny(columnLines, line));
  uiLanguage ??= columnIndex >= 0 ? matchAny(columnLines, lines[columnIndex] ?? '') : undefined;
  if (!uiLanguage) {
    throw new LayoutError(
      'this is not an e-TRIPS "view details of the document" page: neither its title line nor the column line ("# Title of programme or activity …") was found',
      at(firstTextIndex),
    );
  }
  const hasTitle = matchAny(titleLines, lines[firstTextIndex] ?? '') !== undefined;

  // Where the narrative stops: the list heading, the "click" line or the column line, whichever comes first.
  let narrativeEnd = columnIndex >= 0 ? columnIndex : lines.length;
  for (let i = firstTextIndex + 1; i < narrativeEnd; i++) {
    const line = lines[i] ?? '';
    if (matchAny(listHeadings, line) || matchAny(clickLines, line)) {
      narrativeEnd = i;
      break;
    }
  }

  // Under the title: the reporting party on its own line(s), the document symbol, a date.
  let cursor = hasTitle ? firstTextIndex + 1 : firstTextIndex;
  const reporterLines: Array<{ code: string; name: string; line: number }> = [];
  let pageSymbol: { symbol: string; line: number } | null = null;
  let headerDate: string | null = null;
  for (; cursor < narrativeEnd; cursor++) {
    const line = (lines[cursor] ?? '').trim();
    if (line === '') continue;
    const header = readHeaderLine(line, options.resolver);
    if (!header) break;
    if (header.kind === 'reporter')
      reporterLines.push({ code: header.code, name: header.name, line: at(cursor) });
    else if (header.kind === 'symbol') pageSymbol ??= { symbol: header.symbol, line: at(cursor) };
    else if (header.kind === 'date') headerDate ??= header.date;
  }

  const narrativeLines = lines.slice(cursor, narrativeEnd).map((textLine, offset) => ({
    text: textLine,
    line: at(cursor + offset),
  }));
  const outline = splitNarrative(narrativeLines);
  const paragraphs = outline.filter((block) => block.kind === 'paragraph').map((block) => block.text);
  const preamble = outline.find((block) => block.kind === 'preamble')?.text ?? null;

  // Between the narrative and the column line only the heading and "click" lines are expected.
  for (let i = narrativeEnd; i < (columnIndex >= 0 ? columnIndex : lines.length); i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || matchAny(listHeadings, line) || matchAny(clickLines, line)) continue;
    if (columnIndex < 0 && matchAny(noItemsLines, line)) continue;
    problems.push({ line: at(i), message: `cannot read this line: "${clip(line)}"`, severity: 'error' });
  }

  const programmes: ParsedProgramme[] = [];
  if (columnIndex < 0) {
    const saysNoItems = lines.some((line) => matchAny(noItemsLines, line));
    if (!saysNoItems) {
      problems.push({
        line: lines.length,
        message:
          'the page is cut off before the list of programmes: neither its column line ("# Title of programme or activity …") nor a "no items" line was found',
        severity: 'error',
      });
    }
  } else {
    for (let i = columnIndex + 1; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (line === '' || matchAny(noItemsLines, line)) continue;
      const row = /^(\d+)\s+(.+)$/.exec(line);
      if (!row) {
        problems.push({ line: at(i), message: `cannot read this row: "${clip(line)}"`, severity: 'error' });
        continue;
      }
      const programme = parseRow(Number(row[1]), row[2] ?? '', at(i), options, problems);
      if (programmes.some((p) => p.n === programme.n)) {
        problems.push({ line: at(i), message: `row number ${programme.n} appears twice`, severity: 'error' });
        continue;
      }
      programmes.push(programme);
    }
  }

  const reporter = findReporter(reporterLines, paragraphs, options, problems, at(firstTextIndex));
  const narrativeText = outline.map((block) => block.text).join('\n');
  const circulationDate =
    options.circulationDate ?? circulationDateIn(preamble ?? narrativeText) ?? headerDate;
  const found = findPeriod(
    narrativeText,
    reporter?.code ?? null,
    options,
    circulationDate,
    problems,
    at(cursor),
  );
  const symbol = findSymbol(pageSymbol, options, problems, at(firstTextIndex));
  for (const programme of programmes) {
    if (reporter && programme.beneficiaries.some((b) => b.code === reporter.code)) {
      problems.push({
        line: programme.line,
        message: `row ${programme.n}: the reporting party itself is read as a beneficiary; check where the title ends`,
        severity: 'warning',
      });
    }
  }
  const contentLanguage = guessContentLanguage([...paragraphs, ...programmes.map((p) => p.title)].join(' '));
  return {
    reporter: reporter ? { code: reporter.code, name: reporter.name } : null,
    reporterFrom: reporter?.from ?? null,
    uiLanguage,
    contentLanguage,
    period: found?.period ?? null,
    periodFrom: found?.from ?? null,
    periodText: found?.text ?? null,
    symbol,
    circulationDate,
    paragraphs,
    preamble,
    outline,
    programmes,
    problems: problems.sort((a, b) => a.line - b.line),
  };
}

function findSymbol(
  onPage: { symbol: string; line: number } | null,
  options: ParseOptions,
  problems: Problem[],
  titleLine: number,
): string | null {
  if (!options.symbol) return onPage?.symbol ?? null;
  const given = parseDocumentSymbol(options.symbol);
  if (!given) {
    problems.push({
      line: titleLine,
      message: `"${options.symbol}" is not a WTO document symbol (IP/C/R/TC/… or IP/C/W/…)`,
      severity: 'error',
    });
    return onPage?.symbol ?? null;
  }
  if (onPage && onPage.symbol !== given.symbol) {
    problems.push({
      line: onPage.line,
      message: `the page shows the symbol ${onPage.symbol}, but the mapping gives ${given.symbol}`,
      severity: 'error',
    });
  }
  return given.symbol;
}

function parseRow(
  n: number,
  rest: string,
  line: number,
  options: ParseOptions,
  problems: Problem[],
): ParsedProgramme {
  // The start date is the last DD/MM/YYYY on the row: titles may carry dates of their own.
  const dates = [...rest.matchAll(datePattern)];
  const last = dates.at(-1);
  if (last && last.index !== undefined) {
    const dateText = `${last[1]}/${last[2]}/${last[3]}`;
    const dateStart = last.index + last[0].indexOf(dateText);
    const title = rest.slice(0, dateStart).trim();
    const iso = isoFromDayMonthYear(last[1] ?? '', last[2] ?? '', last[3] ?? '');
    if (typeof iso !== 'string')
      problems.push({ line, message: `row ${n}: ${iso.error}`, severity: 'error' });
    const beneficiaries = resolveAll(
      splitNames(rest.slice(dateStart + dateText.length)),
      n,
      line,
      options,
      problems,
    );
    return { n, title, start: typeof iso === 'string' ? iso : null, beneficiaries, line };
  }
  const { title, names } = splitTitleFromBeneficiaries(rest, options.resolver);
  if (names.length === 0 && rest.includes(';')) {
    problems.push({
      line,
      message: `row ${n}: cannot tell where the title ends and the beneficiaries begin (no start date, and no known party name before the first ";")`,
      severity: 'error',
    });
  }
  return { n, title, start: null, beneficiaries: resolveAll(names, n, line, options, problems), line };
}

const splitNames = (text: string) =>
  text
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');

// A country named after these words belongs to the title ("… Protection in Viet Nam").
const titlePrepositions = new Set([
  'by',
  'par',
  'por',
  'and',
  'et',
  'y',
  'between',
  'entre',
  'from',
  'on',
  'at',
  'hosted',
  'sur',
  'sobre',
  'in',
  'for',
  'of',
  'to',
  'with',
  'en',
  'pour',
  'au',
  'aux',
  'dans',
  'para',
  'con',
  'de',
  'du',
  'des',
  'del',
  'a',
]);

/**
 * Without a start date, only the party names show where the title ends: the longest run of
 * words at the end of the first ";"-segment that names a party or region starts the beneficiaries.
 */
function splitTitleFromBeneficiaries(
  rest: string,
  resolver: NameResolver,
): { title: string; names: string[] } {
  const segments = rest.split(';');
  const first = segments[0] ?? '';
  const following = splitNames(segments.slice(1).join(';'));
  const words = first.trim().split(/\s+/);
  for (let start = 1; start < words.length; start++) {
    const candidate = words.slice(start).join(' ');
    if (!resolver.resolve(candidate)) continue;
    const before = (words[start - 1] ?? '').toLowerCase();
    if (following.length === 0 && titlePrepositions.has(before)) break;
    return { title: words.slice(0, start).join(' '), names: [candidate, ...following] };
  }
  if (following.length === 0) return { title: rest.trim(), names: [] };
  return { title: first.trim(), names: following };
}

function resolveAll(
  names: string[],
  n: number,
  line: number,
  options: ParseOptions,
  problems: Problem[],
): ParsedBeneficiary[] {
  return names.map((name) => {
    const resolved = options.resolver.resolve(name);
    if (!resolved) {
      problems.push({
        line,
        message: `row ${n}: unknown beneficiary "${name}" (kept as written)`,
        severity: 'error',
      });
      return { name, code: null, kind: 'unresolved' };
    }
    return { name, code: resolved.code, kind: resolved.kind };
  });
}

function findReporter(
  reporterLines: Array<{ code: string; name: string; line: number }>,
  paragraphs: string[],
  options: ParseOptions,
  problems: Problem[],
  titleLine: number,
): { code: string; name: string; from: 'page' | 'option' | 'narrative' } | null {
  const onPage = reporterLines[0];
  if (onPage) {
    for (const other of reporterLines.slice(1)) {
      if (other.code !== onPage.code) {
        problems.push({
          line: other.line,
          message: `two reporting parties named: ${onPage.name} and ${other.name}`,
          severity: 'error',
        });
      }
    }
    if (options.reporterCode && options.reporterCode !== onPage.code) {
      problems.push({
        line: onPage.line,
        message: `the page names ${onPage.name} (${onPage.code}) as reporting party, but --reporter says ${options.reporterCode}`,
        severity: 'error',
      });
    }
    return { ...onPage, from: 'page' };
  }
  if (options.reporterCode) {
    const name = options.partyName(options.reporterCode);
    if (!name) {
      problems.push({
        line: titleLine,
        message: `unknown reporting party code ${options.reporterCode}`,
        severity: 'error',
      });
      return null;
    }
    return { code: options.reporterCode, name, from: 'option' };
  }
  const mentioned = mostMentionedParty(paragraphs.join(' '), options.resolver);
  if (!mentioned) {
    problems.push({
      line: titleLine,
      message: 'the page does not say which party reports; give it with --reporter CODE',
      severity: 'error',
    });
    return null;
  }
  problems.push({
    line: titleLine,
    message: `reporting party taken from the narrative: ${mentioned.name} (${mentioned.code}); give --reporter to choose another`,
    severity: 'warning',
  });
  return { ...mentioned, from: 'narrative' };
}

function mostMentionedParty(text: string, resolver: NameResolver): { code: string; name: string } | null {
  const counts = new Map<string, { count: number; name: string }>();
  for (const spelling of resolver.spellings()) {
    if (spelling.kind !== 'party' || spelling.text.length < 4) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(spelling.text)}(?![\\p{L}\\p{N}])`, 'gu');
    const found = text.match(pattern)?.length ?? 0;
    if (found === 0) continue;
    const entry = counts.get(spelling.code) ?? { count: 0, name: spelling.text };
    entry.count = Math.max(entry.count, found);
    counts.set(spelling.code, entry);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count);
  const [best, second] = ranked;
  if (!best || (second && second[1].count === best[1].count)) return null;
  return { code: best[0], name: best[1].name };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lookedFor =
  'looked for a year range ("2020-2021", "from 2014 to 2015"), a month or day range ("May 2015 to May 2016", "du 1er juillet 2019 au 30 juin 2020"), a named fiscal year ("FY2019") and "the report of <year>", in English, French and Spanish';

function findPeriod(
  narrative: string,
  reporterCode: string | null,
  options: ParseOptions,
  circulationDate: string | null,
  problems: Problem[],
  line: number,
): { period: ReportingPeriod; from: 'page' | 'option'; text: string | null } | null {
  if (options.period) {
    const given = parsePeriodText(options.period, reporterCode ?? undefined);
    if ('error' in given) {
      problems.push({ line, message: `--period ${given.error}`, severity: 'error' });
      return null;
    }
    return { period: given.period, from: 'option', text: null };
  }
  const choice = choosePeriod(periodCandidates(narrative, reporterCode));
  if (!choice) {
    const hint = circulationDate
      ? `; the page was circulated on ${circulationDate}: a report usually covers the year before and its own, e.g. --period ${suggestedPeriodText(circulationDate)}`
      : '';
    const reversed = reversedRangeIn(narrative);
    if (reversed) {
      problems.push({
        line,
        message: `the period "${reversed}" ends before it starts; give the right one with --period YYYY-YYYY`,
        severity: 'error',
      });
      return null;
    }
    problems.push({
      line,
      message: `the narrative does not say which period the report covers (${lookedFor}); give it with --period YYYY-YYYY or --period YYYY-MM-DD/YYYY-MM-DD${hint}`,
      severity: 'error',
    });
    return null;
  }
  const { chosen, guessed } = choice;
  if (guessed) {
    problems.push({
      line,
      message: `period taken from the first dates the narrative names ("${chosen.text}"); give --period to choose another`,
      severity: 'warning',
    });
  }
  if (chosen.calendarUnknown) {
    problems.push({
      line,
      message: `the narrative names a fiscal year ("${chosen.text}") but the fiscal calendar of ${reporterCode ?? 'the reporting party'} is not known: read as calendar year(s); give --period with the dates (YYYY-MM-DD/YYYY-MM-DD)`,
      severity: 'warning',
    });
  }
  return { period: chosen.period, from: 'page', text: chosen.text };
}
