import { readFileSync } from 'node:fs';

export type Language = 'en' | 'fr' | 'es';
const languages: Language[] = ['en', 'fr', 'es'];

/** One concept in the three languages; the first form of each is the one shown. */
export type VocabularyEntry = Record<Language, string[]>;

/** Lower case, no accents, words only: how query text and terms are compared. */
export const foldWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Reads the vocabulary's text form (see data/ip-vocabulary.txt). */
export function readVocabulary(text: string): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const columns = line.split('|');
    if (columns.length !== 3) throw new Error(`ip-vocabulary.txt line ${n + 1}: three languages expected`);
    const forms = columns.map((column) =>
      column
        .replace(/\((?:Art|Part)\.?[^)]*\)/g, '')
        .split(';')
        .map((form) => form.replace(/[()]/g, '').replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    );
    if (forms.some((list) => list.length === 0)) {
      throw new Error(`ip-vocabulary.txt line ${n + 1}: a form in each language expected`);
    }
    entries.push({ en: forms[0] ?? [], fr: forms[1] ?? [], es: forms[2] ?? [] });
  }
  return entries;
}

export const vocabulary: VocabularyEntry[] = readVocabulary(
  readFileSync(new URL('./data/ip-vocabulary.txt', import.meta.url), 'utf8'),
);

/** A word of the query stands for a word of a term: the same, or one is the other's plural. */
const sameWord = (a: string, b: string) =>
  a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;

type Form = { words: string[]; entry: VocabularyEntry };
const formsByFirstWord = new Map<string, Form[]>();
for (const entry of vocabulary) {
  for (const language of languages) {
    for (const form of entry[language]) {
      const words = foldWords(form);
      const first = words[0];
      if (!first) continue;
      // Index by the word and its singular, so that plurals typed find singular terms.
      for (const key of new Set([first, first.replace(/e?s$/, '')])) {
        const list = formsByFirstWord.get(key) ?? [];
        list.push({ words, entry });
        formsByFirstWord.set(key, list);
      }
    }
  }
}

export type Expansion = {
  /** Words of the query that no term covers, as typed. */
  rest: string;
  /** For each term found: every form of it in the three languages (what is searched for). */
  groups: string[][];
  /** The forms shown to the visitor, in the other languages than the one typed. */
  alsoSearched: string[];
};

/**
 * Finds vocabulary terms in a search text, longest first, so that "brevet" also searches
 * "patent" and "patente". Texts using the search syntax (quotes, OR, a leading minus) are taken
 * as they are.
 */
export function expandQuery(q: string): Expansion {
  const none: Expansion = { rest: q, groups: [], alsoSearched: [] };
  if (/["]/.test(q) || /(^|\s)-\S/.test(q) || /(^|\s)or(\s|$)/i.test(q)) return none;
  const typed = q.split(/\s+/).filter(Boolean);
  const folded = typed.map((word) => foldWords(word));
  // Word positions: each typed word may fold into several words (e-commerce: e, commerce).
  const words: Array<{ word: string; typed: number }> = [];
  folded.forEach((list, index) => {
    for (const word of list) words.push({ word, typed: index });
  });
  const groups: string[][] = [];
  const alsoSearched: string[] = [];
  const covered = new Set<number>();
  for (let i = 0; i < words.length; ) {
    const word = words[i]?.word ?? '';
    const candidates = [
      ...(formsByFirstWord.get(word) ?? []),
      ...(formsByFirstWord.get(word.replace(/e?s$/, '')) ?? []),
    ];
    let best: Form | null = null;
    for (const form of candidates) {
      if (form.words.length <= (best?.words.length ?? 0) || i + form.words.length > words.length) continue;
      if (form.words.every((w, k) => sameWord(w, words[i + k]?.word ?? ''))) best = form;
    }
    if (!best) {
      i++;
      continue;
    }
    const span = words.slice(i, i + best.words.length);
    for (const { typed: t } of span) covered.add(t);
    const entry = best.entry;
    const seen = new Set<string>();
    const group: string[] = [];
    for (const language of languages) {
      for (const form of entry[language]) {
        const key = foldWords(form).join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        group.push(form);
      }
    }
    groups.push(group);
    const typedKey = span.map((s) => s.word).join(' ');
    const typedLanguage = languages.find((language) =>
      entry[language].some((form) => {
        const formWords = foldWords(form);
        return (
          formWords.length === span.length && formWords.every((w, k) => sameWord(w, span[k]?.word ?? ''))
        );
      }),
    );
    for (const language of languages) {
      if (language === typedLanguage) continue;
      const shown = entry[language][0] ?? '';
      if (foldWords(shown).join(' ') !== typedKey && !alsoSearched.includes(shown)) alsoSearched.push(shown);
    }
    i += best.words.length;
  }
  if (groups.length === 0) return none;
  // A typed word partly covered (rare: e-commerce where only "commerce" is a term) stays in the rest.
  const rest = typed.filter((_, index) => !covered.has(index)).join(' ');
  return { rest, groups, alsoSearched };
}
