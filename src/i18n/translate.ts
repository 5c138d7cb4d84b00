import type { Language } from './languages.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';

const catalogues: Record<Language, Messages> = { en, fr, es };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator bound to one language; {name} placeholders are filled from params. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
