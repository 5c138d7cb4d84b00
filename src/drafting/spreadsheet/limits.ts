/**
 * What one spreadsheet upload may hold. A yearly report lists tens of activities, a large donor a
 * few hundred: these limits leave room for that while keeping a hostile file from tying up a
 * server (memory of exceljs's in-memory workbook, time to validate each row).
 */
export const spreadsheetLimits = {
  /** The file as uploaded (XLSX is compressed; CSV is plain text). */
  maxUploadBytes: 2 * 1024 * 1024,
  /** Activity rows, not counting the header row and empty rows. */
  maxDataRows: 2_000,
  maxColumns: 60,
  /** Sum of the sizes the XLSX (a ZIP archive) declares for its parts once uncompressed. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** Uncompressed / compressed size of one part; checked for parts of 1 MB or more. */
  maxCompressionRatio: 100,
  /** Below this a part's ratio says nothing: a 20 kB run of empty cells compresses 200 times. */
  ratioCheckedFromBytes: 1024 * 1024,
  /** An XLSX has a few dozen parts. */
  maxZipEntries: 1_000,
  /** `<row>` elements in one worksheet (formatted empty rows count), and cells in one worksheet or shared strings. */
  maxSheetRows: 20_000,
  maxSheetCells: 300_000,
} as const;

export type SpreadsheetLimits = { [K in keyof typeof spreadsheetLimits]: number };
