/**
 * The lines between the page title and the narrative: the reporting party (a WTO Member, an
 * observer or an IGO, in any of the three languages, with or without its acronym), the document
 * symbol, a date, and the usual WTO header words. Pure.
 */
import type { NameResolver } from '../reference/name-resolver.ts';
import { parseDocumentSymbol } from '../reports/document-symbol.ts';
import { dateLine, fold } from './period-phrases.ts';

export type HeaderLine =
  | { kind: 'reporter'; code: string; name: string }
  | { kind: 'symbol'; symbol: string }
  | { kind: 'date'; date: string }
  | { kind: 'other' };

const label =
  /^(?:(?:the|la|le|l')\s*)?(?:reporting\s+(?:member|party|organi[sz]ation)|member|observer|organi[sz]ation|membre|observateur|miembro|observador|organisation|organizacion|delegation\s+of|delegation\s+de|delegacion\s+de|communication\s+from|communication\s+de|comunicacion\s+de)\s*:?\s+/;
const symbolLabel =
  /^(?:document\s+symbol|symbol|symbole(?:\s+du\s+document)?|cote|signatura|document)\s*:?\s*/;
// Lines of a WTO document's header that say nothing this importer needs.
const headerWords =
  /^(?:addendum|additif|corrigendum|rectificatif|revision|restricted|distribution\s+restreinte|distribucion\s+reservada|original\s*:\s*\S.*|\(\d{2}-\d{3,5}\)|page\s*:?\s*\d+.*|pagina\s*:?\s*\d+.*)$/;

// The council and the document title a WTO document carries above its text, in its three languages.
const documentHeadings =
  /^(?:council\s+for\s+(?:trips|trade-related)|conseil\s+des\s+(?:adpic|aspects\s+des\s+droits)|consejo\s+de\s+los\s+(?:adpic|aspectos\s+de\s+los\s+derechos)|technical\s+cooperation\s+activities|activites\s+de\s+cooperation\s+technique|actividades\s+de\s+cooperacion\s+tecnica)/;
const isDocumentHeading = (folded: string) =>
  documentHeadings.test(folded) && folded.length <= 140 && !/[.;]$/.test(folded);

/** The party a line under the title names, alone: "Canada", "JAPON", "World Health Organization (WHO)", "OMS". */
export function reporterOfLine(line: string, resolver: NameResolver): { code: string; name: string } | null {
  const trimmed = line
    .trim()
    .replace(/[.:;]+$/, '')
    .trim();
  if (trimmed === '' || trimmed.length > 160) return null;
  const folded = fold(trimmed);
  const unlabelled = trimmed.slice(label.exec(folded)?.[0].length ?? 0).trim();
  const asParty = (text: string) => {
    const resolved = text.trim() === '' ? null : resolver.resolve(text);
    return resolved?.kind === 'party' ? resolved.code : null;
  };
  const whole = asParty(unlabelled);
  if (whole) return { code: whole, name: unlabelled };
  // "World Health Organization (WHO)", "Organisation mondiale de la Santé (OMS)", "Japan (JPN)".
  const withAcronym = /^(.*\S)\s*\(([^()]+)\)$/.exec(unlabelled);
  if (withAcronym) {
    const name = withAcronym[1] ?? '';
    const byName = asParty(name);
    const byAcronym = asParty(withAcronym[2] ?? '');
    if (byName && (!byAcronym || byAcronym === byName)) return { code: byName, name };
    if (!byName && byAcronym && /\p{L}{2,}/u.test(name) && name.split(/\s+/).length <= 12) {
      return { code: byAcronym, name: unlabelled };
    }
  }
  return null;
}

export function readHeaderLine(line: string, resolver: NameResolver): HeaderLine | null {
  const trimmed = line.trim();
  const folded = fold(trimmed);
  const symbol = parseDocumentSymbol(trimmed.slice(symbolLabel.exec(folded)?.[0].length ?? 0));
  if (symbol) return { kind: 'symbol', symbol: symbol.symbol };
  const date = dateLine(trimmed);
  if (date) return { kind: 'date', date };
  const reporter = reporterOfLine(trimmed, resolver);
  if (reporter) return { kind: 'reporter', ...reporter };
  if (headerWords.test(folded) || isDocumentHeading(folded)) return { kind: 'other' };
  return null;
}
