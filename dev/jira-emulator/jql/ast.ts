// The JQL syntax tree the parser builds and the evaluator compiles.

export type JqlValue =
  | { kind: 'literal'; text: string; quoted: boolean; at: number }
  | { kind: 'function'; name: string; args: string[]; at: number }
  | { kind: 'empty'; at: number }
  | { kind: 'list'; items: JqlValue[]; at: number };

export type JqlOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export type JqlExpression =
  | { kind: 'and'; items: JqlExpression[] }
  | { kind: 'or'; items: JqlExpression[] }
  | { kind: 'not'; item: JqlExpression }
  | { kind: 'clause'; field: string; operator: JqlOperator; value: JqlValue; at: number; text: string };

export interface JqlSort {
  field: string;
  direction: 'asc' | 'desc';
  at: number;
}

export interface JqlQuery {
  where: JqlExpression | null;
  orderBy: JqlSort[];
}
