import { describe, expect, it } from 'vitest';
import { defineMessages } from './catalogue.ts';

describe('defineMessages', () => {
  const text = defineMessages({
    en: { hello: 'Hello {name}', plain: 'Plain' },
    fr: { hello: 'Bonjour {name}', plain: 'Simple' },
    es: { hello: 'Hola {name}', plain: 'Sencillo' },
  });
  it('translates into the language asked and fills placeholders', () => {
    expect(text('fr')('hello', { name: 'Ana' })).toBe('Bonjour Ana');
    expect(text('es')('plain')).toBe('Sencillo');
  });
  it('leaves a placeholder without a value visible', () => {
    expect(text('en')('hello')).toBe('Hello {name}');
  });
});
