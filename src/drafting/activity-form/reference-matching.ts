import type { Language } from '../../i18n/languages.ts';
import { createNameResolver, type ResolvedName } from '../../reference/name-resolver.ts';
import type { ReferenceData, TaxonomyName } from '../../reference/reference-data.ts';

/** What validation needs to know: the shipped reference files or the same shape from elsewhere. */
export type ActivityReference = Pick<ReferenceData, 'parties' | 'regions' | 'taxonomies'>;

/** Case, accents, apostrophes and punctuation ignored: "Plurilatéral/régional" meets "plurilateral / regional". */
export function looseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

export type ReferenceMatcher = {
  /** The taxonomy key for a key or a label in any of the three languages. */
  term(taxonomy: TaxonomyName, text: string): string | null;
  termLabel(taxonomy: TaxonomyName, key: string, lang: Language): string;
  termLabels(taxonomy: TaxonomyName, lang: Language): string[];
  /** A party or region by code (party, ISO alpha-3, region) or by any of its names. */
  beneficiary(text: string): ResolvedName | null;
  beneficiaryName(target: ResolvedName, lang: Language): string;
};

const matchers = new WeakMap<ActivityReference, ReferenceMatcher>();

/** Built once per reference data object: validating 2,000 spreadsheet rows must not rebuild it. */
export function referenceMatcher(reference: ActivityReference): ReferenceMatcher {
  const known = matchers.get(reference);
  if (known) return known;
  const terms = new Map<string, string>();
  for (const [taxonomy, list] of Object.entries(reference.taxonomies)) {
    for (const term of list) {
      for (const text of [term.key, term.en, term.fr, term.es]) {
        const key = `${taxonomy}:${looseKey(text)}`;
        if (!terms.has(key)) terms.set(key, term.key);
      }
    }
  }
  const resolver = createNameResolver(reference);
  // The resolver knows party and ISO codes; region codes ("GLOBAL-SOUTH", "419") are added here.
  const regionCodes = new Map(reference.regions.map((r) => [r.code, r]));
  const partyNames = new Map(reference.parties.map((p) => [p.code, p.names]));
  const matcher: ReferenceMatcher = {
    term: (taxonomy, text) => terms.get(`${taxonomy}:${looseKey(text)}`) ?? null,
    termLabel: (taxonomy, key, lang) =>
      reference.taxonomies[taxonomy].find((t) => t.key === key)?.[lang] ?? key,
    termLabels: (taxonomy, lang) => reference.taxonomies[taxonomy].map((t) => t[lang]),
    beneficiary(text) {
      const trimmed = text.trim();
      if (regionCodes.has(trimmed)) return { kind: 'region', code: trimmed };
      return resolver.resolve(trimmed);
    },
    beneficiaryName: (target, lang) =>
      (target.kind === 'party' ? partyNames.get(target.code) : regionCodes.get(target.code)?.names)?.[lang] ??
      target.code,
  };
  matchers.set(reference, matcher);
  return matcher;
}

let languagesByName: Map<string, string> | undefined;

/**
 * ISO 639-1 codes by code and by name in English, French, Spanish and the language itself
 * ("Arabic", "arabe", "árabe", "العربية"), from the runtime's own language names.
 */
function languageIndex(): Map<string, string> {
  if (languagesByName) return languagesByName;
  const index = new Map<string, string>();
  const namers = (['en', 'fr', 'es'] as const).map(
    (lang) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }),
  );
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const names = namers.map((namer) => namer.of(code));
      if (names.some((name) => name === undefined || name === code)) continue;
      index.set(code, code);
      const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      for (const name of [...names, own]) {
        const key = name ? looseKey(name) : '';
        if (key && !index.has(key)) index.set(key, code);
      }
    }
  }
  languagesByName = index;
  return index;
}

/** A language code for "fr", "FR", "French", "français", "francés". */
export function matchLanguage(text: string): string | null {
  const trimmed = text.trim();
  return languageIndex().get(trimmed.toLowerCase()) ?? languageIndex().get(looseKey(trimmed)) ?? null;
}

const languageNamers = new Map<Language, Intl.DisplayNames>();

/** "anglais" for `en` in French: how the preview and the template's list name a language. */
export function languageName(code: string, lang: Language): string {
  let namer = languageNamers.get(lang);
  if (!namer) {
    namer = new Intl.DisplayNames([lang], { type: 'language' });
    languageNamers.set(lang, namer);
  }
  return namer.of(code) ?? code;
}
