import type { Language } from './languages.ts';

export type FeatureTranslate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * A feature's own interface strings, kept beside the feature. French and Spanish must have every
 * English key (checked by the type system). Use: `const text = defineMessages({ en, fr, es })`,
 * then `text(page.lang)('key', { name })`; {name} placeholders are filled from params.
 */
export function defineMessages<const E extends Record<string, string>>(catalogues: {
  en: E;
  fr: Record<keyof E, string>;
  es: Record<keyof E, string>;
}): (language: Language) => FeatureTranslate<Extract<keyof E, string>> {
  return (language) => {
    const catalogue = catalogues[language] as Record<string, string>;
    return (key, params) =>
      (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
        params && name in params ? String(params[name]) : whole,
      );
  };
}
