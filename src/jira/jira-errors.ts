// One error family for everything that goes wrong talking to Jira, with a stable `code`
// the REST layer maps to an HTTP status. Jira's own messages travel in `jiraMessages`.

export type JiraErrorCode =
  /** Jira refused the request as malformed (e.g. a JQL syntax error): caller's fault, 400. */
  | 'JIRA_BAD_REQUEST'
  /** A saved filter, issue or project the owner may not see, or that does not exist. */
  | 'JIRA_NOT_FOUND'
  /** Jira refused the app (missing scope, revoked install). */
  | 'JIRA_FORBIDDEN'
  /** Retries on 429 / 503 ran out. */
  | 'JIRA_RATE_LIMITED'
  /** Jira kept failing (5xx, dropped connections) after the retries. */
  | 'JIRA_UNAVAILABLE'
  /** The time budget of the request ran out before the work was done. */
  | 'JIRA_TIME_BUDGET_EXCEEDED'
  /** Jira answered something this code does not understand. */
  | 'JIRA_UNEXPECTED_RESPONSE';

export class JiraAccessError extends Error {
  override readonly name = 'JiraAccessError';
  constructor(
    readonly code: JiraErrorCode,
    message: string,
    readonly details: { status?: number; jiraMessages?: string[]; jiraErrors?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get jiraMessages(): string[] {
    return this.details.jiraMessages ?? [];
  }
}
