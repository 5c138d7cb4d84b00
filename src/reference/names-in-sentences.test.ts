import { describe, expect, it } from 'vitest';
import { languages } from '../i18n/languages.ts';
import { atSentenceStart, namesInSentences, partyInSentence } from './names-in-sentences.ts';
import { referenceData } from './reference-data.ts';

const parties = new Map(referenceData().parties.map((party) => [party.code, party]));
const of = (code: string, language: 'en' | 'fr' | 'es', preposition: 'of' | 'to' | 'from' | null = 'of') =>
  partyInSentence(code, parties.get(code)?.names[language] ?? code, language, preposition);

describe('a party named inside a sentence', () => {
  it('joins French articles to de and à', () => {
    expect(of('CAN', 'fr')).toBe('du Canada');
    expect(of('USA', 'fr')).toBe('des États-Unis');
    expect(of('PHL', 'fr')).toBe('des Philippines');
    expect(of('BEL', 'fr')).toBe('de la Belgique');
    expect(of('DEU', 'fr')).toBe('de l’Allemagne');
    expect(of('ISR', 'fr')).toBe('d’Israël');
    expect(of('HTI', 'fr')).toBe('d’Haïti');
    expect(of('HKG', 'fr')).toBe('de Hong Kong, Chine');
    expect(of('CUB', 'fr')).toBe('de Cuba');
    expect(of('CAN', 'fr', 'to')).toBe('au Canada');
    expect(of('USA', 'fr', 'to')).toBe('aux États-Unis');
    expect(of('KOR', 'fr', null)).toBe('la République de Corée');
  });

  it('joins Spanish articles to de and a, and turns names with a comma round', () => {
    expect(of('USA', 'es')).toBe('de los Estados Unidos');
    expect(of('CAN', 'es')).toBe('del Canadá');
    expect(of('GBR', 'es', 'to')).toBe('al Reino Unido');
    expect(of('BOL', 'es')).toBe('del Estado Plurinacional de Bolivia');
    expect(of('SLV', 'es')).toBe('de El Salvador');
    expect(of('KEN', 'es', 'to')).toBe('a Kenya');
  });

  it('says "the" in English where the name takes it', () => {
    expect(of('USA', 'en')).toBe('of the United States');
    expect(of('CAN', 'en')).toBe('of Canada');
    expect(of('KOR', 'en', 'from')).toBe('from the Republic of Korea');
    expect(atSentenceStart(of('USA', 'en', null))).toBe('The United States');
    expect(atSentenceStart(of('CAN', 'fr', null))).toBe('Le Canada');
  });

  it('is data for known parties only, each form holding an article or the name turned round', () => {
    const forms = namesInSentences();
    for (const language of languages) {
      for (const [code, form] of Object.entries(forms[language])) {
        const party = parties.get(code);
        expect(party, `${language} ${code}`).toBeDefined();
        expect(form, `${language} ${code}`).toMatch(/^(the |le |la |les |l’|el |los |las )/u);
      }
    }
    // Every French country name but a few (islands, city states) takes an article.
    const members = [...parties.values()].filter((party) => party.kind !== 'igo');
    const bare = members.filter((party) => !(party.code in forms.fr)).map((party) => party.code);
    expect(bare.sort()).toEqual(
      [
        'ATG',
        'CUB',
        'CUW',
        'CYP',
        'DJI',
        'HKG',
        'HTI',
        'ISR',
        'KNA',
        'LCA',
        'MAC',
        'MDG',
        'MLT',
        'MUS',
        'OMN',
        'SGP',
        'SLV',
        'STP',
        'TTO',
        'VCT',
      ].sort(),
    );
  });
});
