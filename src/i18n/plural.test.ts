import { describe, expect, it } from 'vitest';
import { defineMessages } from './catalogue.ts';
import { counted, pluralForm } from './plural.ts';

describe('counted phrases', () => {
  const text = defineMessages({
    en: { partiesOne: '{count} reporting party', partiesOther: '{count} reporting parties' },
    fr: { partiesOne: '{count} partie déclarante', partiesOther: '{count} parties déclarantes' },
    es: { partiesOne: '{count} parte informante', partiesOther: '{count} partes informantes' },
  });

  it('say "1 reporting party", never "1 reporting parties"', () => {
    expect(counted(text('en'), 'en', 'parties', 1)).toBe('1 reporting party');
    expect(counted(text('en'), 'en', 'parties', 0)).toBe('0 reporting parties');
    expect(counted(text('en'), 'en', 'parties', 1200)).toBe('1,200 reporting parties');
  });

  it('follow each language’s rule: French takes the singular for 0', () => {
    expect(counted(text('fr'), 'fr', 'parties', 0)).toBe('0 partie déclarante');
    expect(counted(text('fr'), 'fr', 'parties', 2)).toBe('2 parties déclarantes');
    expect(counted(text('es'), 'es', 'parties', 0)).toBe('0 partes informantes');
    expect(counted(text('es'), 'es', 'parties', 1)).toBe('1 parte informante');
    expect(pluralForm('fr', 1_000_000)).toBe('Other');
  });

  it('count with the vocabulary’s shared forms', () => {
    expect(counted(text('en'), 'en', 'commentCount', 1)).toBe('1 comment');
    expect(counted(text('fr'), 'fr', 'commentCount', 3)).toBe('3 commentaires');
    expect(counted(text('es'), 'es', 'activityCount', 1)).toBe('1 actividad');
  });
});
