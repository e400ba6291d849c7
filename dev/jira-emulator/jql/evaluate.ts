// Compiles a parsed JQL query into a predicate and a comparator over indexed issues.
// Values are resolved once (names -> ids, dates -> instants) so evaluation is cheap
// over 100k issues; unknown values are errors like Jira's, never silently empty.
import type { Caller, EmulatorModel, IndexedIssue } from '../model';
import type { JqlExpression, JqlOperator, JqlQuery, JqlValue } from './ast';
import { dateValue } from './dates';
import { JqlError } from './jql-error';

export interface JqlContext {
  model: EmulatorModel;
  caller: Caller;
  now: number;
}

export interface CompiledJql {
  matches(issue: IndexedIssue): boolean;
  compare(a: IndexedIssue, b: IndexedIssue): number;
  /** False for a query without any restriction (Jira's enhanced search refuses those). */
  bounded: boolean;
}

type Predicate = (issue: IndexedIssue) => boolean;

const FIELD_ALIASES: Record<string, string> = {
  project: 'project',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  issuetype: 'issuetype',
  type: 'issuetype',
  status: 'status',
  statuscategory: 'statuscategory',
  category: 'statuscategory',
  assignee: 'assignee',
  reporter: 'reporter',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  resolved: 'resolved',
  resolutiondate: 'resolved',
};

function canonicalField(name: string, at: number, clause: string): string {
  const field = FIELD_ALIASES[name.toLowerCase()];
  if (field === undefined) {
    throw new JqlError(
      `The field '${name}' in the clause '${clause}' is not supported by the Jira emulator (supported: project, key, issuetype, status, statusCategory, assignee, reporter, created, updated, resolved).`,
      at,
    );
  }
  return field;
}

function valuesOf(value: JqlValue): JqlValue[] {
  return value.kind === 'list' ? value.items : [value];
}

function literalText(value: JqlValue, field: string): string {
  if (value.kind === 'literal') return value.text;
  if (value.kind === 'function') throw new JqlError(`Function '${value.name}' is not supported by the Jira emulator for the field '${field}'.`);
  throw new JqlError(`The field '${field}' does not accept this value here.`);
}

function notExist(value: string, field: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
}

function compileClause(clause: Extract<JqlExpression, { kind: 'clause' }>, context: JqlContext): Predicate {
  const { model } = context;
  const field = canonicalField(clause.field, clause.at, clause.text);
  const op: JqlOperator = clause.operator;
  const name = clause.field;

  if (field === 'created' || field === 'updated' || field === 'resolved') {
    const read = (issue: IndexedIssue): number | null => (field === 'created' ? issue.created : field === 'updated' ? issue.updated : issue.resolved);
    if (op === 'is' || op === 'is not') {
      if (clause.value.kind !== 'empty')
        throw new JqlError(`The operator '${op.toUpperCase()}' only supports EMPTY or NULL for the field '${name}'.`, clause.at);
      return op === 'is' ? (issue) => read(issue) === null : (issue) => read(issue) !== null;
    }
    if (op === 'in' || op === 'not in') {
      const instants = valuesOf(clause.value).map((v) => dateValue(v, name, context.now));
      return op === 'in'
        ? (issue) => instants.includes(read(issue) ?? NaN)
        : (issue) => {
            const t = read(issue);
            return t !== null && !instants.includes(t);
          };
    }
    if (clause.value.kind === 'empty') {
      if (op === '=') return (issue) => read(issue) === null;
      if (op === '!=') return (issue) => read(issue) !== null;
    }
    const instant = dateValue(clause.value, name, context.now);
    const cmp: Record<string, (t: number) => boolean> = {
      '=': (t) => t === instant,
      '!=': (t) => t !== instant,
      '>': (t) => t > instant,
      '>=': (t) => t >= instant,
      '<': (t) => t < instant,
      '<=': (t) => t <= instant,
    };
    const test = cmp[op];
    if (!test) throw new JqlError(`The operator '${op}' is not supported for the field '${name}'.`, clause.at);
    return (issue) => {
      const t = read(issue);
      return t !== null && test(t);
    };
  }

  if (op === '>' || op === '>=' || op === '<' || op === '<=') {
    throw new JqlError(`The operator '${op}' is not supported by the '${name}' field.`, clause.at);
  }

  // Every remaining field is a set membership over a string (or null for EMPTY).
  let read: (issue: IndexedIssue) => string | null;
  let resolve: (value: JqlValue) => string | null;
  switch (field) {
    case 'project':
      read = (issue) => issue.project.id;
      resolve = (value) => {
        const text = literalText(value, name);
        const upper = text.toUpperCase();
        const project = model.dataset.projects.find((p) => p.key === upper || p.id === text || p.name.toLowerCase() === text.toLowerCase());
        if (!project || !model.canBrowseProject(context.caller, project)) throw notExist(text, name);
        return project.id;
      };
      break;
    case 'key':
      read = (issue) => issue.issue.id;
      resolve = (value) => {
        const text = literalText(value, name);
        const issue = model.findIssue(text);
        if (!issue || !model.canBrowseIssue(context.caller, issue)) throw new JqlError(`An issue with key '${text}' does not exist for field '${name}'.`);
        return issue.issue.id;
      };
      break;
    case 'issuetype':
      read = (issue) => issue.issue.issueTypeId;
      resolve = (value) => {
        const text = literalText(value, name);
        const type = model.dataset.issueTypes.find((t) => t.id === text || t.name.toLowerCase() === text.toLowerCase());
        if (!type) throw notExist(text, name);
        return type.id;
      };
      break;
    case 'status':
      read = (issue) => issue.status.id;
      resolve = (value) => {
        const text = literalText(value, name);
        const status = model.dataset.statuses.find((s) => s.id === text || s.name.toLowerCase() === text.toLowerCase());
        if (!status) throw notExist(text, name);
        return status.id;
      };
      break;
    case 'statuscategory':
      read = (issue) => issue.status.categoryKey;
      resolve = (value) => {
        const text = literalText(value, name).toLowerCase();
        const byName: Record<string, string> = {
          'to do': 'new',
          'in progress': 'indeterminate',
          done: 'done',
          new: 'new',
          indeterminate: 'indeterminate',
          '2': 'new',
          '4': 'indeterminate',
          '3': 'done',
        };
        const key = byName[text];
        if (!key) throw notExist(literalText(value, name), name);
        return key;
      };
      break;
    default: {
      const userField = field;
      read = userField === 'assignee' ? (issue) => issue.issue.assignee : (issue) => issue.issue.reporter;
      resolve = (value) => {
        if (value.kind === 'function') {
          if (value.name.toLowerCase() !== 'currentuser')
            throw new JqlError(`Function '${value.name}' is not supported by the Jira emulator for the field '${name}'.`);
          // As the app, currentUser() is the app account, which is nobody's assignee.
          return context.caller.kind === 'app' ? model.dataset.app.accountId : context.caller.user.accountId;
        }
        const text = literalText(value, name);
        if (!model.usersById.has(text)) throw notExist(text, name);
        return text;
      };
    }
  }

  const items = valuesOf(clause.value);
  const wanted = new Set<string | null>();
  for (const item of items) wanted.add(item.kind === 'empty' ? null : resolve(item));
  if ((op === 'is' || op === 'is not') && clause.value.kind !== 'empty') {
    throw new JqlError(`The operator '${op.toUpperCase()}' only supports EMPTY or NULL for the field '${name}'.`, clause.at);
  }
  if ((op === 'in' || op === 'not in') && clause.value.kind !== 'list') {
    throw new JqlError(`The operator '${op.toUpperCase()}' needs a list of values for the field '${name}'.`, clause.at);
  }
  const positive = op === '=' || op === 'in' || op === 'is';
  // Jira: `field != x` and `NOT IN` do not match issues where the field is EMPTY.
  return positive
    ? (issue) => wanted.has(read(issue))
    : (issue) => {
        const v = read(issue);
        return v !== null && !wanted.has(v);
      };
}

function compileExpression(expression: JqlExpression, context: JqlContext): Predicate {
  switch (expression.kind) {
    case 'and': {
      const parts = expression.items.map((e) => compileExpression(e, context));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = expression.items.map((e) => compileExpression(e, context));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileExpression(expression.item, context);
      return (issue) => !inner(issue);
    }
    case 'clause':
      return compileClause(expression, context);
  }
}

type SortKey = (issue: IndexedIssue) => number | string;

function sortKey(field: string, at: number, context: JqlContext): SortKey {
  const canonical = FIELD_ALIASES[field.toLowerCase()];
  const name = (accountId: string | null): string => (accountId === null ? '\uffff' : (context.model.usersById.get(accountId)?.displayName ?? accountId));
  switch (canonical) {
    case 'key':
      return (i) => `${i.project.key}-${String(i.keyNumber).padStart(12, '0')}`;
    case 'project':
      return (i) => i.project.key;
    case 'created':
      return (i) => i.created;
    case 'updated':
      return (i) => i.updated;
    case 'resolved':
      return (i) => i.resolved ?? Number.MAX_SAFE_INTEGER;
    case 'status':
      return (i) => i.status.name;
    case 'issuetype':
      return (i) => i.issue.issueTypeId;
    case 'assignee':
      return (i) => name(i.issue.assignee);
    case 'reporter':
      return (i) => name(i.issue.reporter);
    default:
      throw new JqlError(`Field '${field}' cannot be used in ORDER BY in the Jira emulator.`, at);
  }
}

export function compileJql(query: JqlQuery, context: JqlContext): CompiledJql {
  const matches = query.where === null ? () => true : compileExpression(query.where, context);
  const keys = query.orderBy.map((s) => ({ key: sortKey(s.field, s.at, context), sign: s.direction === 'desc' ? -1 : 1 }));
  return {
    matches,
    bounded: query.where !== null,
    compare: (a, b) => {
      for (const { key, sign } of keys) {
        const x = key(a);
        const y = key(b);
        if (x < y) return -sign;
        if (x > y) return sign;
      }
      // Ties (and queries without ORDER BY) fall back to the issue id, newest first.
      return b.idNumber - a.idNumber;
    },
  };
}
