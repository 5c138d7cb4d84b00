import type { Language } from './languages.ts';
import { type VocabularyKey, vocabularyCatalogues } from './vocabulary.ts';

export type FeatureTranslate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/** The texts behind a translator, as the vocabulary test reads them. */
export type CatalogueSource = {
  en: Record<string, string>;
  fr: Record<string, string>;
  es: Record<string, string>;
  /** Key → the sense of its English text, when the same English has another translation elsewhere. */
  contexts?: Record<string, string | undefined>;
  /** Key → the shared vocabulary term it stands for (its text is not repeated here). */
  shared?: Record<string, string>;
};

export type Catalogue<K extends string> = ((language: Language) => FeatureTranslate<K>) & {
  catalogues: CatalogueSource;
};

const fill = (text: string, params?: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

function catalogue<K extends string>(
  source: CatalogueSource,
  fallback?: (language: Language) => FeatureTranslate<string>,
): Catalogue<K> {
  const translate = (language: Language): FeatureTranslate<K> => {
    const own = source[language];
    const shared = source.shared ?? {};
    const base = fallback?.(language);
    return (key, params) => {
      const text = own[key];
      if (text !== undefined) return fill(text, params);
      if (base) return base(shared[key] ?? key, params);
      return fill(key, params);
    };
  };
  return Object.assign(translate, { catalogues: source });
}

/**
 * The shared vocabulary: statuses, revision kinds, common actions and field names that several
 * features show. Every feature translator also knows these keys.
 */
export const vocabulary: Catalogue<VocabularyKey> = catalogue(vocabularyCatalogues);

/**
 * A feature's own interface strings, kept beside the feature. French and Spanish must have every
 * English key (checked by the type system). Use: `const text = defineMessages({ en, fr, es })`,
 * then `text(page.lang)('key', { name })`; {name} placeholders are filled from params.
 *
 * - `shared: { colStatus: 'fieldStatus' }` makes the feature key `colStatus` show the vocabulary term
 *   `fieldStatus`: a term several features use is written once, in src/i18n/vocabulary.ts.
 * - `contexts: { searchButton: 'verb' }` says in which sense an English text is meant, when the
 *   same English is translated differently elsewhere ("Search" the noun and the verb).
 * Vocabulary keys can also be used directly: `text(lang)('save')`.
 */
export function defineMessages<
  const E extends Record<string, string>,
  const S extends Record<string, VocabularyKey> = Record<never, VocabularyKey>,
>(catalogues: {
  en: E;
  fr: Record<keyof E, string>;
  es: Record<keyof E, string>;
  shared?: S;
  contexts?: Partial<Record<keyof E, string>>;
}): Catalogue<Extract<keyof E | keyof S, string> | VocabularyKey> {
  return catalogue(
    catalogues as CatalogueSource,
    vocabulary as (language: Language) => FeatureTranslate<string>,
  );
}

/** One text in the three languages, for what is stored or sent in all of them (notifications, IATI narratives). */
export function inEveryLanguage<K extends string>(
  text: (language: Language) => FeatureTranslate<K>,
  key: K,
  params?: Record<string, string | number>,
): Record<Language, string> {
  return { en: text('en')(key, params), fr: text('fr')(key, params), es: text('es')(key, params) };
}
