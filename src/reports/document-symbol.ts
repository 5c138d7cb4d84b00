/**
 * WTO document symbols of Art. 67 reports. Two series: before the IP/C/R/TC/<Member> series,
 * reports were addenda to one yearly IP/C/W/<n> document ("IP/C/W/584/Add.3"). Pure.
 */
export type DocumentSymbol = {
  /** As WTO writes it: "IP/C/R/TC/CAN/4", "IP/C/R/TC/CAN/Add.1", "IP/C/W/584/Add.3/Corr.1". */
  symbol: string;
  series: 'IP/C/W' | 'IP/C/R/TC';
  addendum: number | null;
  corrigendum: number | null;
  revision: number | null;
};

const suffix = '(?:/(?:Add|Corr|Rev|Suppl)\\.\\s?\\d{1,3})*';
// The member's series is numbered (IP/C/R/TC/WTO-OMC/4); early reports were addenda of the bare series.
const symbolSource = `IP\\s?/\\s?C\\s?/\\s?(?:W\\s?/\\s?\\d{1,4}|R\\s?/\\s?TC\\s?/\\s?[A-Z][A-Z-]{1,9}(?:\\s?/\\s?\\d{1,4})?)${suffix}`;

/** A symbol anywhere in a text (first one), or null. */
export const symbolPattern = new RegExp(`(?<![\\w/])${symbolSource}(?![\\w/])`, 'i');

/** Reads a symbol written with any spacing or case into its canonical form and parts; null if it is none. */
export function parseDocumentSymbol(text: string): DocumentSymbol | null {
  const match = new RegExp(`^${symbolSource}$`, 'i').exec(text.trim());
  if (!match) return null;
  const parts = match[0]
    .replace(/\s+/g, '')
    .split('/')
    .map((part) => {
      const numbered = /^(add|corr|rev|suppl)\.(\d+)$/i.exec(part);
      if (!numbered) return part.toUpperCase();
      const word = numbered[1]?.toLowerCase() ?? '';
      return `${word.charAt(0).toUpperCase()}${word.slice(1)}.${Number(numbered[2])}`;
    });
  const symbol = parts.join('/');
  const number = (word: string) => {
    const found = parts.find((part) => part.startsWith(`${word}.`));
    return found ? Number(found.slice(word.length + 1)) : null;
  };
  return {
    symbol,
    series: symbol.startsWith('IP/C/W/') ? 'IP/C/W' : 'IP/C/R/TC',
    addendum: number('Add'),
    corrigendum: number('Corr'),
    revision: number('Rev'),
  };
}
