import { describe, expect, it } from 'vitest';
import {
  checkGivenSymbol,
  checkPublicationSymbol,
  defaultSymbolPattern,
  nextSymbol,
  revisionSymbol,
  symbolPatternProblem,
  symbolPrefix,
} from './symbols.ts';

describe('document symbols', () => {
  it('gives a party the number after its highest, revisions counting, other parties not', () => {
    const existing = [
      'IP/C/R/TC/CAN/1',
      'IP/C/R/TC/CAN/4',
      'IP/C/R/TC/CAN/4/Corr.1',
      'IP/C/R/TC/CAN/12x',
      'IP/C/R/TC/CANADA/40',
      'IP/C/R/TC/USA/9',
    ];
    expect(nextSymbol(defaultSymbolPattern, 'CAN', existing)).toBe('IP/C/R/TC/CAN/5');
    // Only a corrigendum of /6 is known: /6 is taken all the same.
    expect(nextSymbol(defaultSymbolPattern, 'CAN', ['IP/C/R/TC/CAN/6/Corr.1'])).toBe('IP/C/R/TC/CAN/7');
    // No symbol known: no silent /1, the officer sets the number.
    expect(nextSymbol(defaultSymbolPattern, 'CAN', [])).toBeNull();
    expect(nextSymbol(defaultSymbolPattern, 'CAN', ['IP/C/W/584/Add.3'])).toBeNull();
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
    expect(revisionSymbol('IP/C/R/TC/CAN/4', 'revision', 1)).toBe('IP/C/R/TC/CAN/4/Rev.1');
  });

  it('checks a symbol set at publication against the party’s series, a given one against any WTO series', () => {
    expect(checkPublicationSymbol(' ip/c/r/tc/can/7 ', defaultSymbolPattern, 'CAN')).toEqual({
      symbol: 'IP/C/R/TC/CAN/7',
    });
    expect(checkPublicationSymbol('IP/C/R/TC/USA/7', defaultSymbolPattern, 'CAN')).toEqual({
      problem: 'notInSeries',
    });
    expect(checkPublicationSymbol('IP/C/W/584/Add.3', defaultSymbolPattern, 'CAN')).toEqual({
      problem: 'notInSeries',
    });
    expect(checkPublicationSymbol('', defaultSymbolPattern, 'CAN')).toEqual({ problem: 'required' });
    expect(checkGivenSymbol('IP/C/W/584/add.3', defaultSymbolPattern, 'CAN')).toEqual({
      symbol: 'IP/C/W/584/Add.3',
    });
    expect(checkGivenSymbol('Report 3', defaultSymbolPattern, 'CAN')).toEqual({ problem: 'notASymbol' });
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
