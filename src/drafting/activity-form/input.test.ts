import { describe, expect, it } from 'vitest';
import { languages } from '../../i18n/languages.ts';
import { referenceData } from '../../reference/reference-data.ts';
import { fieldForHeader } from './fields.ts';
import {
  type ActivityInput,
  activityFields,
  activityInputSchema,
  activityValuesFromInput,
  validateActivityInput,
} from './input.ts';

const reference = referenceData();

function valid(raw: Record<string, unknown>, lang: 'en' | 'fr' | 'es' = 'en'): ActivityInput {
  const result = validateActivityInput(raw, lang, reference);
  if (!result.ok) throw new Error(`expected valid input, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(raw: Record<string, unknown>, lang: 'en' | 'fr' | 'es' = 'en') {
  const result = validateActivityInput(raw, lang, reference);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const complete = {
  title: 'WIPO–CIPO Executive Training Program',
  description: 'Senior officials of IP offices, one week in Gatineau.',
  originalLanguage: 'en',
  startDate: '2024-10-07',
  endDate: '2024-10-11',
  level: 'bilateral',
  activityType: 'training',
  ipAreas: ['patents', 'trademarks'],
  elements: ['Training of personnel', 'prevención del abuso'],
  beneficiaries: ['NPL', 'BOL', 'GLOBAL-SOUTH'],
  implementingAgencies: 'CIPO',
  partners: ['WIPO'],
  budgetAmount: '120000',
  budgetCurrency: 'CAD',
  fundingSource: 'co-financed',
  deliveryMode: 'in-person',
  deliveryLanguages: ['en', 'fr'],
  website: 'https://www.wipo.int/academy/en/',
  contactName: 'CIPO Academy',
  contactEmail: 'academy@example.org',
  status: 'completed',
};

describe('validateActivityInput: valid activities', () => {
  it('reads every field of a complete form into codes, dates and precisions', () => {
    expect(valid(complete)).toEqual({
      title: 'WIPO–CIPO Executive Training Program',
      description: 'Senior officials of IP offices, one week in Gatineau.',
      originalLanguage: 'en',
      startDate: { date: '2024-10-07', precision: 'day' },
      endDate: { date: '2024-10-11', precision: 'day' },
      level: 'bilateral',
      activityType: 'training',
      ipAreas: ['patents', 'trademarks'],
      elements: ['training-personnel', 'prevention-of-abuse'],
      beneficiaries: [
        { kind: 'party', code: 'NPL', nameAsWritten: 'Nepal' },
        { kind: 'party', code: 'BOL', nameAsWritten: 'Bolivia, Plurinational State of' },
        { kind: 'region', code: 'GLOBAL-SOUTH', nameAsWritten: 'Global South' },
      ],
      implementingAgencies: ['CIPO'],
      partners: ['WIPO'],
      budgetAmount: '120000',
      budgetCurrency: 'CAD',
      fundingSource: 'co-financed',
      deliveryMode: 'in-person',
      deliveryLanguages: ['en', 'fr'],
      website: 'https://www.wipo.int/academy/en/',
      contactName: 'CIPO Academy',
      contactEmail: 'academy@example.org',
      status: 'completed',
    });
  });

  it('needs only a title; empty fields become null or empty lists', () => {
    const input = valid({ title: '  Seminar on GIs  ', description: '   ', ipAreas: [] }, 'es');
    expect(input).toMatchObject({
      title: 'Seminar on GIs',
      description: null,
      originalLanguage: 'es',
      startDate: null,
      ipAreas: [],
      beneficiaries: [],
      budgetAmount: null,
      status: null,
    });
  });

  it('reads dates known to the year, the month or the day', () => {
    expect(valid({ title: 't', startDate: '2020' }).startDate).toEqual({
      date: '2020-01-01',
      precision: 'year',
    });
    expect(valid({ title: 't', startDate: '2020-09' }).startDate).toEqual({
      date: '2020-09-01',
      precision: 'month',
    });
    expect(valid({ title: 't', startDate: '2020-9-7' }).startDate).toEqual({
      date: '2020-09-07',
      precision: 'day',
    });
    expect(valid({ title: 't', startDate: '2024-02-29' }).startDate?.precision).toBe('day');
  });

  it('compares an end with a start as periods: "2020" can end something that started in June 2020', () => {
    expect(valid({ title: 't', startDate: '2020-06-15', endDate: '2020' }).endDate?.precision).toBe('year');
    expect(valid({ title: 't', startDate: '2020-06-30', endDate: '2020-06' }).endDate?.precision).toBe(
      'month',
    );
    expect(valid({ title: 't', startDate: '2020-06-30', endDate: '2020-06-30' }).endDate?.precision).toBe(
      'day',
    );
  });

  it('takes taxonomy values by code or by label in any language, ignoring case and accents', () => {
    const input = valid(
      {
        title: 't',
        level: 'PLURILATERAL / REGIONAL',
        activityType: 'Cours de formation ou atelier',
        ipAreas: 'Patentes; droit d’auteur et droits connexes; enforcement',
        fundingSource: 'cofinance',
        deliveryMode: 'Híbrido',
        status: 'en curso',
      },
      'fr',
    );
    expect(input).toMatchObject({
      level: 'plurilateral',
      activityType: 'training',
      ipAreas: ['patents', 'copyright', 'enforcement'],
      fundingSource: 'co-financed',
      deliveryMode: 'blended',
      status: 'ongoing',
    });
  });

  it('resolves beneficiaries by names in any language, keeps them as written, and drops repeats', () => {
    const input = valid({
      title: 't',
      originalLanguage: 'fr',
      beneficiaries: 'Bolivia, Estado Plurinacional de; Népal; Amérique centrale; CAN; Canada',
    });
    expect(input.beneficiaries).toEqual([
      { kind: 'party', code: 'BOL', nameAsWritten: 'Bolivia, Estado Plurinacional de' },
      { kind: 'party', code: 'NPL', nameAsWritten: 'Népal' },
      { kind: 'region', code: '013', nameAsWritten: 'Amérique centrale' },
      // Typed as a code: "as written" holds the official name in the activity's language.
      { kind: 'party', code: 'CAN', nameAsWritten: 'Canada' },
    ]);
  });

  it('reads amounts written the English, French or Spanish way', () => {
    const amount = (budgetAmount: string) => valid({ title: 't', budgetAmount, budgetCurrency: 'usd' });
    expect(amount('25 000,50').budgetAmount).toBe('25000.50');
    expect(amount('25,000.5').budgetAmount).toBe('25000.5');
    expect(amount('1.250.000,75').budgetAmount).toBe('1250000.75');
    expect(amount('0').budgetAmount).toBe('0');
    expect(amount('1').budgetCurrency).toBe('USD');
  });

  it('reads delivery languages by code or name, and the original language by name', () => {
    const input = valid({
      title: 't',
      originalLanguage: 'Français',
      deliveryLanguages: 'árabe; English; pt',
    });
    expect(input.originalLanguage).toBe('fr');
    expect(input.deliveryLanguages).toEqual(['ar', 'en', 'pt']);
  });

  it('drops control characters that PostgreSQL or XML cannot hold', () => {
    expect(valid({ title: 'Work\u0000shop\u0007' }).title).toBe('Workshop');
  });
});

describe('validateActivityInput: errors in the reporter’s language', () => {
  it('says a title is required, in English, French and Spanish', () => {
    expect(errorsOf({ title: '' }, 'en').title).toBe('This field is required.');
    expect(errorsOf({}, 'fr').title).toBe('Ce champ est obligatoire.');
    expect(errorsOf({ title: '   ' }, 'es').title).toBe('Este campo es obligatorio.');
  });

  it('limits the length of title and description', () => {
    expect(errorsOf({ title: 'x'.repeat(501) }).title).toBe('At most 500 characters.');
    expect(errorsOf({ title: 't', description: 'x'.repeat(10_001) }, 'fr').description).toBe(
      '10000 caractères au maximum.',
    );
    expect(valid({ title: 'x'.repeat(500), description: 'x'.repeat(10_000) }).title).toHaveLength(500);
  });

  it('explains each kind of bad date', () => {
    expect(errorsOf({ title: 't', startDate: '07/10/2024' }).startDate).toBe(
      'Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024, 2024-10 or 2024-10-07.',
    );
    expect(errorsOf({ title: 't', startDate: '2023-02-29' }, 'fr').startDate).toBe(
      '« 2023-02-29 » n’est pas une date qui existe.',
    );
    expect(errorsOf({ title: 't', endDate: '2024-13' }, 'es').endDate).toBe(
      '«2024-13» no es una fecha que exista.',
    );
    expect(errorsOf({ title: 't', startDate: '1850' }).startDate).toBe(
      'The year must be between 1900 and 2100.',
    );
  });

  it('refuses an end before the start, on the end date, in each language', () => {
    const raw = { title: 't', startDate: '2024-10-07', endDate: '2024-10-06' };
    expect(errorsOf(raw, 'en').endDate).toBe('The end date is before the start date.');
    expect(errorsOf(raw, 'fr').endDate).toBe('La date de fin est antérieure à la date de début.');
    expect(errorsOf(raw, 'es').endDate).toBe('La fecha de finalización es anterior a la fecha de inicio.');
    expect(errorsOf({ title: 't', startDate: '2021-03', endDate: '2020' }).endDate).toBeDefined();
  });

  it('reports the cross-field check together with other fields’ errors', () => {
    const errors = errorsOf({ title: '', startDate: '2024', endDate: '2023', budgetAmount: '10' });
    expect(Object.keys(errors).sort()).toEqual(['budgetCurrency', 'endDate', 'title']);
    expect(errors.budgetCurrency).toBe(
      'Give the currency of the budget (an ISO 4217 code such as CAD, USD, EUR).',
    );
  });

  it('accepts only http and https web addresses', () => {
    for (const website of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.org/',
      'www.example.org',
      'https://exa mple.org',
      'http://localhost/',
    ]) {
      expect(errorsOf({ title: 't', website }).website, website).toBe(
        'Give a full web address starting with https:// or http://.',
      );
    }
    expect(errorsOf({ title: 't', website: 'javascript:alert(1)' }, 'fr').website).toBe(
      'Indiquez une adresse Web complète commençant par https:// ou http://.',
    );
    expect(
      valid({ title: 't', website: 'http://www.cipo.ic.gc.ca/eic/site/cipointernet-internetopic.nsf' })
        .website,
    ).toMatch(/^http:/);
  });

  it('names unknown list values and offers the choices in the reporter’s language', () => {
    expect(errorsOf({ title: 't', level: 'global' }, 'fr').level).toBe(
      '« global » ne fait pas partie de la liste\u202f: Multilatéral; Plurilatéral / régional; Bilatéral.',
    );
    expect(errorsOf({ title: 't', ipAreas: 'Patents; Cooking; Trade secrets' }).ipAreas).toMatch(
      /^“Cooking; Trade secrets” is not one of: Copyright and related rights; Trademarks;/,
    );
    expect(errorsOf({ title: 't', status: 'paused' }, 'es').status).toBe(
      '«paused» no figura en la lista: Previsto; En curso; Finalizado; Cancelado.',
    );
  });

  it('names every beneficiary it does not know', () => {
    expect(errorsOf({ title: 't', beneficiaries: ['Nepal', 'Atlantis', 'Narnia'] }).beneficiaries).toBe(
      'Unknown party or region: Atlantis; Narnia. Use a WTO name in English, French or Spanish, or a code.',
    );
    expect(errorsOf({ title: 't', beneficiaries: 'Atlantide' }, 'fr').beneficiaries).toMatch(
      /^Partie ou région inconnue\u202f: Atlantide\./,
    );
  });

  it('checks amounts, currencies, e-mail addresses and languages', () => {
    expect(errorsOf({ title: 't', budgetAmount: '-5', budgetCurrency: 'CAD' }).budgetAmount).toBe(
      'The amount cannot be negative.',
    );
    expect(errorsOf({ title: 't', budgetAmount: '12 abc', budgetCurrency: 'CAD' }, 'es').budgetAmount).toBe(
      'Escriba el importe como un número con dos decimales como máximo, p. ej. 25000 o 25000,50.',
    );
    // A lone separator before three digits is read the reporter's way, never guessed the other way.
    expect(errorsOf({ title: 't', budgetAmount: '1.005', budgetCurrency: 'CAD' }).budgetAmount).toBe(
      'Write the amount as a number with at most two decimals, e.g. 25000 or 25000.50.',
    );
    expect(valid({ title: 't', budgetAmount: '1.005', budgetCurrency: 'EUR' }, 'es').budgetAmount).toBe(
      '1005',
    );
    expect(valid({ title: 't', budgetAmount: '1,005', budgetCurrency: 'EUR' }, 'en').budgetAmount).toBe(
      '1005',
    );
    expect(
      errorsOf({ title: 't', budgetAmount: '1,005', budgetCurrency: 'EUR' }, 'fr').budgetAmount,
    ).toBeDefined();
    expect(errorsOf({ title: 't', budgetAmount: '1'.repeat(15), budgetCurrency: 'CAD' }).budgetAmount).toBe(
      'The amount is too large.',
    );
    expect(errorsOf({ title: 't', budgetAmount: '5', budgetCurrency: 'XYZ' }).budgetCurrency).toBe(
      '“XYZ” is not an ISO 4217 currency code such as CAD, USD, EUR or CHF.',
    );
    expect(errorsOf({ title: 't', contactEmail: 'someone@' }, 'fr').contactEmail).toBe(
      'Cette adresse électronique n’est pas valide.',
    );
    expect(errorsOf({ title: 't', originalLanguage: 'de' }).originalLanguage).toBe(
      '“de” is not English, French or Spanish.',
    );
    expect(errorsOf({ title: 't', deliveryLanguages: 'Klingon' }).deliveryLanguages).toMatch(
      /^“Klingon” is not/,
    );
  });

  it('refuses values that are not text instead of guessing', () => {
    expect(errorsOf({ title: { text: 'x' } }).title).toBe('Expected text.');
    expect(errorsOf({ title: 't', ipAreas: [1, 2] }).ipAreas).toBe('Expected text.');
    expect(validateActivityInput(null, 'en', reference)).toEqual({
      ok: false,
      errors: { title: 'This field is required.' },
    });
  });

  it('limits how many entries a list may have', () => {
    const names = Array.from({ length: 51 }, (_, i) => `Agency ${i}`);
    expect(errorsOf({ title: 't', partners: names }).partners).toBe('At most 50 entries.');
  });
});

describe('activityInputSchema', () => {
  it('is a zod schema giving the same activity, with message keys as issue messages', () => {
    const schema = activityInputSchema(reference, 'en');
    expect(schema.parse(complete)).toEqual(valid(complete));
    const parsed = schema.safeParse({ title: '', website: 'javascript:alert(1)' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['title', 'required'],
      ['website', 'urlInvalid'],
    ]);
    expect(
      schema.safeParse({ title: 't', startDate: '2024', endDate: '2023' }).error?.issues[0]?.message,
    ).toBe('endBeforeStart');
  });
});

describe('activityFields', () => {
  it('has labels in the three languages that name one field only, so any header maps back', () => {
    const seen = new Map<string, string>();
    for (const field of activityFields) {
      for (const lang of languages) {
        expect(fieldForHeader(field.label[lang])).toBe(field.key);
        const earlier = seen.get(field.label[lang].toLowerCase());
        if (earlier) expect(earlier).toBe(field.key);
        seen.set(field.label[lang].toLowerCase(), field.key);
      }
      expect(fieldForHeader(field.key)).toBe(field.key);
    }
  });
});

describe('activityValuesFromInput', () => {
  it('maps a validated activity to activities and activity_beneficiaries rows', () => {
    const input = valid({
      ...complete,
      originalLanguage: 'fr',
      title: 'Atelier sur les brevets',
      beneficiaries: 'Népal; CAN; Global South',
      startDate: '2024-10',
      endDate: '2025',
    });
    const values = activityValuesFromInput(input, 'CAN', { source: 'form' });
    expect(values.activity).toMatchObject({
      donorPartyCode: 'CAN',
      title: { fr: 'Atelier sur les brevets' },
      description: { fr: 'Senior officials of IP offices, one week in Gatineau.' },
      originalLanguage: 'fr',
      startDate: '2024-10-01',
      startPrecision: 'month',
      endDate: '2025-01-01',
      endPrecision: 'year',
      level: 'bilateral',
      activityType: 'training',
      ipAreas: ['patents', 'trademarks'],
      budgetAmount: '120000',
      budgetCurrency: 'CAD',
      fundingSource: 'co-financed',
      deliveryMode: 'in-person',
      deliveryLanguages: ['en', 'fr'],
      status: 'completed',
      source: 'form',
      isPublic: false,
    });
    expect(values.beneficiaries).toEqual([
      { position: 1, kind: 'party', partyCode: 'NPL', regionCode: null, nameAsWritten: 'Népal' },
      { position: 2, kind: 'party', partyCode: 'CAN', regionCode: null, nameAsWritten: 'Canada' },
      {
        position: 3,
        kind: 'region',
        partyCode: null,
        regionCode: 'GLOBAL-SOUTH',
        nameAsWritten: 'Global South',
      },
    ]);
    expect(values.agencies).toEqual([
      { role: 'implementing', nameOrCode: 'CIPO' },
      { role: 'partner', nameOrCode: 'WIPO' },
    ]);
  });

  it('stores an empty description as no translation at all', () => {
    const values = activityValuesFromInput(valid({ title: 't' }), 'CAN');
    expect(values.activity.description).toEqual({});
    expect(values.activity.source).toBe('drafting');
  });
});

describe('validateActivityInput: elements of Article 67', () => {
  it('names an unknown element and lists the five in the reporter’s language', () => {
    const result = validateActivityInput(
      { title: 't', elements: 'Formación de personal; Capacity' },
      'fr',
      reference,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.elements).toContain('« Capacity » n’est pas un élément de l’article 67');
    expect(result.errors.elements).toContain('Prévention des abus');
  });
});
