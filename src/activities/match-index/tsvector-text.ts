/**
 * Reads the text form of a tsvector ('examin':3A,9B 'patent':2A 'x') into its lexemes with the
 * strongest weight each carries (3 for A, 2 for B, 1 for C, 0 for D or no position).
 */
export function readTsvector(text: string, visit: (lexeme: string, weight: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) !== 39 /* ' */) {
      i++;
      continue;
    }
    i++;
    let lexeme = '';
    let start = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        lexeme += text.slice(start, i) + text[i + 1];
        i += 2;
        start = i;
      } else if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          lexeme += `${text.slice(start, i)}'`;
          i += 2;
          start = i;
        } else {
          lexeme += text.slice(start, i);
          i++;
          break;
        }
      } else if (i >= n) {
        throw new Error('Unreadable tsvector');
      } else {
        i++;
      }
    }
    let weight = 0;
    if (text.charCodeAt(i) === 58 /* : */) {
      i++;
      while (i < n && text.charCodeAt(i) !== 32) {
        const c = text.charCodeAt(i);
        if (c === 65) weight = 3;
        else if (c === 66 && weight < 2) weight = 2;
        else if (c === 67 && weight < 1) weight = 1;
        i++;
      }
    }
    visit(lexeme, weight);
  }
}
