/** The WTO's three working languages, in the order the interface lists them. */
export const languages = ['en', 'fr', 'es'] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

export const languageNames: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };

/** The locale each language is formatted in (dates, numbers), for Intl and the document writers. */
export const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/**
 * The best of our languages for an Accept-Language header ("fr-CA,fr;q=0.9,en;q=0.5"),
 * English when none fits.
 */
export function negotiateLanguage(header: string | undefined | null): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return {
        base: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLanguage) ?? 'en';
}
