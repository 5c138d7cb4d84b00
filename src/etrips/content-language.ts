// Frequent short words that tell the three WTO languages apart.
const markers: Record<'en' | 'fr' | 'es', string[]> = {
  en: ['the', 'and', 'of', 'in', 'for', 'with', 'on', 'to', 'is', 'are'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'pour', 'dans', 'sur', 'est', 'une'],
  es: ['el', 'los', 'las', 'del', 'y', 'para', 'con', 'por', 'una', 'es', 'sobre'],
};

/**
 * The language a text is written in. e-TRIPS pages often wrap English content in a French or
 * Spanish interface, so the interface language says nothing about the content.
 */
export function guessContentLanguage(text: string): 'en' | 'fr' | 'es' {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const score = (language: 'en' | 'fr' | 'es') => {
    const set = new Set(markers[language]);
    return words.filter((word) => set.has(word)).length;
  };
  const scores = (['en', 'fr', 'es'] as const).map((language) => ({ language, score: score(language) }));
  scores.sort((a, b) => b.score - a.score);
  return scores[0]?.language ?? 'en';
}
