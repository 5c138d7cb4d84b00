import { z } from 'zod';
import type { Language } from '../../i18n/languages.ts';

/**
 * Control characters other than tab and line breaks cannot be stored by PostgreSQL (NUL) or
 * written into XML exports, and a reporter never means to type them: they are dropped.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

/** Several values in one field: ";" or line breaks separate them (WTO names contain commas). */
export function splitList(raw: string | readonly string[]): string[] {
  const parts = typeof raw === 'string' ? [raw] : raw;
  return parts
    .flatMap((part) => part.split(/[;\n\r]+/))
    .map(cleanText)
    .filter(Boolean);
}

export type AmountProblem = 'format' | 'negative' | 'too-large';

const spaces = /[\s\u00a0\u202f']/g;
const plainAmount = /^\d+(?:[.,]\d{1,2})?$/;
const englishGrouped = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;
const europeanGrouped = /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/;

/**
 * A budget amount as the numeric(16, 2) column takes it ("25000.50"). Accepts the ways the three
 * languages write numbers: "25 000,50", "25,000.50", "25.000,50". A lone separator before three
 * digits is read the reporter's way: "1,000" is a thousand in English, "1.000" in French and
 * Spanish; the other reading is refused rather than guessed (a decimal part has two digits at most).
 */
export function parseAmount(text: string, lang: Language): string | AmountProblem {
  let compact = text.replace(spaces, '');
  const negative = compact.startsWith('-');
  if (negative || compact.startsWith('+')) compact = compact.slice(1);
  let normal: string;
  if (plainAmount.test(compact)) normal = compact.replace(',', '.');
  else if (englishGrouped.test(compact) && (lang === 'en' || compact.includes('.'))) {
    normal = compact.replace(/,/g, '');
  } else if (europeanGrouped.test(compact) && (lang !== 'en' || compact.includes(','))) {
    normal = compact.replace(/\./g, '').replace(',', '.');
  } else return 'format';
  const [whole = '', fraction] = normal.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (negative && /[1-9]/.test(normal)) return 'negative';
  if (digits.length > 14) return 'too-large';
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

let currencies: Set<string> | undefined;

/** An ISO 4217 code the runtime knows ("cad" is read as CAD), or null. */
export function parseCurrency(text: string): string | null {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && currencies.has(code) ? code : null;
}

/** Only web addresses: `javascript:`, `data:` or `file:` links must never reach a page. */
export function parseWebsite(text: string): string | null {
  const trimmed = text.trim();
  if (/\s/.test(trimmed) || trimmed.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return null;
  return trimmed;
}

const emailSchema = z.email().max(254);

export function parseEmail(text: string): string | null {
  const trimmed = text.trim();
  return emailSchema.safeParse(trimmed).success ? trimmed : null;
}
