/**
 * Reads the facts a programme's announcement states (the WIPO article on the 2024 WIPO–CIPO
 * edition is the model): agreement, signatories, edition dates and venue, headcount, regions,
 * topics, session kinds, historic figures. Each fact must be found, or the reading fails with
 * the fact it missed: a demo never shows invented figures.
 */
export type ProgrammeArticleFacts = {
  agreementSignedOn: string;
  signatories: Array<{ name: string; title: string; organization: string }>;
  edition: {
    startDate: string;
    endDate: string;
    venue: string;
    city: string;
    country: string;
    participants: number;
    regions: string[];
  };
  foundingYear: number;
  historicParticipants: number;
  historicCountries: number;
  historicNote: string;
  topics: string[];
  sessions: Array<{ kind: 'fireside-conversation' | 'practical-session'; title: string }>;
};

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const smallNumbers = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

export class ArticleFactMissing extends Error {}

function need<T>(value: T | null | undefined, fact: string): T {
  if (value === null || value === undefined)
    throw new ArticleFactMissing(`the article does not state ${fact}`);
  return value;
}

function isoDate(monthName: string, day: string, year: string): string {
  const month = months.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) throw new ArticleFactMissing(`"${monthName}" is not a month`);
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const toNumber = (word: string) =>
  /^\d+$/.test(word) ? Number(word) : smallNumbers.indexOf(word.toLowerCase());

export function readProgrammeArticle(text: string): ProgrammeArticleFacts {
  const flat = text.replace(/\s+/g, ' ');
  const signing = need(
    /^(.+?) Hasan Kleib and Konstantinos Georgaras, (.+?) of the (.+?) \((\w+)\) signed an agreement on (\w+) (\d{1,2}), (\d{4})/m.exec(
      text,
    ),
    'who signed the agreement and when',
  );
  const held = need(
    /held from (\w+) (\d{1,2}) to (\d{1,2}), (\d{4}) at (.+?) in (\w+), (\w+) for the benefit of (\w+) participants representing IP offices from (.+?)\./.exec(
      flat,
    ),
    'the dates, venue and participants of the edition',
  );
  const history = need(
    /Since its inception in (\d{4}), the (.+?) has hosted over (\d+) participants from nearly (\d+) countries/.exec(
      flat,
    ),
    'the historic figures since the programme began',
  );
  const sessions = need(
    /included a (fireside conversation [^.]+?) and (practical sessions [^.]+)\./.exec(flat),
    'the kinds of sessions',
  );
  const topicBlock = need(
    /covered a range of topics, including:\s*\n((?:\s*•.*\n?)+)/.exec(text),
    'the list of topics',
  );
  const topics = (topicBlock[1] ?? '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*•\s*/, '')
        .replace(/(;| and|\.|;\s*and)\s*$/, '')
        .replace(/;$/, '')
        .trim(),
    )
    .filter(Boolean);
  const [, month, firstDay, lastDay, year, venue, city, country, headcount, regions] = held;
  const participants = toNumber(headcount ?? '');
  if (participants < 1) throw new ArticleFactMissing(`"${headcount}" is not a number of participants`);
  const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return {
    agreementSignedOn: isoDate(signing[5] ?? '', signing[6] ?? '', signing[7] ?? ''),
    signatories: [
      { name: 'Hasan Kleib', title: (signing[1] ?? '').replace(/^WIPO /, ''), organization: 'WIPO' },
      { name: 'Konstantinos Georgaras', title: signing[2] ?? '', organization: signing[4] ?? '' },
    ],
    edition: {
      startDate: isoDate(month ?? '', firstDay ?? '', year ?? ''),
      endDate: isoDate(month ?? '', lastDay ?? '', year ?? ''),
      venue: venue ?? '',
      city: city ?? '',
      country: country ?? '',
      participants,
      regions: (regions ?? '')
        .split(/,\s*|\s+and\s+/)
        .map((r) => r.trim())
        .filter(Boolean),
    },
    foundingYear: Number(history[1]),
    historicParticipants: Number(history[3]),
    historicCountries: Number(history[4]),
    historicNote: `Over ${history[3]} participants from nearly ${history[4]} countries since ${history[1]} (figure stated by CIPO, October 2024).`,
    topics,
    sessions: [
      { kind: 'fireside-conversation', title: capitalize(sessions[1] ?? '') },
      { kind: 'practical-session', title: capitalize(sessions[2] ?? '') },
    ],
  };
}
