import type { ReferenceData } from './reference-data.ts';

export type ResolvedName = { kind: 'party' | 'region'; code: string };

// Words that carry no identity in country names, in the three WTO languages.
const fillerWords = new Set([
  'the',
  'of',
  'and',
  'de',
  'la',
  'le',
  'les',
  'el',
  'los',
  'las',
  'del',
  'du',
  'des',
  'd',
  'l',
  'et',
  'y',
  's',
]);

/**
 * A key for comparing names: case, accents, punctuation and word order ignored,
 * so "Bolivia, Plurinational State of" and "Plurinational State of Bolivia" meet.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !fillerWords.has(word))
    .sort()
    .join(' ');
}

export type NameResolver = {
  resolve(name: string): ResolvedName | null;
  /** Every spelling known for a code, for finding names inside running text. */
  spellings(): Array<{ text: string } & ResolvedName>;
};

export function createNameResolver(data: Pick<ReferenceData, 'parties' | 'regions'>): NameResolver {
  const byKey = new Map<string, ResolvedName>();
  const spellings: Array<{ text: string } & ResolvedName> = [];
  const add = (text: string, target: ResolvedName) => {
    const key = nameKey(text);
    if (!key) return;
    // First writer wins: official names are added before aliases.
    if (!byKey.has(key)) byKey.set(key, target);
    spellings.push({ text, ...target });
  };
  for (const party of data.parties) {
    const target: ResolvedName = { kind: 'party', code: party.code };
    for (const name of [party.names.en, party.names.fr, party.names.es]) add(name, target);
  }
  for (const party of data.parties) {
    const target: ResolvedName = { kind: 'party', code: party.code };
    const full = party.fullNames ? [party.fullNames.en, party.fullNames.fr, party.fullNames.es] : [];
    for (const name of [...full, ...party.aliases]) add(name, target);
  }
  for (const region of data.regions) {
    const target: ResolvedName = { kind: 'region', code: region.code };
    for (const name of [region.names.en, region.names.fr, region.names.es, ...region.aliases])
      add(name, target);
  }
  const codes = new Map<string, ResolvedName>();
  for (const party of data.parties) {
    codes.set(party.code, { kind: 'party', code: party.code });
    if (party.iso3) codes.set(party.iso3, { kind: 'party', code: party.code });
  }
  return {
    resolve(name) {
      const trimmed = name.trim();
      // Codes only in capitals, so that an ordinary word is never read as a code.
      return codes.get(trimmed) ?? byKey.get(nameKey(trimmed)) ?? null;
    },
    spellings: () => spellings,
  };
}
