import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { referenceData } from '../../reference/reference-data.ts';
import { activityFields, activityValuesFromInput } from '../activity-form/input.ts';
import {
  columnLetter,
  readActivitySpreadsheet,
  type SpreadsheetLimits,
  type SpreadsheetPreview,
  type SpreadsheetRefusal,
  spreadsheetLimits,
} from './read.ts';
import { activityTemplateXlsx } from './template.ts';

const reference = referenceData();

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function preview(
  buffer: Buffer,
  lang: 'en' | 'fr' | 'es' = 'en',
  limits: SpreadsheetLimits = spreadsheetLimits,
): Promise<SpreadsheetPreview> {
  const result = await readActivitySpreadsheet(buffer, 'activities.xlsx', lang, reference, limits);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

async function refusal(
  buffer: Buffer,
  lang: 'en' | 'fr' | 'es' = 'en',
  limits: SpreadsheetLimits = spreadsheetLimits,
) {
  const result = await readActivitySpreadsheet(buffer, 'C:\\fakepath\\upload.xlsx', lang, reference, limits);
  if (result.ok) throw new Error('expected the file to be refused');
  return result as SpreadsheetRefusal;
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A column letter of the template by field key. */
const columnOf = (key: string) => columnLetter(activityFields.findIndex((f) => f.key === key));

/** A ZIP archive written by hand, so sizes and flags can say what a hostile file would say. */
function zipArchive(
  entries: Array<{ name: string; data: Buffer; declaredSize?: number; flags?: number; method?: number }>,
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const compressed = method === 8 ? deflateRawSync(entry.data) : entry.data;
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xlsxSkeleton = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];

describe('activityTemplateXlsx', () => {
  it('has the activities sheet with the field labels, instructions, lists and every party', async () => {
    const workbook = await loadWorkbook(await activityTemplateXlsx('fr', reference));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Activités',
      'Résultats',
      'Instructions',
      'Listes',
      'Parties et régions',
    ]);
    const sheet = sheetNamed(workbook, 'Activités');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      ...activityFields.map((f) => f.label.fr),
      'Besoins traités',
    ]);
    expect(sheet.rowCount).toBe(1);

    // Drop-downs read their labels from the lists sheet; IP areas do not block several values.
    const level = sheet.getCell(`${columnOf('level')}2`).dataValidation;
    expect(level.type).toBe('list');
    expect(level.formulae[0]).toMatch(/^'Listes'!\$[A-Z]\$2:\$[A-Z]\$4$/);
    expect(sheet.getCell(`${columnOf('level')}2001`).dataValidation?.type).toBe('list');
    expect(sheet.getCell(`${columnOf('ipAreas')}2`).dataValidation.showErrorMessage).toBeFalsy();
    for (const key of ['activityType', 'status', 'deliveryMode', 'fundingSource', 'originalLanguage']) {
      expect(sheet.getCell(`${columnOf(key)}2`).dataValidation?.type, key).toBe('list');
    }
    const lists = sheetNamed(workbook, 'Listes');
    const levelList = /^'Listes'!\$([A-Z])\$/.exec(String(level.formulae[0]))?.[1] ?? 'none';
    expect((lists.getColumn(levelList).values as unknown[]).slice(1)).toEqual([
      'Niveau',
      'Multilatéral',
      'Plurilatéral / régional',
      'Bilatéral',
    ]);

    const parties = sheetNamed(workbook, 'Parties et régions');
    const codes = (parties.getColumn(1).values as unknown[]).slice(2);
    expect(codes).toHaveLength(reference.parties.length + reference.regions.length);
    expect(reference.parties).toHaveLength(204);
    expect(codes).toContain('BOL');
    expect(codes).toContain('002');
    const bolivia = parties.getRows(2, codes.length)?.find((row) => row.getCell(1).value === 'BOL');
    expect(bolivia?.getCell(3).value).toBe('Bolivie, État plurinational de');
    const instructions = sheetNamed(workbook, 'Instructions');
    expect(instructions.getCell('A1').value).toBe('Comment remplir ce classeur');
  });
});

describe('the template’s "Needs addressed" column', () => {
  it('comes last with its note in each language, and reads back as the needs of each row', async () => {
    for (const [lang, header] of [
      ['en', 'Needs addressed'],
      ['fr', 'Besoins traités'],
      ['es', 'Necesidades atendidas'],
    ] as const) {
      const workbook = await loadWorkbook(await activityTemplateXlsx(lang, reference));
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const cell = sheet.getRow(1).getCell(activityFields.length + 1);
      expect(cell.value).toBe(header);
      expect(String(cell.note ?? '')).toContain('/needs/12');
      sheet.getCell(2, 1).value = 'An activity';
      cell.worksheet.getRow(2).getCell(activityFields.length + 1).value = '#3; 5';
      const read = await preview(Buffer.from(await workbook.xlsx.writeBuffer()), lang);
      expect(read.rows[0]?.needIds).toEqual([3, 5]);
      expect(read.warnings).toEqual([]);
    }
  });
});

describe('readActivitySpreadsheet: the template round trip', () => {
  it('reads back what a reporter filled into the template, with labels, codes and real dates', async () => {
    const workbook = await loadWorkbook(await activityTemplateXlsx('en', reference));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const fill = (row: number, values: Record<string, ExcelJS.CellValue>) => {
      for (const [key, value] of Object.entries(values))
        sheet.getCell(`${columnOf(key)}${row}`).value = value;
    };
    fill(2, {
      title: 'WIPO–CIPO Executive Training Program',
      description: 'One week for senior officials of IP offices.',
      originalLanguage: 'English',
      startDate: '2024-10-07',
      level: 'Bilateral',
      activityType: 'Training course or workshop',
      ipAreas: 'Patents; Trademarks',
      elements: 'Formation de personnel; offices-agencies',
      beneficiaries: 'Nepal; Bolivia, Plurinational State of; Latin America and the Caribbean',
      implementingAgencies: 'CIPO',
      partners: 'WIPO; University of Ottawa',
      budgetAmount: 125000.5,
      budgetCurrency: 'CAD',
      fundingSource: 'Co-financed',
      deliveryMode: 'In person',
      deliveryLanguages: 'English; French',
      website: { text: 'WIPO Academy', hyperlink: 'https://www.wipo.int/academy/en/' },
      contactName: 'CIPO Academy',
      contactEmail: 'academy@example.org',
      status: 'Completed',
    });
    // A real date cell, as Excel makes when a date is typed in a date-formatted cell.
    sheet.getCell(`${columnOf('endDate')}2`).value = new Date(Date.UTC(2024, 9, 11));
    sheet.getCell(`${columnOf('endDate')}2`).numFmt = 'yyyy-mm-dd';
    // A row typed with codes and a year; and a date that lost its format (a day count).
    fill(4, { title: 'Patent drafting webinar', startDate: 2021, level: 'multilateral', status: 'planned' });
    fill(5, { title: 'Seminar', startDate: 45_631 });

    const result = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.format).toBe('xlsx');
    expect(result.sheetName).toBe('Activities');
    expect(result.warnings).toEqual([]);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
    const [first, second, third] = result.rows;
    expect(first?.errors).toEqual([]);
    expect(first?.input).toEqual({
      title: 'WIPO–CIPO Executive Training Program',
      description: 'One week for senior officials of IP offices.',
      originalLanguage: 'en',
      startDate: { date: '2024-10-07', precision: 'day' },
      endDate: { date: '2024-10-11', precision: 'day' },
      level: 'bilateral',
      activityType: 'training',
      ipAreas: ['patents', 'trademarks'],
      elements: ['training-personnel', 'offices-agencies'],
      beneficiaries: [
        { kind: 'party', code: 'NPL', nameAsWritten: 'Nepal' },
        { kind: 'party', code: 'BOL', nameAsWritten: 'Bolivia, Plurinational State of' },
        { kind: 'region', code: '419', nameAsWritten: 'Latin America and the Caribbean' },
      ],
      implementingAgencies: ['CIPO'],
      partners: ['WIPO', 'University of Ottawa'],
      budgetAmount: '125000.50',
      budgetCurrency: 'CAD',
      fundingSource: 'co-financed',
      deliveryMode: 'in-person',
      deliveryLanguages: ['en', 'fr'],
      website: 'https://www.wipo.int/academy/en/',
      contactName: 'CIPO Academy',
      contactEmail: 'academy@example.org',
      status: 'completed',
    });
    expect(first?.values).toMatchObject({
      startDate: '2024-10-07',
      endDate: '2024-10-11',
      level: 'Bilateral',
      ipAreas: 'Patents; Trademarks',
      elements: 'Training of personnel; Domestic offices and agencies',
      beneficiaries: 'Nepal; Bolivia, Plurinational State of; Latin America and the Caribbean',
      deliveryLanguages: 'English; French',
    });
    expect(second?.input).toMatchObject({
      startDate: { date: '2021-01-01', precision: 'year' },
      level: 'multilateral',
      status: 'planned',
    });
    expect(third?.input?.startDate).toEqual({ date: '2024-12-05', precision: 'day' });

    // What the preview holds is what the insert gets.
    const insert = activityValuesFromInput(first?.input ?? expect.fail('no input'), 'CAN', {
      source: 'spreadsheet',
    });
    expect(insert.activity).toMatchObject({
      donorPartyCode: 'CAN',
      startDate: '2024-10-07',
      source: 'spreadsheet',
    });
    expect(insert.beneficiaries.map((b) => b.partyCode ?? b.regionCode)).toEqual(['NPL', 'BOL', '419']);
  });

  it('reads the Results sheet: indicators keyed by the activity row, errors at their line and column', async () => {
    const workbook = await loadWorkbook(await activityTemplateXlsx('en', reference));
    const [sheet, results] = workbook.worksheets;
    if (!sheet || !results) throw new Error('no sheet');
    expect(results.name).toBe('Results');
    expect((results.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Activity row',
      'Result type',
      'What is measured',
      'Written in',
      'Measured in',
      'Baseline year',
      'Baseline value',
      'Period start',
      'Period end',
      'Target',
      'Achieved',
      'Source',
    ]);
    expect(results.getCell('B2').dataValidation?.type).toBe('list');
    sheet.getCell(`${columnOf('title')}2`).value = 'Patent examination course';
    sheet.getCell(`${columnOf('title')}3`).value = 'Trademark seminar';
    const lines: ExcelJS.CellValue[][] = [
      [
        2,
        'Output',
        'Examiners trained',
        'English',
        'people trained',
        2022,
        0,
        '2023-01-01',
        '2023-12-31',
        40,
        35,
        'Office records',
      ],
      // The same indicator's second period: only what changes is needed.
      [2, '', 'Examiners trained', '', '', '', '', new Date(Date.UTC(2024, 0, 1)), '2024-12-31', 60, '', ''],
      [
        2,
        'Résultat',
        'Examination practice',
        '',
        'qualitatif (décrit en mots)',
        '',
        '',
        '2023-01-01',
        '2024-12-31',
        '',
        'Guidelines adopted',
        '',
      ],
      [
        3,
        'Outcome',
        'Applications examined',
        '',
        'applications examined',
        '',
        '',
        '2023-01-01',
        '2023-12-31',
        'many',
        '',
        '',
      ],
      [9, 'Output', 'Nowhere', '', 'events held', '', '', '2023-01-01', '2023-12-31', 1, '', ''],
    ];
    lines.forEach((line, n) => {
      line.forEach((value, column) => {
        results.getCell(n + 2, column + 1).value = value;
      });
    });
    const result = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.warnings).toEqual([
      'Results sheet, row 6: row 9 of the activities holds no activity; the line is ignored.',
    ]);
    const [course, seminar] = result.rows;
    // "Résultat" is no result type: the whole row waits for a correction.
    expect(course?.input).toBeNull();
    expect(course?.resultProblems?.map((problem) => [problem.line, problem.column, problem.message])).toEqual(
      [[4, 'B', 'Results sheet, row 4, B: “Résultat” is not among: Output; Outcome; Impact.']],
    );
    expect(seminar?.resultProblems?.map((problem) => problem.message)).toEqual([
      'Results sheet, row 5, J: Write a number, e.g. 340 or 87.5.',
    ]);

    results.getCell('B4').value = 'Impact';
    results.getCell('J5').value = 1200;
    const fixed = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(fixed.rows.map((row) => row.resultProblems)).toEqual([[], []]);
    expect(fixed.rows[0]?.results).toEqual([
      {
        type: 'output',
        title: 'Examiners trained',
        language: 'en',
        measure: 'people-trained',
        baselineYear: 2022,
        baselineValue: '0',
        periods: [
          { start: '2023-01-01', end: '2023-12-31', target: '40', actual: '35' },
          { start: '2024-01-01', end: '2024-12-31', target: '60', actual: null },
        ],
        source: 'Office records',
        origin: 'entered',
      },
      {
        type: 'impact',
        title: 'Examination practice',
        language: 'en',
        measure: 'qualitative',
        baselineYear: null,
        baselineValue: null,
        periods: [{ start: '2023-01-01', end: '2024-12-31', target: null, actual: 'Guidelines adopted' }],
        source: null,
        origin: 'entered',
      },
    ]);
    expect(fixed.rows[1]?.results?.[0]?.periods[0]?.target).toBe('1200');
  });

  it('reports a bad party name and a bad date at their row and column, and warns on a repeated title', async () => {
    const workbook = await loadWorkbook(await activityTemplateXlsx('es', reference));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    sheet.getCell(`${columnOf('title')}2`).value = 'Taller sobre patentes';
    sheet.getCell(`${columnOf('title')}3`).value = 'Taller sobre patentes';
    sheet.getCell(`${columnOf('startDate')}3`).value = '31/02/2024';
    sheet.getCell(`${columnOf('beneficiaries')}3`).value = 'Nepal; Atlántida';

    const result = await preview(Buffer.from(await workbook.xlsx.writeBuffer()), 'es');
    const bad = result.rows.find((row) => row.rowNumber === 3);
    expect(bad?.input).toBeNull();
    expect(bad?.errors).toEqual([
      {
        column: 'D',
        field: 'startDate',
        message: 'Escriba la fecha como AAAA, AAAA-MM o AAAA-MM-DD, p. ej. 2024, 2024-10 o 2024-10-07.',
      },
      {
        column: 'J',
        field: 'beneficiaries',
        message:
          'Parte o región desconocida: Atlántida. Utilice un nombre de la OMC en español, francés o inglés, o un código.',
      },
    ]);
    expect(bad?.values.beneficiaries).toBe('Nepal; Atlántida');
    expect(bad?.warnings).toEqual([
      { column: 'A', field: 'title', message: 'Mismo título que en la fila 2.' },
    ]);
    expect(result.rows[0]?.input?.originalLanguage).toBe('es');
  });

  it('takes a formula at its computed value, and refuses one that has none', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Title', 'Start date', 'Budget', 'Currency']);
    sheet.addRow(['Workshop', null, null, 'USD']);
    sheet.getCell('C2').value = { formula: '1000*1.1', result: 1100.0000000000002 };
    sheet.addRow([null, '2024']);
    sheet.getCell('A3').value = { formula: 'A2&" (2)"' } as ExcelJS.CellFormulaValue;
    sheet.addRow(['=HYPERLINK("http://evil.example","click")', '-1+1', null, null]);

    const result = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.rows[0]?.input?.budgetAmount).toBe('1100.00');
    expect(result.rows[1]?.errors).toEqual([
      { column: 'A', field: 'title', message: 'Formulas are not accepted: type the value itself.' },
    ]);
    // Text that looks like a formula is plain text here; downloads neutralise it when written out.
    expect(result.rows[2]?.values.title).toBe('=HYPERLINK("http://evil.example","click")');
    expect(result.rows[2]?.errors.map((e) => e.field)).toEqual(['startDate']);
  });

  it('reads the sheet whose first row names the fields, by keys too, and says which columns it ignores', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Anything', 'else']);
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['title', 'startDate', 'Internal note', '', 'STATUS *']);
    sheet.addRow(['Seminar', '2023-05', 'ask Ana', 'stray', 'ongoing']);
    const result = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.sheetName).toBe('Data');
    expect(result.columns.map((c) => c.field)).toEqual(['title', 'startDate', null, null, 'status']);
    expect(result.warnings).toEqual([
      'Column C (“Internal note”) is not a field of an activity and will be ignored.',
      'Column D has values but no heading; it will be ignored.',
    ]);
    expect(result.rows[0]?.input?.status).toBe('ongoing');
  });
});

describe('readActivitySpreadsheet: CSV', () => {
  it('reads semicolon-separated CSV with French headers, a BOM, quotes and CRLF', async () => {
    const csv = [
      'Titre;Date de début;Date de fin;Niveau;Domaines de PI;Bénéficiaires;Budget;Monnaie;Statut',
      'Atelier régional;2022-03;2022;Plurilatéral / régional;Brevets; « ignored »',
      '"Séminaire ""PI et santé""";2021;2021-12-31;bilateral;"Brevets; PI et santé publique";"Bolivie, État plurinational de; Népal";25 000,50;eur;Terminé',
      ';;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;',
      'Formation;2020-01-01;;;;Atlantide;;;',
    ].join('\r\n');
    const result = await preview(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'fr');
    expect(result.format).toBe('csv');
    expect(result.columns.map((c) => c.field)).toEqual([
      'title',
      'startDate',
      'endDate',
      'level',
      'ipAreas',
      'beneficiaries',
      'budgetAmount',
      'budgetCurrency',
      'status',
    ]);
    // The empty line 4 is skipped (however many separators it has); row numbers are the lines a
    // spreadsheet shows.
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5]);
    const [first, second, third] = result.rows;
    expect(first?.errors.map((e) => [e.column, e.field])).toEqual([['F', 'beneficiaries']]);
    expect(second?.errors).toEqual([]);
    expect(second?.input).toMatchObject({
      title: 'Séminaire "PI et santé"',
      originalLanguage: 'fr',
      startDate: { date: '2021-01-01', precision: 'year' },
      ipAreas: ['patents', 'public-health'],
      beneficiaries: [
        { kind: 'party', code: 'BOL', nameAsWritten: 'Bolivie, État plurinational de' },
        { kind: 'party', code: 'NPL', nameAsWritten: 'Népal' },
      ],
      budgetAmount: '25000.50',
      budgetCurrency: 'EUR',
      status: 'completed',
    });
    expect(third?.errors).toEqual([
      {
        column: 'F',
        field: 'beneficiaries',
        message:
          'Partie ou région inconnue\u202f: Atlantide. Utilisez un nom OMC en anglais, en français ou en espagnol, ou un code.',
      },
    ]);
  });

  it('reads comma-separated CSV in English, and Windows-1252 text that Excel writes as plain CSV', async () => {
    const english = await preview(
      Buffer.from('Title,Beneficiaries,Start date\n\n"Workshop, IP","Nepal; Chad",2019\n'),
    );
    expect(english.rows[0]?.rowNumber).toBe(3);
    expect(english.rows[0]?.input).toMatchObject({
      title: 'Workshop, IP',
      beneficiaries: [
        { kind: 'party', code: 'NPL', nameAsWritten: 'Nepal' },
        { kind: 'party', code: 'TCD', nameAsWritten: 'Chad' },
      ],
    });
    const latin = await preview(Buffer.from('Titre;Bénéficiaires\nSéminaire;Népal\n', 'latin1'), 'fr');
    expect(latin.rows[0]?.input).toMatchObject({ title: 'Séminaire', beneficiaries: [{ code: 'NPL' }] });
  });
});

describe('readActivitySpreadsheet: files refused as a whole', () => {
  it('refuses a zip bomb from its declared sizes before inflating anything', async () => {
    const bomb = zipArchive([
      ...xlsxSkeleton,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(spreadsheetLimits.maxUploadBytes);
    const result = await refusal(bomb);
    expect(result.reason).toBe('tooExpanded');
    expect(result.message).toBe(
      'Once uncompressed, the file “upload.xlsx” would be too large (more than 50 MB) or is unusually compressed; it was not opened.',
    );
  });

  it('refuses a part compressed more than 100 times, and one that lies about its size', async () => {
    const dense = zipArchive([
      ...xlsxSkeleton,
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(5_000_000, 0x41) },
    ]);
    expect((await refusal(dense)).reason).toBe('tooExpanded');
    const liar = zipArchive([
      ...xlsxSkeleton,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20), declaredSize: 1_000 },
    ]);
    expect((await refusal(liar, 'fr')).message).toMatch(/^Une fois décompressé, le fichier « upload\.xlsx »/);
  });

  it('refuses encrypted, legacy, damaged and non-spreadsheet files with a clear message', async () => {
    const encrypted = zipArchive([...xlsxSkeleton.map((e) => ({ ...e, flags: 1 }))]);
    expect((await refusal(encrypted)).message).toBe(
      'The file “upload.xlsx” is encrypted. Remove the password and try again.',
    );
    const legacy = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await refusal(legacy, 'es')).message).toMatch(
      /^El archivo «upload\.xlsx» es un libro de Excel 97–2003/,
    );
    const odt = zipArchive([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
    ]);
    expect((await refusal(odt)).reason).toBe('notXlsx');
    const template = await activityTemplateXlsx('en', reference);
    expect((await refusal(template.subarray(0, template.length - 100))).reason).toBe('damaged');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    expect((await refusal(png, 'fr')).message).toBe(
      'Le fichier « upload.xlsx » n’est ni un classeur XLSX ni un fichier CSV.',
    );
    expect((await refusal(Buffer.alloc(0))).reason).toBe('fileEmpty');
    expect((await refusal(Buffer.from('\ufeffTitle\n', 'utf16le'))).reason).toBe('utf16');
    expect((await refusal(Buffer.from('Nothing to see here\nat all\n'))).message).toBe(
      'No header row naming the columns was found. The first row must hold the column names, e.g. “Title”.',
    );
    expect((await refusal(Buffer.alloc(spreadsheetLimits.maxUploadBytes + 1, 0x41))).reason).toBe(
      'fileTooLarge',
    );
  });

  it('refuses too many rows, too many columns, and two columns for one field', async () => {
    const rows = Array.from({ length: spreadsheetLimits.maxDataRows + 1 }, (_, i) => `Activity ${i}`);
    const tooLong = await refusal(Buffer.from(['Title', ...rows].join('\n')));
    expect(tooLong.message).toBe(
      'The sheet has more than 2000 rows of activities, the most one file may hold. Split it into several files.',
    );
    expect((await preview(Buffer.from(['Title', ...rows.slice(1)].join('\n')))).rows).toHaveLength(2000);
    // 2 MB of one-letter lines is refused as soon as the limit is passed.
    const lines = Buffer.from(`Title\n${'x\n'.repeat(1_000_000)}`.slice(0, spreadsheetLimits.maxUploadBytes));
    expect((await refusal(lines)).reason).toBe('tooManyRows');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Activities');
    sheet.addRow(['Title']);
    for (let i = 0; i < 6; i++) sheet.addRow([`Activity ${i}`]);
    const small = { ...spreadsheetLimits, maxDataRows: 5 };
    expect((await refusal(Buffer.from(await workbook.xlsx.writeBuffer()), 'en', small)).reason).toBe(
      'tooManyRows',
    );

    const wide = ['Title', ...Array.from({ length: 60 }, (_, i) => `Extra ${i}`)].join(',');
    expect((await refusal(Buffer.from(`${wide}\nx\n`))).message).toBe(
      'The sheet has 61 columns; at most 60 can be read.',
    );
    expect((await refusal(Buffer.from('Title;Titre\nx;y\n'), 'fr')).message).toBe(
      'Les colonnes A et B contiennent toutes deux « Titre ». N’en gardez qu’une.',
    );
  });
});
