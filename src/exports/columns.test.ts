import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { languages } from '../i18n/languages.ts';
import { loadReferenceLabels, type ReferenceLabels } from '../reference/labels.ts';
import {
  type ColumnKey,
  columnHeaders,
  columnKeys,
  columnValues,
  defaultColumns,
  headerRow,
  isoDateAtPrecision,
  neutraliseFormula,
  parseColumns,
  type RowContext,
} from './columns.ts';
import { type ExportActivity, loadExportActivities } from './load.ts';
import { activityIdsOfReport, insertRichActivity } from './test-fixtures.ts';

describe('parseColumns', () => {
  it('gives the default set when the parameter is missing or empty', () => {
    expect(parseColumns(undefined)).toEqual({ columns: defaultColumns });
    expect(parseColumns(' , ')).toEqual({ columns: defaultColumns });
  });

  it('keeps the order asked for, trims, ignores case and repeats', () => {
    expect(parseColumns(' Title,donor_code , title,ID')).toEqual({ columns: ['title', 'donor_code', 'id'] });
  });

  it('names every unknown column', () => {
    const result = parseColumns('title,budjet,colour');
    expect(result).toMatchObject({ unknown: ['budjet', 'colour'] });
    expect('error' in result && result.error).toContain('"budjet", "colour"');
  });

  it('does not take object properties for columns', () => {
    expect(parseColumns('constructor')).toMatchObject({ unknown: ['constructor'] });
  });
});

describe('column headers', () => {
  it('has a header in every language for every column, and defaults that exist', () => {
    for (const key of columnKeys) {
      for (const lang of languages) expect(columnHeaders[key][lang]).not.toBe('');
    }
    expect(defaultColumns.every((c) => columnKeys.includes(c))).toBe(true);
    expect(headerRow(['title', 'ip_area_labels'], 'fr')).toEqual(['Titre', 'Domaines de PI']);
  });
});

describe('neutraliseFormula', () => {
  it('prefixes what a spreadsheet would run, and nothing else', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseFormula('@SUM(1)')).toBe("'@SUM(1)");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
    expect(neutraliseFormula('Patents = good')).toBe('Patents = good');
    expect(neutraliseFormula('\u0000=1')).toBe("'=1");
  });
});

describe('isoDateAtPrecision', () => {
  it('shows a date no more precisely than it is known', () => {
    expect(isoDateAtPrecision('2020-09-07', 'day')).toBe('2020-09-07');
    expect(isoDateAtPrecision('2020-09-01', 'month')).toBe('2020-09');
    expect(isoDateAtPrecision('2020-01-01', 'year')).toBe('2020');
    expect(isoDateAtPrecision(null, 'day')).toBe('');
  });
});

describe('columnValues', () => {
  let database: Database;
  let labels: ReferenceLabels;
  let item7: ExportActivity;
  let rich: ExportActivity;
  const context = (lang: 'en' | 'fr' | 'es'): RowContext => ({
    lang,
    labels,
    baseUrl: 'https://ipcoop.example',
    today: '2025-01-01',
  });
  const row = (activity: ExportActivity, columns: ColumnKey[], lang: 'en' | 'fr' | 'es') =>
    Object.fromEntries(columns.map((c, i) => [c, columnValues(activity, columns, context(lang))[i]]));

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    const { reportId } = await seedDemo(database.db);
    const { id } = await insertRichActivity(database.db);
    const ids = await activityIdsOfReport(database.db, reportId);
    labels = await loadReferenceLabels(database.db);
    [item7, rich] = (await loadExportActivities(database.db, [ids[6] ?? 0, id])) as [
      ExportActivity,
      ExportActivity,
    ];
  });
  afterAll(async () => {
    await database?.close();
  });

  it('names beneficiaries with the official WTO names of the language asked for', () => {
    const names = (lang: 'en' | 'fr' | 'es') =>
      row(item7, ['beneficiary_names'], lang).beneficiary_names?.split('; ');
    expect(names('en')?.[1]).toBe('Bolivia, Plurinational State of');
    expect(names('fr')?.[1]).toBe('Bolivie, État plurinational de');
    expect(names('es')?.[1]).toBe('Bolivia, Estado Plurinacional de');
    expect(names('es')).toHaveLength(13);
    expect(row(item7, ['regions', 'reports'], 'fr')).toEqual({
      regions: 'Amériques',
      reports: 'Canada 2020–2021, point 7',
    });
  });

  it('has the elements of Article 67 as codes, labels and their state', () => {
    // Item 7 (INDELA) keeps the rules' suggestion: "other".
    expect(row(item7, ['elements', 'element_labels', 'elements_state'], 'es')).toEqual({
      elements: 'other',
      element_labels: 'Otros (sensibilización, investigación)',
      elements_state: 'suggested',
    });
    expect(row(rich, ['elements', 'elements_state'], 'en')).toEqual({ elements: '', elements_state: '' });
  });

  it('has one line per result indicator, in the language asked for', () => {
    expect(row(rich, ['results'], 'en').results?.split('; ')).toEqual([
      'Output: Examinateurs formés & <certifiés> (people trained) — 1 March\u2009–\u200931 December 2023: 35 people trained achieved (target 40 people trained) / 1 January\u2009–\u200931 December 2024: target 60 people trained',
      'Outcome: =Share of examiners applying the guidelines (percentage) — 1 January\u2009–\u200931 December 2024: 72.5% achieved (target 80%)',
      'Impact: Pratique d’examen (qualitative (described in words)) — 1 March 2023\u2009–\u200931 December 2024: target Lignes directrices adoptées',
    ]);
    expect(row(item7, ['results'], 'fr')).toEqual({ results: '' });
  });

  it('puts labels beside codes, and every field of a full record', () => {
    expect(
      row(
        rich,
        [
          'title',
          'donor_name',
          'start_date',
          'end_date',
          'beneficiary_codes',
          'beneficiary_names',
          'ldc_beneficiaries',
          'level_label',
          'type_label',
          'ip_areas',
          'ip_area_labels',
          'agencies',
          'partners',
          'budget',
          'currency',
          'funding_shares',
          'delivery_languages',
          'status_label',
          'reports',
          'url',
        ],
        'es',
      ),
    ).toEqual({
      title: 'Taller sobre patentes y señales — año 2023 & "comillas"',
      donor_name: 'Suiza',
      start_date: '2023-03',
      end_date: '2024-12-31',
      beneficiary_codes: 'NPL; 013; BOL; LDC; OAPI',
      beneficiary_names:
        'Nepal; Centroamérica; Bolivia, Estado Plurinacional de; Países menos adelantados; OAPI; Îles du Pacifique & <autres>',
      ldc_beneficiaries: 'Nepal',
      level_label: 'Plurilateral / regional',
      type_label: 'Curso de formación o taller',
      ip_areas: 'patents; office-administration',
      ip_area_labels: 'Patentes; Administración de oficinas de PI e informática',
      agencies: 'Oficina Canadiense de Propiedad Intelectual',
      partners: 'Organización Mundial de la Propiedad Intelectual',
      budget: '125000.50',
      currency: 'CHF',
      funding_shares: 'Suiza 60%; Organización Mundial de la Propiedad Intelectual 40%',
      delivery_languages: 'francés; español',
      status_label: 'En curso',
      reports: 'IP/C/R/TC/CHE/99, punto 3',
      url: `https://ipcoop.example/es/activities/${rich.id}`,
    });
  });

  it('falls back to the original language when a text has no translation', () => {
    expect(row(item7, ['title'], 'fr').title).toBe('Initiative for Digital Rights in Latin America (INDELA)');
    expect(row(rich, ['description'], 'en').description).toMatch(/^Formation sur/);
  });
});
