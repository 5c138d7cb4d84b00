/**
 * The narrative's own outline: the circulation formula before paragraph 1 (the preamble), section
 * headings, and paragraphs with their numbers as written ("1.", "1.1", "2.3.1", numbering that
 * restarts at "1." in each section). Pure.
 */

import type { NarrativeBlock } from './page-types.ts';
import { fold } from './period-phrases.ts';

type Marker = { at: number; bodyAt: number; number: string; path: number[]; lineStart: boolean };

const sentenceEnd = /[.;:!?)\]"'\u201d\u2019\u00bb]$/;
// "para. 4." or "Art. 2." is a reference, not the end of a sentence.
const reference =
  /\b(?:paras?|nos?|arts?|pp?|rev|corr|add|fig|vol|ch|sec|sect|n°|núm|art[íi]culo|article)\.$/i;
const circulationFormula =
  /is being circulated at the request of|est distribuee a la demande|se distribuye a (?:peticion|solicitud|pedido)|following communication|communication suivante|comunicacion siguiente|siguiente comunicacion/;
const separatorLine = /^\s*(?:_{3,}|-{5,}|={5,}|\*{3,})\s*$/;

// e-TRIPS pads the last paragraph with ";;" when it renders the page.
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/;;+$/, '').trim();

/** A short line without a closing full stop, starting with a capital: a heading, if text follows it. */
export function isHeadingLike(text: string): boolean {
  const t = tidy(text);
  if (t === '' || t.length > 100) return false;
  if (t.split(' ').length > 12) return false;
  if (/[.;,!?:]$/.test(t)) return false;
  return /^[\p{Lu}\p{N}]/u.test(t);
}

const isUpperRun = (text: string) => /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(text.trim());

/** Whether `path` may follow `previous` in an outline: next sibling, first child, next at a higher level. */
function follows(path: number[], previous: number[] | null, afterHeading: boolean): boolean {
  if (!previous) return path.at(-1) === 1 || path.length === 1;
  if (afterHeading && path.every((n) => n === 1)) return true;
  for (let level = 0; level < path.length; level++) {
    const prefixSame = path.slice(0, level).every((n, i) => n === previous[i]);
    if (!prefixSame) return false;
    if (level < previous.length && path[level] === (previous[level] ?? 0) + 1) {
      return path.slice(level + 1).every((n) => n === 1);
    }
    if (level >= previous.length) return path.slice(level).every((n) => n === 1);
    if (path[level] !== previous[level]) return false;
  }
  return false;
}

function findMarkers(text: string): Marker[] {
  const candidate = /(^|\n|[ \t\u00a0]+)[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\))?(?=[ \t\u00a0]+\S)/g;
  const markers: Marker[] = [];
  let previous: number[] | null = null;
  let previousHeading = false;
  for (let match = candidate.exec(text); match; match = candidate.exec(text)) {
    const numberAt = match.index + match[0].length - (match[2] ?? '').length - (match[3] ?? '').length;
    const lineStart = /^[ \t\u00a0]*$/.test(text.slice(text.lastIndexOf('\n', numberAt - 1) + 1, numberAt));
    const path = (match[2] ?? '').split('.').map(Number);
    if (path.some((n) => n === 0)) continue;
    const punct = match[3] ?? '';
    const bare = punct === '' && path.length === 1;
    const rest = text.slice(match.index + match[0].length);
    const restUntilNext = (
      /^[\s\S]*?(?=\n|[ \t]\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]|$)/.exec(rest)?.[0] ?? ''
    ).trim();
    const before = text.slice(0, numberAt).trimEnd();
    const lastMarker = markers.at(-1);
    const segmentSoFar = lastMarker ? text.slice(lastMarker.bodyAt, numberAt).trim() : '';
    let accept = false;
    if (lineStart) {
      // A bare "1" at the start of a line numbers a heading ("1 INTRODUCTION"), nothing else.
      accept = bare ? isHeadingLike(restUntilNext) && !/^\d/.test(restUntilNext) : true;
    } else if (!bare || isUpperRun(restUntilNext)) {
      const afterSentence = sentenceEnd.test(before) && !reference.test(before);
      // "1 INTRODUCTION 1. Canada…": a heading in capitals, then the paragraph on the same line.
      const afterHeading =
        lastMarker !== undefined &&
        segmentSoFar !== '' &&
        isUpperRun(segmentSoFar) &&
        isHeadingLike(segmentSoFar);
      if ((afterSentence || afterHeading) && follows(path, previous, afterHeading || previousHeading))
        accept = true;
    }
    if (!accept) continue;
    const numberText = `${match[2]}${punct}`;
    markers.push({
      at: numberAt,
      bodyAt: match.index + match[0].length,
      number: numberText,
      path,
      lineStart,
    });
    previousHeading = bare || (punct === '' && isHeadingLike(restUntilNext));
    previous = path;
    candidate.lastIndex = match.index + match[0].length;
  }
  return markers;
}

/**
 * The narrative's blocks, from the page's lines between the reporter and the list. Numbered
 * pages give "1." items on their own lines or inline ("… Annex. 2. Canada …"); unnumbered text
 * keeps one paragraph per line.
 */
export function splitNarrative(lines: Array<{ text: string; line: number }>): NarrativeBlock[] {
  let kept = lines.filter((entry) => entry.text.trim() !== '');
  if (kept.length === 0) return [];
  const blocks: NarrativeBlock[] = [];
  const preamble: Array<{ text: string; line: number }> = [];

  // A line of underscores closes the covering formula: all above it is the preamble.
  const separator = kept.findIndex((entry) => separatorLine.test(entry.text));
  if (separator >= 0 && separator < kept.length - 1) {
    preamble.push(...kept.slice(0, separator));
    kept = kept.slice(separator + 1);
  }
  kept = kept.filter((entry) => !separatorLine.test(entry.text));

  // Positions in the joined text, to give each block the line it starts on.
  const starts: number[] = [];
  let text = '';
  for (const entry of kept) {
    starts.push(text.length);
    text += `${entry.text}\n`;
  }
  const lineAt = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? 0) <= offset) index++;
    return kept[index]?.line ?? 1;
  };

  const markers = findMarkers(text);
  const leading = text.slice(0, markers[0]?.at ?? text.length);
  // Text before the first number: headings stay headings; the rest is the preamble (or, in an
  // unnumbered narrative, one paragraph per line).
  const leadingLines = leading
    .split('\n')
    .map((line, index, all) => ({
      text: line,
      offset: all.slice(0, index).join('\n').length + (index > 0 ? 1 : 0),
    }))
    .filter((entry) => entry.text.trim() !== '');
  leadingLines.forEach((entry, index) => {
    const line = lineAt(entry.offset);
    const hasMoreText = index < leadingLines.length - 1 || markers.length > 0;
    if (circulationFormula.test(fold(entry.text)) && blocks.length === 0) {
      preamble.push({ text: entry.text, line });
    } else if (isHeadingLike(entry.text) && hasMoreText) {
      blocks.push({ kind: 'heading', number: null, text: tidy(entry.text), line });
    } else if (markers.length > 0 && !blocks.some((b) => b.kind === 'paragraph')) {
      preamble.push({ text: entry.text, line });
    } else {
      blocks.push({ kind: 'paragraph', number: null, text: tidy(entry.text), line });
    }
  });

  markers.forEach((marker, index) => {
    const next = markers[index + 1];
    const body = text.slice(marker.bodyAt, next?.at ?? text.length);
    const bodyLines = body.split('\n');
    // Trailing lines that read as a heading belong to the next section, not to this paragraph.
    const trailing: string[] = [];
    while (next && bodyLines.length > 1) {
      const last = bodyLines.at(-1) ?? '';
      if (last.trim() === '') {
        bodyLines.pop();
        continue;
      }
      if (!isHeadingLike(last)) break;
      trailing.unshift(bodyLines.pop() ?? '');
    }
    const own = tidy(bodyLines.join(' '));
    const isHeading =
      own !== '' &&
      next !== undefined &&
      isHeadingLike(own) &&
      (!marker.number.endsWith('.') ||
        marker.path.length > 1 ||
        isUpperRun(own) ||
        own.split(' ').length <= 6);
    if (own !== '' || trailing.length === 0) {
      blocks.push({
        kind: isHeading ? 'heading' : 'paragraph',
        number: marker.number,
        text: own,
        line: lineAt(marker.at),
      });
    }
    let offset = marker.bodyAt + bodyLines.join('\n').length + 1;
    for (const heading of trailing) {
      blocks.push({ kind: 'heading', number: null, text: tidy(heading), line: lineAt(offset) });
      offset += heading.length + 1;
    }
  });

  const result = blocks.filter((block) => block.text !== '' || block.kind === 'paragraph');
  const preambleText = tidy(preamble.map((entry) => entry.text).join(' '));
  if (preambleText)
    result.unshift({ kind: 'preamble', number: null, text: preambleText, line: preamble[0]?.line ?? 1 });
  return result.filter((block) => block.text !== '');
}
