import type { FeatureTranslate } from './catalogue.ts';
import { formatNumber } from './format.ts';
import { type Language, locales } from './languages.ts';

/**
 * Counts in words. A catalogue writes a counted phrase as two keys, `<base>One` and `<base>Other`
 * ("{count} reporting party" / "{count} reporting parties"); `Intl.PluralRules` of the page's language
 * picks one: French takes the singular for 0 and 1 ("0 commentaire"), English and Spanish for 1 only.
 * Every other CLDR category (French "many" for a million) takes the `Other` form.
 */

const rules = new Map<Language, Intl.PluralRules>();

/** `One` or `Other`: the suffix of the key that fits `count` in `language`. */
export function pluralForm(language: Language, count: number): 'One' | 'Other' {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(locales[language]);
    rules.set(language, rule);
  }
  return rule.select(count) === 'one' ? 'One' : 'Other';
}

/** The bases of a catalogue's plural pairs: `rowsRead` when both `rowsReadOne` and `rowsReadOther` exist. */
export type PluralBase<K extends string> = BaseOfPair<K, K>;
type BaseOfPair<Each extends string, All extends string> = Each extends `${infer Base}One`
  ? `${Base}Other` extends All
    ? Base
    : never
  : never;

/**
 * The counted phrase in the page's language: `counted(t, lang, 'reportingParties', 3)` →
 * "3 reporting parties". `{count}` is filled with the number formatted for the language; other
 * placeholders come from `params`.
 */
export function counted<K extends string>(
  translate: FeatureTranslate<K>,
  language: Language,
  base: PluralBase<NoInfer<K>>,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const key = `${base}${pluralForm(language, count)}` as K;
  return translate(key, { ...params, count: formatNumber(language, count) });
}
