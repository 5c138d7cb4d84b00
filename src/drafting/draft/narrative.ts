/** Paragraphs typed in one textarea, separated by blank lines; single line breaks stay inside a paragraph. */
export function narrativeFromText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

export const narrativeToText = (paragraphs: string[]) => paragraphs.join('\n\n');
