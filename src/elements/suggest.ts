import type { Language } from '../i18n/languages.ts';
import { languages } from '../i18n/languages.ts';
import { type ElementRules, elementRules } from './rules.ts';
import { type ElementCode, elementCodes } from './taxonomy.ts';

/** Lower case, accents removed, every run of other characters one space, padded with spaces. */
export function normalizeText(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${plain} `;
}

/** A term as a regular expression over normalized text (see rules.ts for the notation). */
export function termPattern(term: string): RegExp {
  const source = term
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => {
      const whole = word.endsWith('$');
      const parts = normalizeText(whole ? word.slice(0, -1) : word)
        .trim()
        .split(' ');
      return parts.map((part, index) =>
        whole && index === parts.length - 1 ? `${part} ` : `${part}[a-z0-9]* `,
      );
    })
    .join('');
  return new RegExp(` ${source}`);
}

type CompiledRules = Map<ElementCode, Map<Language, RegExp[]>>;

function compile(rules: ElementRules): CompiledRules {
  return new Map(
    elementCodes.map((code) => [
      code,
      new Map(languages.map((language) => [language, rules[code][language].map(termPattern)])),
    ]),
  );
}

const compiled = compile(elementRules);

/**
 * The elements of Article 67 the rules find in an activity's title and description, in the
 * taxonomy's order. With a language, only that language's terms are used; without one, all
 * three. "other" when none of the four elements is found.
 */
export function suggestElements(title: string, description = '', language?: Language): ElementCode[] {
  const text = normalizeText(`${title} . ${description}`);
  const found = elementCodes.filter((code) => {
    const byLanguage = compiled.get(code);
    if (!byLanguage) return false;
    const pools = language ? [byLanguage.get(language) ?? []] : [...byLanguage.values()];
    return pools.some((patterns) => patterns.some((pattern) => pattern.test(text)));
  });
  return found.length === 0 ? ['other'] : found;
}
