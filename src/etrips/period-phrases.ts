/**
 * Finds the reporting period in the words of a narrative, in English, French and Spanish, with the
 * precision the text gives it. Pure. The rules are general: every way of writing a day, a month,
 * a year or a fiscal year, two of them joined by a range word, and the words that say "this is
 * the period the report covers" nearby.
 */
import {
  daysPeriod,
  expandYear,
  fiscalCalendars,
  fiscalYearPeriod,
  fiscalYearsPeriod,
  isoDate,
  monthsPeriod,
  type ReportingPeriod,
  yearsPeriod,
} from '../reports/period.ts';

/** Lower case, accents and typographic apostrophes folded: one character in, one character out. */
export function fold(text: string): string {
  return Array.from(text, (char) => {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    const folded = base.length === 1 ? base : char;
    return /[\u2019\u2018\u02bc`´]/.test(folded) ? "'" : folded;
  })
    .join('')
    .toLowerCase();
}

const monthNames: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'janvier', 'janv', 'enero', 'ene']],
  [2, ['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero']],
  [3, ['march', 'mar', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr']],
  [5, ['may', 'mai', 'mayo']],
  [6, ['june', 'jun', 'juin', 'junio']],
  [7, ['july', 'jul', 'juillet', 'juil', 'julio']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'set']],
  [10, ['october', 'oct', 'octobre', 'octubre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'decembre', 'diciembre', 'dic']],
];
const monthByName = new Map(monthNames.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
// Longest names first, so "sept" is not read as "sep" followed by "t".
const monthWords = [...monthByName.keys()].sort((a, b) => b.length - a.length).join('|');

const Y = '(?:19|20)\\d{2}';
const M = `(?:${monthWords})\\.?`;
const D = '(?:[0-3]?\\d)(?:st|nd|rd|th|er|re|o|º|°|ª)?';
// "1 July 2013", "1st of July, 2013", "July 1, 2013", "1er juillet 2013", "1 de julio de 2013", "01/07/2013", "2013-07-01".
const dayDate = `(?:${D}\\s+(?:of\\s+|de\\s+)?${M},?\\s+(?:de(?:l)?\\s+)?${Y}|${M}\\s+${D},?\\s+${Y}|[0-3]?\\d[./][01]?\\d[./]${Y}|${Y}-[01]\\d-[0-3]\\d)`;
const dayNoYear = `(?:${D}\\s+(?:of\\s+|de\\s+)?${M}|${M}\\s+${D})`;
const monthYear = `(?:${M},?\\s+(?:de(?:l)?\\s+)?${Y})`;
// Words that join the two ends of a range; "and/et/y" only after "between/entre".
const to =
  "(?:-|\\u2010|\\u2011|\\u2012|\\u2013|\\u2014|/|to|till|until|through|thru|up\\s+to|au|a|jusqu'au|jusqu'a|jusqu'en|al|hasta(?:\\s+el|\\s+la)?)";
const andWord = '(?:and|et|y)';
const from = "(?:from|between|du|de|d'|depuis|entre|desde|del)";
const sep = '\\s*';

export type PeriodCandidate = {
  period: ReportingPeriod;
  /** The words the period was read from, as folded text. */
  text: string;
  at: number;
  /** 2: the text says it is the period covered; 1: a weaker cue ("the report of 2012"); 0: none. */
  cue: number;
  /** A fiscal year of a reporter whose fiscal calendar is not known, read as calendar years. */
  calendarUnknown?: boolean;
};

const strongCueBefore =
  /(?:period[oe]?s?|covering|covers|covered|cover|reporting|report(?:ed)?|pertaining|relating|relates|couvr\w*|porte\s+sur|rapport|concerne|considere\w*|abarca\w*|cubre|cubriendo|comprend\w*|correspond\w*|informe|referid[oa]|relativ[oa]s?|durant|pendant|during|durante|undertaken|carried\s+out|realizad[ao]s|menees|entreprises|effectuees|llevad[ao]s\s+a\s+cabo)\b[^.;]{0,60}$/;
const strongCueAfter = /^[\s,]{0,3}(?:\(?\s*)?(?:reporting\s+)?(?:period|fiscal\s+year|financial\s+year)/;
const fiscalWords =
  '(?:j?fy|fiscal\\s+years?|financial\\s+years?|budget\\s+years?|exercices?(?:\\s+(?:budgetaires?|financiers?|fiscal(?:es)?))?|annees?\\s+(?:budgetaires?|fiscales?|financieres?)|anos?\\s+fiscal(?:es)?|ejercicios?(?:\\s+(?:fiscal(?:es)?|presupuestari[oa]s?|economic[oa]s?))?|periodo\\s+fiscal)';

function monthOf(word: string): number | undefined {
  return monthByName.get(word.replace(/\.$/, ''));
}

/** "1 July 2013", "July 1, 2013", "01/07/2013", "2013-07-01" into an ISO date, or null. */
function readDay(text: string, defaultYear?: number): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  const words = t.split(/[\s,]+/).filter((w) => w && !['of', 'de', 'del'].includes(w));
  const month = words.map((w) => monthOf(w)).find((n) => n !== undefined);
  const numbers = words.map((w) => /^(\d{1,4})/.exec(w)?.[1]).filter((n): n is string => n !== undefined);
  const day = numbers.find((n) => n.length <= 2);
  const year = numbers.find((n) => n.length === 4) ?? (defaultYear ? String(defaultYear) : undefined);
  if (!month || !day || !year) return null;
  return isoDate(Number(year), month, Number(day));
}

function readMonthYear(text: string): { year: number; month: number } | null {
  const words = text.trim().split(/[\s,]+/);
  const month = words.map((w) => monthOf(w)).find((n) => n !== undefined);
  const year = words.find((w) => /^\d{4}$/.test(w));
  return month && year ? { year: Number(year), month } : null;
}

const validYear = (year: number) => year >= 1990 && year <= 2100;

/**
 * Every period the text states, each with how strongly the text says it is the one covered.
 * `reporterCode` gives the fiscal calendar for named fiscal years.
 */
export function periodCandidates(text: string, reporterCode: string | null): PeriodCandidate[] {
  let work = fold(text);
  const found: PeriodCandidate[] = [];
  const take = (
    pattern: RegExp,
    read: (match: RegExpExecArray) => Omit<PeriodCandidate, 'text' | 'at' | 'cue'> | null,
  ) => {
    for (const match of work.matchAll(pattern)) {
      const result = read(match as RegExpExecArray);
      if (
        !result ||
        !validYear(Number(result.period.start.slice(0, 4))) ||
        !validYear(Number(result.period.end.slice(0, 4)))
      )
        continue;
      const at = match.index ?? 0;
      const end = at + match[0].length;
      // A named fiscal year is the period itself more often than not.
      const named = result.period.precision === 'fiscal-year' || result.calendarUnknown ? 1 : 0;
      found.push({
        ...result,
        text: text.slice(at, end).trim(),
        at,
        cue: Math.max(named, cueAround(work, at, end)),
      });
    }
    // What was read is blanked, so that a coarser pattern does not read it again.
    work = work.replace(pattern, (whole) => ' '.repeat(whole.length));
  };
  const bound = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');

  // Named fiscal years: "FY2019", "fiscal year 2020-21", "l'exercice 2019-2020", "año fiscal 2019".
  const fiscal = (first: number, secondText: string | undefined) => {
    const second = secondText ? expandYear(first, secondText) : null;
    if (secondText && second === null) return null;
    if (reporterCode && fiscalCalendars[reporterCode]) {
      const period =
        second === null
          ? fiscalYearPeriod(reporterCode, first)
          : fiscalYearsPeriod(reporterCode, first, second);
      return period ? { period } : null;
    }
    const period = yearsPeriod(first, second ?? first);
    return period ? { period, calendarUnknown: true } : null;
  };
  take(
    bound(`${fiscalWords}${sep}(?:of\\s+|de\\s+|del\\s+)?('?\\d{2}|${Y})(?:${sep}${to}${sep}(${Y}|\\d{2}))?`),
    (m) => {
      const first = (m[1] ?? '').replace("'", '');
      const year = first.length === 2 ? 2000 + Number(first) : Number(first);
      return fiscal(year, m[2]);
    },
  );
  take(bound(`(${Y})${sep}${to}${sep}(${Y}|\\d{2})\\s+(?:${fiscalWords})`), (m) =>
    fiscal(Number(m[1]), m[2]),
  );

  // Day ranges: "from 1 July 2013 to 30 June 2014", "du 1er juillet 2019 au 30 juin 2020", "1 April to 31 December 2015".
  take(bound(`(${dayDate})${sep}${to}${sep}(?:the\\s+|le\\s+|el\\s+)?(${dayDate})`), (m) => {
    const start = readDay(m[1] ?? '');
    const end = readDay(m[2] ?? '');
    const period = start && end ? daysPeriod(start, end) : null;
    return period ? { period } : null;
  });
  take(
    bound(
      `(?:between|entre)\\s+(?:the\\s+|le\\s+|el\\s+)?(${dayDate})${sep}${andWord}${sep}(?:the\\s+|le\\s+|el\\s+)?(${dayDate})`,
    ),
    (m) => {
      const start = readDay(m[1] ?? '');
      const end = readDay(m[2] ?? '');
      const period = start && end ? daysPeriod(start, end) : null;
      return period ? { period } : null;
    },
  );
  take(bound(`(${dayNoYear})${sep}(?:${to}|${andWord})${sep}(?:the\\s+|le\\s+|el\\s+)?(${dayDate})`), (m) => {
    const end = readDay(m[2] ?? '');
    if (!end) return null;
    const endYear = Number(end.slice(0, 4));
    let start = readDay(m[1] ?? '', endYear);
    if (start && start > end) start = readDay(m[1] ?? '', endYear - 1);
    const period = start ? daysPeriod(start, end) : null;
    return period ? { period } : null;
  });

  // Month ranges: "March 2012 to March 2013", "between April 2020 and March 2021", "d'octobre 2014 a septembre 2015".
  const months = (a: { year: number; month: number } | null, b: { year: number; month: number } | null) => {
    const period = a && b ? monthsPeriod(a.year, a.month, b.year, b.month) : null;
    return period ? { period } : null;
  };
  take(bound(`(${monthYear})${sep}${to}${sep}(${monthYear})`), (m) =>
    months(readMonthYear(m[1] ?? ''), readMonthYear(m[2] ?? '')),
  );
  take(bound(`(?:between|entre)\\s+(${monthYear})${sep}${andWord}${sep}(${monthYear})`), (m) =>
    months(readMonthYear(m[1] ?? ''), readMonthYear(m[2] ?? '')),
  );
  // "from March to December 2012", "de enero a diciembre de 2019": one year for both months.
  take(bound(`(?:${from}\\s+)?(${M})${sep}(?:${to}|${andWord})${sep}(${monthYear})`), (m) => {
    const end = readMonthYear(m[2] ?? '');
    const startMonth = monthOf(m[1] ?? '');
    if (!end || !startMonth) return null;
    return months({ year: startMonth > end.month ? end.year - 1 : end.year, month: startMonth }, end);
  });

  // Year ranges: "2020-2021", "2020–21", "2014/2015", "from 2014 to 2015", "entre 2018 y 2019".
  const years = (first: string | undefined, second: string | undefined) => {
    const start = Number(first);
    const end = second ? expandYear(start, second) : null;
    if (end === null || end - start > 10) return null;
    const period = yearsPeriod(start, end);
    return period ? { period } : null;
  };
  take(
    new RegExp(
      `(?<![\\p{L}\\p{N}/.\\-])(${Y})${sep}(?:-|\\u2010|\\u2011|\\u2012|\\u2013|\\u2014|/)${sep}(${Y}|\\d{2})(?![\\p{N}]|[/\\-]\\d|\\.\\d)`,
      'gu',
    ),
    (m) => years(m[1], m[2]),
  );
  take(
    bound(`(?:${from}\\s+)?(?:the\\s+years?\\s+|l'annee\\s+|el\\s+ano\\s+)?(${Y})\\s+${to}\\s+(${Y})`),
    (m) => years(m[1], m[2]),
  );
  take(
    bound(
      `(?:between|entre)\\s+(?:the\\s+years?\\s+|les\\s+annees\\s+|los\\s+anos\\s+)?(${Y})\\s+${andWord}\\s+(${Y})`,
    ),
    (m) => years(m[1], m[2]),
  );

  // One year, only where the text says it is the report's: "the report of 2012", "calendar year 2019", "l'annee 2018".
  for (const match of work.matchAll(
    bound(
      `(?:report|rapport|informe|calendar\\s+year|year|annee(?:\\s+civile)?|ano(?:\\s+civil)?|ejercicio|exercice)\\s+(?:(?:of|for|de|del|pour|para|the|l'|el|la|le|en)\\s+)*(${Y})`,
    ),
  )) {
    const year = Number(match[1]);
    const period = yearsPeriod(year);
    const at = match.index ?? 0;
    if (period && validYear(year)) {
      const end = at + match[0].length;
      found.push({
        period,
        text: text.slice(at, end).trim(),
        at,
        cue: Math.max(1, cueAround(work, at, end)),
      });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

function cueAround(text: string, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - 90), start);
  const after = text.slice(end, end + 40);
  return strongCueBefore.test(before) || strongCueAfter.test(after) ? 2 : 0;
}

const precisionRank = { year: 0, 'fiscal-year': 1, month: 2, day: 3 } as const;

export type PeriodChoice = { chosen: PeriodCandidate; guessed: boolean } | null;

/**
 * The period the report covers: the one the text most clearly calls its period (the first of
 * equals); a more precise statement of the same years replaces it. Without any cue, the first
 * range the text names, flagged as a guess. A single year is never guessed.
 */
export function choosePeriod(candidates: PeriodCandidate[]): PeriodChoice {
  const ranked = [...candidates].sort((a, b) => b.cue - a.cue || a.at - b.at);
  let best = ranked[0];
  if (!best) return null;
  if (best.cue === 0) {
    const firstRange = candidates.find(
      (c) => c.period.start.slice(0, 4) !== c.period.end.slice(0, 4) || c.period.precision !== 'year',
    );
    if (!firstRange) return null;
    best = firstRange;
  }
  const years = (c: PeriodCandidate) => [c.period.start.slice(0, 4), c.period.end.slice(0, 4)].join();
  const finer = candidates
    .filter(
      (c) =>
        c !== best &&
        years(c) === years(best) &&
        precisionRank[c.period.precision] > precisionRank[best.period.precision],
    )
    .sort((a, b) => b.cue - a.cue || a.at - b.at)[0];
  const chosen = finer && finer.cue >= (best.cue === 0 ? 0 : 1) ? finer : best;
  return { chosen, guessed: best.cue === 0 };
}

/** The circulation date of the covering formula: "dated 15 October 2012", "datee du 15 octobre 2012", "de fecha 15 de octubre de 2012". */
export function circulationDateIn(text: string): string | null {
  const folded = fold(text);
  const match = new RegExp(
    `(?:dated|datee\\s+du|date\\s+du|en\\s+date\\s+du|de\\s+fecha|fechad[ao]\\s+(?:el\\s+)?|con\\s+fecha)\\s+(?:the\\s+|le\\s+|el\\s+)?(${dayDate})`,
    'u',
  ).exec(folded);
  return match ? readDay(match[1] ?? '') : null;
}

/** A line that is nothing but a date ("15 October 2012", "15/10/2012"), as a document header shows it. */
export function dateLine(line: string): string | null {
  const folded = fold(line)
    .trim()
    .replace(/^(?:date|fecha|date of circulation|date de distribution|fecha de distribucion)\s*:\s*/, '');
  return new RegExp(`^${dayDate}\\.?$`, 'u').test(folded) ? readDay(folded.replace(/\.$/, '')) : null;
}

/** A year range written backwards ("2021-2019"), to name in the error when no period is found. */
export function reversedRangeIn(text: string): string | null {
  for (const match of fold(text).matchAll(
    new RegExp(`(?<![\\p{N}/])(${Y})\\s*[-\\u2013/]\\s*(${Y})(?![\\p{N}])`, 'gu'),
  )) {
    if (Number(match[2]) < Number(match[1])) return match[0];
  }
  return null;
}
