/**
 * Reporting periods are stored as whole calendar years, as the demo's 2020–2021 report is
 * (2020-01-01 to 2021-12-31).
 */
export const periodFromYears = (startYear: number, endYear: number) => ({
  periodStart: `${String(startYear).padStart(4, '0')}-01-01`,
  periodEnd: `${String(endYear).padStart(4, '0')}-12-31`,
});

/** Paragraphs typed in one textarea, separated by blank lines; single line breaks stay inside a paragraph. */
export function narrativeFromText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

export const narrativeToText = (paragraphs: string[]) => paragraphs.join('\n\n');
