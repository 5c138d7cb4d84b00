import { describe, expect, it } from 'vitest';
import {
  defaultSymbolPattern,
  nextSymbol,
  revisionSymbol,
  symbolPatternProblem,
  symbolPrefix,
} from './symbols.ts';

describe('document symbols', () => {
  it('gives a party the number after its highest, ignoring revisions and other parties', () => {
    const existing = [
      'IP/C/R/TC/CAN/1',
      'IP/C/R/TC/CAN/4',
      'IP/C/R/TC/CAN/4/Corr.1',
      'IP/C/R/TC/CAN/12x',
      'IP/C/R/TC/CANADA/40',
      'IP/C/R/TC/USA/9',
    ];
    expect(nextSymbol(defaultSymbolPattern, 'CAN', existing)).toBe('IP/C/R/TC/CAN/5');
    expect(nextSymbol(defaultSymbolPattern, 'CAN', [])).toBe('IP/C/R/TC/CAN/1');
    expect(nextSymbol(defaultSymbolPattern, 'WTO-OMC', ['IP/C/R/TC/WTO-OMC/3'])).toBe('IP/C/R/TC/WTO-OMC/4');
  });

  it('reads numbers back from any pattern, with text after {n} and regex characters', () => {
    const pattern = 'TC.{code}(n{n})+';
    expect(nextSymbol(pattern, 'EU', ['TC.EU(n7)+', 'TCXEU(n9)+'])).toBe('TC.EU(n8)+');
    expect(symbolPrefix(pattern, 'EU')).toBe('TC.EU(n');
  });

  it('suffixes corrigenda and addenda to the original symbol', () => {
    expect(revisionSymbol('IP/C/R/TC/CAN/4', 'corrigendum', 1)).toBe('IP/C/R/TC/CAN/4/Corr.1');
    expect(revisionSymbol('IP/C/R/TC/CAN/4', 'addendum', 2)).toBe('IP/C/R/TC/CAN/4/Add.2');
  });

  it('accepts only patterns with {code} and one {n}', () => {
    expect(symbolPatternProblem(defaultSymbolPattern)).toBeNull();
    expect(symbolPatternProblem('')).toBe('required');
    expect(symbolPatternProblem('IP/C/R/TC/{n}')).toBe('needsCode');
    expect(symbolPatternProblem('IP/{code}')).toBe('needsOneNumber');
    expect(symbolPatternProblem('IP/{code}/{n}/{n}')).toBe('needsOneNumber');
    expect(symbolPatternProblem('IP/{code}/{year}/{n}')).toBe('unknownPlaceholder');
    expect(symbolPatternProblem('IP {code}/{n}')).toBe('badCharacters');
    expect(symbolPatternProblem(`${'X'.repeat(100)}{code}{n}`)).toBe('tooLong');
  });
});
