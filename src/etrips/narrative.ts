import type { Problem } from './parse-page.ts';

const sentenceEnd = /[.;:)\]"'\u201d\u2019]$/;
// "para. 4." or "Art. 2." is a reference, not the end of a sentence.
const reference = /\b(?:paras?|nos?|arts?|pp?|rev|corr|add|fig|vol|ch|sec|sect)\.$/i;

/** Start of the paragraph numbered `n` at or after `from`, or -1. */
function findNumberedStart(text: string, n: number, from: number): { at: number; bodyAt: number } {
  const pattern = new RegExp(`(^|\\s)${n}\\.\\s+`, 'g');
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index + (match[1] ?? '').length;
    const before = text.slice(0, at).trimEnd();
    const startsLine = before === '' || /\n\s*$/.test(text.slice(0, at));
    // Inline numbering ("… Annex. 2. Canada …") only after the end of a sentence, so "Article 2. " is safe.
    if (startsLine || (sentenceEnd.test(before) && !reference.test(before))) {
      return { at, bodyAt: match.index + match[0].length };
    }
  }
  return { at: -1, bodyAt: -1 };
}

// e-TRIPS pads the last paragraph with ";;" when it renders the page.
const tidy = (paragraph: string) => paragraph.replace(/\s+/g, ' ').trim().replace(/;;+$/, '').trim();

/**
 * Narrative paragraphs, whether the page gives them as indented "1." items or as one long
 * line with inline "1. … 2. …". Unnumbered text keeps one paragraph per line.
 */
export function splitNarrative(lines: Array<{ text: string; line: number }>, problems: Problem[]): string[] {
  const kept = lines.filter((entry) => entry.text.trim() !== '');
  if (kept.length === 0) return [];
  const text = kept.map((entry) => entry.text).join('\n');
  const starts: Array<{ at: number; bodyAt: number }> = [];
  for (let n = 1, from = 0; ; n++) {
    const start = findNumberedStart(text, n, from);
    if (start.at < 0) break;
    starts.push(start);
    from = start.bodyAt;
  }
  if (starts.length === 0) return kept.map((entry) => tidy(entry.text)).filter(Boolean);
  const paragraphs: string[] = [];
  const preamble = tidy(text.slice(0, starts[0]?.at ?? 0));
  if (preamble) {
    problems.push({
      line: kept[0]?.line ?? 1,
      message: `text before paragraph 1 kept as its own paragraph: "${preamble.slice(0, 60)}"`,
      severity: 'warning',
    });
    paragraphs.push(preamble);
  }
  starts.forEach((start, index) => {
    paragraphs.push(tidy(text.slice(start.bodyAt, starts[index + 1]?.at ?? text.length)));
  });
  return paragraphs.filter(Boolean);
}
