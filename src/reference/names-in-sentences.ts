import { readFileSync } from 'node:fs';
import type { Language } from '../i18n/languages.ts';

/**
 * A party named inside a sentence, with its article and the preposition joined to it:
 * "of the United States", "du Canada", "des Philippines", "au Canada", "del Canadá",
 * "de los Estados Unidos". The forms are data (data/names-in-sentences.json, see SOURCES.md).
 */
export type Preposition = 'of' | 'to' | 'from' | null;

type SentenceForms = Record<Language, Record<string, string>>;

let cached: SentenceForms | undefined;
function sentenceForms(): SentenceForms {
  cached ??= JSON.parse(
    readFileSync(new URL('./data/names-in-sentences.json', import.meta.url), 'utf8'),
  ) as SentenceForms;
  return cached;
}

/** The codes whose name takes an article or another form in a sentence, per language (for tests). */
export const namesInSentences = (): SentenceForms => sentenceForms();

/** French elides "de" before a vowel and a mute h ("d’Israël", "d’Haïti", but "de Hong Kong"). */
const elides = (name: string) => /^([AEIOUÉÈÊÎÏÔÂ]|Ha[iï]ti)/i.test(name);

function french(form: string, preposition: Preposition): string {
  if (preposition === null) return form;
  const to = preposition === 'to';
  if (form.startsWith('le ')) return `${to ? 'au' : 'du'} ${form.slice(3)}`;
  if (form.startsWith('les ')) return `${to ? 'aux' : 'des'} ${form.slice(4)}`;
  if (form.startsWith('la ') || form.startsWith('l’')) return `${to ? 'à' : 'de'} ${form}`;
  if (to) return `à ${form}`;
  return elides(form) ? `d’${form}` : `de ${form}`;
}

function spanish(form: string, preposition: Preposition): string {
  if (preposition === null) return form;
  const to = preposition === 'to';
  if (form.startsWith('el ')) return `${to ? 'al' : 'del'} ${form.slice(3)}`;
  return `${to ? 'a' : 'de'} ${form}`;
}

/**
 * `shortName` is the party's short name in `language` (labels.partyName); `preposition` null gives
 * the name with its article alone ("le Canada"), for a sentence whose verb takes it directly.
 */
export function partyInSentence(
  code: string,
  shortName: string,
  language: Language,
  preposition: Preposition,
): string {
  const form = sentenceForms()[language][code] ?? shortName;
  if (language === 'fr') return french(form, preposition);
  if (language === 'es') return spanish(form, preposition);
  return preposition === null ? form : `${preposition} ${form}`;
}

/** "Le Canada", "Los Estados Unidos": a name that opens a sentence. */
export const atSentenceStart = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
