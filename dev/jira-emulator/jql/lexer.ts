// JQL tokens: words (unquoted values, field names, keywords, relative dates like -30d),
// quoted strings, operators and punctuation. Positions are kept for Jira-style errors.
import { JqlError } from './jql-error';

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the query. */
  at: number;
}

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];
// Characters that end an unquoted word (Jira reserves more; these matter here).
const WORD_END = /[\s=!<>~(),"']/;

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(') tokens.push({ kind: 'lparen', text: c, at: i++ });
    else if (c === ')') tokens.push({ kind: 'rparen', text: c, at: i++ });
    else if (c === ',') tokens.push({ kind: 'comma', text: c, at: i++ });
    else if (c === '"' || c === "'") {
      const start = i;
      let value = '';
      i += 1;
      while (i < jql.length && jql.charAt(i) !== c) {
        if (jql.charAt(i) === '\\' && i + 1 < jql.length) i += 1;
        value += jql.charAt(i);
        i += 1;
      }
      if (i >= jql.length) throw new JqlError(`The quoted string starting at character ${start + 1} has not been completed.`, start);
      i += 1;
      tokens.push({ kind: 'string', text: value, at: start });
    } else {
      const op = OPERATORS.find((o) => jql.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, at: i });
        i += op.length;
        continue;
      }
      const start = i;
      while (i < jql.length && !WORD_END.test(jql.charAt(i))) i += 1;
      if (i === start)
        throw new JqlError(
          `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead.`,
          start,
        );
      tokens.push({ kind: 'word', text: jql.slice(start, i), at: start });
    }
  }
  tokens.push({ kind: 'end', text: '', at: jql.length });
  return tokens;
}
