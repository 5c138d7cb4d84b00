/** A text kept in the languages it exists in: { en?, fr?, es? }. */
export type TextByLanguage = Partial<Record<string, string | undefined>>;

/**
 * The text in the wanted language if it exists, else in its original language (else any),
 * saying which language was used and whether it is the wanted one.
 */
export function pickText(
  text: TextByLanguage,
  lang: string,
  original?: string,
): { value: string; lang: string; translated: boolean } {
  const own = text[lang];
  if (own) return { value: own, lang, translated: true };
  const fallbackLang =
    (original && text[original] ? original : Object.keys(text).find((key) => text[key])) ?? lang;
  return { value: text[fallbackLang] ?? '', lang: fallbackLang, translated: false };
}

/** Just the string of pickText. */
export const textIn = (text: TextByLanguage, lang: string, original?: string): string =>
  pickText(text, lang, original).value;
