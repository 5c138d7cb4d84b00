/**
 * The text form of a PostgreSQL tsquery ('patent' & ( 'examin' | !'train' ) <-> 'x'), read into a
 * tree so that it can be evaluated over an in-memory index. PostgreSQL builds the query (parsing,
 * stemming, stop words); only its output is read here, so the words are the ones PostgreSQL
 * would look up.
 */
export type QueryNode =
  | { kind: 'term'; lexeme: string; prefix: boolean; weights: string }
  | { kind: 'not'; operand: QueryNode }
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  | { kind: 'phrase'; distance: number; left: QueryNode; right: QueryNode };

type Token =
  | { kind: 'term'; lexeme: string; prefix: boolean; weights: string }
  | { kind: '&' | '|' | '!' | '(' | ')' }
  | { kind: 'phrase'; distance: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      tokens.push({ kind: c });
      i++;
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw new Error(`Unreadable tsquery: ${text}`);
      const inner = text.slice(i + 1, end);
      tokens.push({ kind: 'phrase', distance: inner === '-' ? 1 : Number(inner) });
      i = end + 1;
    } else if (c === "'") {
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`Unreadable tsquery: ${text}`);
        const d = text[i] as string;
        if (d === '\\' && i + 1 < text.length) {
          lexeme += text[i + 1];
          i += 2;
        } else if (d === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          lexeme += d;
          i++;
        }
      }
      let prefix = false;
      let weights = '';
      if (text[i] === ':') {
        i++;
        while (i < text.length && /[*A-Da-d]/.test(text[i] as string)) {
          if (text[i] === '*') prefix = true;
          else weights += (text[i] as string).toUpperCase();
          i++;
        }
      }
      tokens.push({ kind: 'term', lexeme, prefix, weights });
    } else {
      throw new Error(`Unreadable tsquery: ${text}`);
    }
  }
  return tokens;
}

/** Reads tsquery text; null for the empty query (only stop words). Precedence: ! <-> & |. */
export function parseTsquery(text: string): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  let at = 0;
  const peek = () => tokens[at];
  const orExpression = (): QueryNode => {
    let left = andExpression();
    while (peek()?.kind === '|') {
      at++;
      left = { kind: 'or', left, right: andExpression() };
    }
    return left;
  };
  const andExpression = (): QueryNode => {
    let left = phraseExpression();
    while (peek()?.kind === '&') {
      at++;
      left = { kind: 'and', left, right: phraseExpression() };
    }
    return left;
  };
  const phraseExpression = (): QueryNode => {
    let left = unary();
    for (let token = peek(); token?.kind === 'phrase'; token = peek()) {
      at++;
      left = { kind: 'phrase', distance: token.distance, left, right: unary() };
    }
    return left;
  };
  const unary = (): QueryNode => {
    const token = tokens[at++];
    if (!token) throw new Error(`Unreadable tsquery: ${text}`);
    if (token.kind === '!') return { kind: 'not', operand: unary() };
    if (token.kind === '(') {
      const inner = orExpression();
      if (tokens[at++]?.kind !== ')') throw new Error(`Unreadable tsquery: ${text}`);
      return inner;
    }
    if (token.kind === 'term') return token;
    throw new Error(`Unreadable tsquery: ${text}`);
  };
  const tree = orExpression();
  if (at !== tokens.length) throw new Error(`Unreadable tsquery: ${text}`);
  return tree;
}

/** Whether the in-memory index can answer the query exactly: no phrases, no weight limits. */
export function answerableInMemory(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
      return node.weights === '';
    case 'not':
      return answerableInMemory(node.operand);
    case 'phrase':
      return false;
    default:
      return answerableInMemory(node.left) && answerableInMemory(node.right);
  }
}

/** The words a match is ranked by: every term not under a negation, once each. */
export function rankingTerms(node: QueryNode, into = new Set<string>()): Set<string> {
  if (node.kind === 'term') into.add(node.lexeme);
  else if (node.kind === 'and' || node.kind === 'or' || node.kind === 'phrase') {
    rankingTerms(node.left, into);
    rankingTerms(node.right, into);
  }
  return into;
}
