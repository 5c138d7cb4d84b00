import { type Language, locales } from './languages.ts';

const collators = new Map<Language, Intl.Collator>();

/**
 * Compares two names as a reader of the page's language sorts them (`Intl.Collator`): in Spanish
 * "El Salvador" comes among the E, "Émirats" among the E in French, accents and case do not split
 * the list. Every list of parties, regions or agencies sorts its names with this.
 */
export function byName(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(locales[language], { sensitivity: 'base', numeric: true });
    collators.set(language, collator);
  }
  return collator.compare;
}

/** The items sorted by the name `nameOf` gives them in `language` (a new array). */
export function sortByName<T>(items: readonly T[], language: Language, nameOf: (item: T) => string): T[] {
  const compare = byName(language);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}
