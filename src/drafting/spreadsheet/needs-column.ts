import { languages } from '../../i18n/languages.ts';
import { headerKey } from '../activity-form/fields.ts';
import { templateText } from './messages.ts';

/**
 * The optional "Needs addressed" column of the activities sheet: the published needs of Members an
 * activity addresses, by number ("12", "#12") or by address (".../needs/12"), separated by ";".
 * Not a field of the activity: the links are made through the delivery service on import.
 */
export const needsColumnKey = 'needs' as const;

const needsHeaders = new Set(
  [needsColumnKey, ...languages.map((lang) => templateText(lang)('needsColumn'))].map(headerKey),
);

/** Whether a column header names the needs column, in any of the three languages or by its key. */
export const isNeedsHeader = (header: string): boolean => {
  const key = headerKey(header);
  return key !== '' && needsHeaders.has(key);
};

/** The needs a cell names, and the parts that name none (shown back to the reporter as typed). */
export function parseNeedsCell(text: string): { ids: number[]; invalid: string[] } {
  const ids: number[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    const token = part.trim();
    if (!token) continue;
    const match =
      /^(?:n[°o.]\s*|#\s*)?(\d{1,9})$/i.exec(token) ?? /^\S*?\/needs\/(\d{1,9})\/?(?:[?#]\S*)?$/i.exec(token);
    const id = match ? Number(match[1]) : 0;
    if (id > 0) {
      if (!ids.includes(id)) ids.push(id);
    } else invalid.push(token.slice(0, 60));
  }
  return { ids, invalid };
}
