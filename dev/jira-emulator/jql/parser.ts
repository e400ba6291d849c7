// Recursive-descent JQL parser for the emulator's subset:
//   query   := or? ('ORDER' 'BY' sort (',' sort)*)?
//   or      := and ('OR' and)*        and := not ('AND' not)*
//   not     := 'NOT' not | '(' or ')' | clause
//   clause  := field op value         op := = != > >= < <= IN | NOT IN | IS | IS NOT
// Operators outside the subset (~, WAS, CHANGED) are errors that name the clause.
import type { JqlExpression, JqlOperator, JqlQuery, JqlSort, JqlValue } from './ast';
import { JqlError } from './jql-error';
import { tokenize, type Token } from './lexer';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'was', 'changed']);

export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let position = 0;
  const peek = (): Token => tokens[position] ?? { kind: 'end', text: '', at: jql.length };
  const next = (): Token => {
    const token = peek();
    position += 1;
    return token;
  };
  const isWord = (token: Token, word: string): boolean => token.kind === 'word' && token.text.toLowerCase() === word;
  const describe = (token: Token): string => (token.kind === 'end' ? 'the end of the query' : `'${token.text}'`);

  function parseOr(): JqlExpression {
    const items = [parseAnd()];
    while (isWord(peek(), 'or')) {
      next();
      items.push(parseAnd());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  }

  function parseAnd(): JqlExpression {
    const items = [parseNot()];
    while (isWord(peek(), 'and')) {
      next();
      items.push(parseNot());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  }

  function parseNot(): JqlExpression {
    const token = peek();
    if (isWord(token, 'not')) {
      next();
      return { kind: 'not', item: parseNot() };
    }
    if (token.kind === 'lparen') {
      next();
      const inner = parseOr();
      const close = next();
      if (close.kind !== 'rparen') throw new JqlError(`Expecting ')' but got ${describe(close)}.`, close.at);
      return inner;
    }
    return parseClause();
  }

  function parseOperator(field: Token): JqlOperator {
    const token = next();
    if (token.kind === 'op') {
      if (token.text === '~' || token.text === '!~') {
        throw new JqlError(
          `The operator '${token.text}' (text search) in the clause starting with '${field.text}' is not supported by the Jira emulator.`,
          token.at,
        );
      }
      return token.text as JqlOperator;
    }
    if (token.kind === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'in') return 'in';
      if (word === 'is') {
        if (isWord(peek(), 'not')) {
          next();
          return 'is not';
        }
        return 'is';
      }
      if (word === 'not' && isWord(peek(), 'in')) {
        next();
        return 'not in';
      }
      if (word === 'was' || word === 'changed') {
        throw new JqlError(
          `The history operator '${token.text.toUpperCase()}' in the clause starting with '${field.text}' is not supported by the Jira emulator.`,
          token.at,
        );
      }
    }
    throw new JqlError(
      `Expecting operator but got ${describe(token)}. The valid operators are '=', '!=', '<', '>', '<=', '>=', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`,
      token.at,
    );
  }

  function parseSingleValue(): JqlValue {
    const token = next();
    if (token.kind === 'string') return { kind: 'literal', text: token.text, quoted: true, at: token.at };
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'empty' || lower === 'null') return { kind: 'empty', at: token.at };
      if (KEYWORDS.has(lower))
        throw new JqlError(
          `Expecting either a value, list or function but got '${token.text}'. You must surround '${token.text}' in quotation marks to use it as a value.`,
          token.at,
        );
      if (peek().kind === 'lparen') {
        next();
        const args: string[] = [];
        while (peek().kind !== 'rparen') {
          const arg = next();
          if (arg.kind !== 'word' && arg.kind !== 'string') throw new JqlError(`Expecting a function argument but got ${describe(arg)}.`, arg.at);
          args.push(arg.text);
          if (peek().kind === 'comma') next();
        }
        next();
        return { kind: 'function', name: token.text, args, at: token.at };
      }
      return { kind: 'literal', text: token.text, quoted: false, at: token.at };
    }
    throw new JqlError(`Expecting either a value, list or function but got ${describe(token)}.`, token.at);
  }

  function parseValue(operator: JqlOperator): JqlValue {
    if (operator === 'in' || operator === 'not in') {
      const open = peek();
      if (open.kind !== 'lparen') {
        // `IN membersOf(...)`-style list functions are not in the subset.
        const value = parseSingleValue();
        if (value.kind === 'function') return value;
        throw new JqlError(`Expecting '(' after '${operator.toUpperCase()}' but got '${open.text}'.`, open.at);
      }
      next();
      const items: JqlValue[] = [];
      for (;;) {
        items.push(parseSingleValue());
        const separator = next();
        if (separator.kind === 'rparen') break;
        if (separator.kind !== 'comma') throw new JqlError(`Expecting ',' or ')' but got ${describe(separator)}.`, separator.at);
      }
      return { kind: 'list', items, at: open.at };
    }
    return parseSingleValue();
  }

  function parseClause(): JqlExpression {
    const field = next();
    if (field.kind !== 'word' && field.kind !== 'string') throw new JqlError(`Expecting a field name but got ${describe(field)}.`, field.at);
    if (field.kind === 'word' && KEYWORDS.has(field.text.toLowerCase())) {
      throw new JqlError(
        `Expecting a field name but got '${field.text}'. You must surround '${field.text}' in quotation marks to use it as a field name.`,
        field.at,
      );
    }
    const operator = parseOperator(field);
    const value = parseValue(operator);
    const end = peek().at;
    return { kind: 'clause', field: field.text, operator, value, at: field.at, text: jql.slice(field.at, end).trim() };
  }

  function parseOrderBy(): JqlSort[] {
    next(); // ORDER
    const by = next();
    if (!isWord(by, 'by')) throw new JqlError(`Expecting 'BY' but got ${describe(by)}.`, by.at);
    const sorts: JqlSort[] = [];
    for (;;) {
      const field = next();
      if (field.kind !== 'word' && field.kind !== 'string') throw new JqlError(`Expecting a field name but got ${describe(field)}.`, field.at);
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) direction = next().text.toLowerCase() === 'desc' ? 'desc' : 'asc';
      sorts.push({ field: field.text, direction, at: field.at });
      if (peek().kind !== 'comma') break;
      next();
    }
    return sorts;
  }

  let where: JqlExpression | null = null;
  if (peek().kind !== 'end' && !isWord(peek(), 'order')) where = parseOr();
  let orderBy: JqlSort[] = [];
  if (isWord(peek(), 'order')) orderBy = parseOrderBy();
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new JqlError(`Expecting either 'OR' or 'AND' but got ${describe(rest)}.`, rest.at);
  }
  return { where, orderBy };
}
