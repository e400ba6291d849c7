// The one error family, in the style of panva/jose's errors: one root class with a stable
// string `code` (and the `cause`), subclasses adding fields only. Code throws; the edges
// translate once: rest/error-status.ts maps codes to HTTP statuses, entry/resolvers/define.ts
// to the resolver envelope. Messages are written for the caller and never hold a token.

export type JiraErrorCode =
  /** Jira refused the request as malformed (e.g. a JQL syntax error). */
  | 'JIRA_BAD_REQUEST'
  /** A saved filter, issue or project the owner may not see, or that does not exist. */
  | 'JIRA_NOT_FOUND'
  /** Jira refused the app (missing scope, revoked install). */
  | 'JIRA_FORBIDDEN'
  /** Retries on 429 ran out. */
  | 'JIRA_RATE_LIMITED'
  /** Jira kept failing (5xx, dropped connections) after the retries. */
  | 'JIRA_UNAVAILABLE'
  /** The time budget of the request ran out before the work was done. */
  | 'JIRA_TIME_BUDGET_EXCEEDED'
  /** Jira answered something this code does not understand. */
  | 'JIRA_UNEXPECTED_RESPONSE';

export type ErrorCode =
  /** Something the caller sent is wrong; a FieldError names each field. */
  | 'INVALID_INPUT'
  /** No signed-in caller (a resolver invoked without an account). */
  | 'UNAUTHENTICATED'
  /** A REST token that does not authenticate (TokenRejectedError says why). */
  | 'TOKEN_REJECTED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  /** The request clashes with the current state (a taken name, a stale write). */
  | 'CONFLICT'
  /** The thing exists but is not ready yet (an export still running). */
  | 'NOT_READY'
  /** The caller sent too many requests: retry after a while. */
  | 'RATE_LIMITED'
  /** A quota is used up (tokens per user, unfinished exports). */
  | 'LIMIT_REACHED'
  /** Jira throttled or failed past the retries and the time budget: retry later. */
  | 'JIRA_BUSY'
  /** Jira refused the app or answered something unusable. */
  | 'JIRA_UNUSABLE'
  | JiraErrorCode
  /** A broken invariant: a bug, never the caller's fault. */
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem with one input field; `field` is a dotted path (`calendar.windows[2].end`) or a parameter name. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one line a problem is shown as: `field: message`. */
export const problemLine = (problem: FieldProblem): string => (problem.field ? `${problem.field}: ${problem.message}` : problem.message);

/** Problems one error carries at most: a huge request must not get a huger answer. */
export const MAX_PROBLEMS = 50;

/** Each distinct problem once, the first MAX_PROBLEMS of them, then how many more there were. */
function boundedProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  const distinct: FieldProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(problem);
  }
  if (distinct.length <= MAX_PROBLEMS) return distinct;
  return [...distinct.slice(0, MAX_PROBLEMS), { field: '', message: `and ${distinct.length - MAX_PROBLEMS} more problems` }];
}

/**
 * An error about named input fields: every problem found, not just the first, so a
 * caller fixing one mistake does not discover the next one later.
 */
export class FieldError extends AppError {
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[], options: { code?: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND'; message?: string; cause?: unknown } = {}) {
    const kept = boundedProblems(problems);
    super(options.code ?? 'INVALID_INPUT', options.message ?? kept.map(problemLine).join('; '), options);
    this.problems = kept;
  }

  /** One line per problem, each starting with its field. */
  get messages(): string[] {
    return this.problems.map(problemLine);
  }
}

/** Shorthand for the common case of one field. */
export const fieldError = (field: string, message: string, code?: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND'): FieldError =>
  new FieldError([{ field, message }], { ...(code ? { code } : {}) });

/** Try again later: the caller is throttled, a quota is full, or the thing is not ready. */
export class RetryLaterError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(
    code: 'RATE_LIMITED' | 'LIMIT_REACHED' | 'NOT_READY' | 'JIRA_BUSY',
    message: string,
    retryAfterSeconds: number,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The endpoint exists but not for this method. */
export class MethodNotAllowedError extends AppError {
  readonly allowed: readonly string[];

  constructor(allowed: readonly string[]) {
    super('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')} for this endpoint.`);
    this.allowed = allowed;
  }
}

/** Everything that goes wrong talking to Jira; Jira's own messages travel in `jiraMessages`. */
export class JiraAccessError extends AppError {
  declare readonly code: JiraErrorCode;
  readonly status: number | undefined;
  readonly jiraMessages: string[];
  readonly jiraErrors: Record<string, string>;

  constructor(
    code: JiraErrorCode,
    message: string,
    details: { status?: number; jiraMessages?: string[]; jiraErrors?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, message, details);
    this.status = details.status;
    this.jiraMessages = details.jiraMessages ?? [];
    this.jiraErrors = details.jiraErrors ?? {};
  }
}
