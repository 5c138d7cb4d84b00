import { asc } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { type Preposition, partyInSentence } from './names-in-sentences.ts';
import { parties, partyStatusHistory, regions, taxonomyTerms } from './schema.ts';

type Names = Record<Language, string>;

export type StatusPeriod = { status: 'developed' | 'developing' | 'ldc'; from: string; to: string | null };

export type PartyInfo = {
  code: string;
  kind: 'member' | 'observer' | 'igo';
  names: Names;
  regionCode: string | null;
  subregionCode: string | null;
  iso2: string | null;
  iso3: string | null;
  scheduledGraduation: string | null;
  status: StatusPeriod[];
};

export type ReferenceLabels = {
  parties: Map<string, PartyInfo>;
  regions: Map<string, { code: string; kind: string; parentCode: string | null; names: Names }>;
  terms: Map<string, Names>;
  partyName(code: string, language: Language): string;
  /**
   * The party inside a sentence, with its article and preposition: partyIn('CAN', 'fr', 'of') is
   * "du Canada", partyIn('USA', 'es', 'of') "de los Estados Unidos", partyIn('CAN', 'fr', null)
   * "le Canada" (see names-in-sentences.ts).
   */
  partyIn(code: string, language: Language, preposition: Preposition): string;
  regionName(code: string, language: Language): string;
  term(taxonomy: string, key: string, language: Language): string;
  termsOf(taxonomy: string): Array<{ key: string; names: Names }>;
  /** Whether the party was an LDC on that day (today by default). */
  isLdc(code: string, on?: string): boolean;
  /** "English", "anglais", "inglés": a content language named in the interface language. */
  languageName(code: string, language: Language): string;
};

const languageNames = new Map<Language, Intl.DisplayNames>();
function languageName(code: string, language: Language): string {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language' });
    languageNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/**
 * Names and labels of parties, regions and taxonomy terms, read once from the database so pages
 * can label codes without a query each.
 */
export async function loadReferenceLabels(db: Db): Promise<ReferenceLabels> {
  const [partyRows, statusRows, regionRows, termRows] = await Promise.all([
    db.select().from(parties),
    db.select().from(partyStatusHistory).orderBy(asc(partyStatusHistory.validFrom)),
    db.select().from(regions),
    db.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.taxonomy), asc(taxonomyTerms.position)),
  ]);
  const partyMap = new Map<string, PartyInfo>(
    partyRows.map((p) => [
      p.code,
      {
        code: p.code,
        kind: p.kind,
        names: { en: p.nameEn, fr: p.nameFr, es: p.nameEs },
        regionCode: p.regionCode,
        subregionCode: p.subregionCode,
        iso2: p.iso2,
        iso3: p.iso3,
        scheduledGraduation: p.scheduledGraduation,
        status: [],
      },
    ]),
  );
  for (const row of statusRows) {
    partyMap.get(row.partyCode)?.status.push({ status: row.status, from: row.validFrom, to: row.validTo });
  }
  const regionMap = new Map(
    regionRows.map((r) => [
      r.code,
      {
        code: r.code,
        kind: r.kind,
        parentCode: r.parentCode,
        names: { en: r.nameEn, fr: r.nameFr, es: r.nameEs },
      },
    ]),
  );
  const termMap = new Map<string, Names>();
  const ordered = new Map<string, Array<{ key: string; names: Names }>>();
  for (const t of termRows) {
    const names = { en: t.labelEn, fr: t.labelFr, es: t.labelEs };
    termMap.set(`${t.taxonomy}:${t.key}`, names);
    const list = ordered.get(t.taxonomy) ?? [];
    list.push({ key: t.key, names });
    ordered.set(t.taxonomy, list);
  }
  const today = () => new Date().toISOString().slice(0, 10);
  return {
    parties: partyMap,
    regions: regionMap,
    terms: termMap,
    partyName: (code, language) => partyMap.get(code)?.names[language] ?? code,
    partyIn: (code, language, preposition) =>
      partyInSentence(code, partyMap.get(code)?.names[language] ?? code, language, preposition),
    regionName: (code, language) => regionMap.get(code)?.names[language] ?? code,
    term: (taxonomy, key, language) => termMap.get(`${taxonomy}:${key}`)?.[language] ?? key,
    termsOf: (taxonomy) => ordered.get(taxonomy) ?? [],
    languageName,
    isLdc: (code, on = today()) =>
      partyMap
        .get(code)
        ?.status.some((s) => s.status === 'ldc' && s.from <= on && (s.to === null || on < s.to)) ?? false,
  };
}
