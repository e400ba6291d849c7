// Jira's refusals become the report's own errors, naming the parameter at fault: a bad
// JQL is the caller's `customjql`, an unknown saved filter their `jqlFilterID`. What the
// caller cannot fix becomes JIRA_UNUSABLE, and throttling or outages JIRA_BUSY, which the
// REST edge answers with 503 and Retry-After and an export job retries later.
import { AppError, FieldError, JiraAccessError, RetryLaterError } from '../kernel/errors';
import type { SelectionParam } from './selection-param';

/** Seconds a client should wait after Jira throttled us past the time budget. */
export const JIRA_BUSY_RETRY_AFTER_SECONDS = 30;

export const JIRA_UNUSABLE_MESSAGE = 'Jira gave an answer the app could not use. Try again later; if it persists, tell your Jira administrator.';
export const JIRA_BUSY_MESSAGE =
  'Jira is busy or throttling requests and the report did not fit in the time available. Retry later, ask for a smaller pageSize, or use /rest/export.';

/** The error a report throws for `error`; anything that is not Jira's passes unchanged. */
export function reportErrorOf(error: unknown, selectionParam: SelectionParam): unknown {
  if (!(error instanceof JiraAccessError)) return error;
  switch (error.code) {
    case 'JIRA_BAD_REQUEST':
      return new FieldError(
        (error.jiraMessages.length > 0 ? error.jiraMessages : [error.message]).map((message) => ({ field: selectionParam, message })),
        { cause: error },
      );
    case 'JIRA_NOT_FOUND':
      return new FieldError([{ field: selectionParam, message: error.message }], { code: 'NOT_FOUND', cause: error });
    case 'JIRA_FORBIDDEN':
    case 'JIRA_UNEXPECTED_RESPONSE':
      return new AppError('JIRA_UNUSABLE', JIRA_UNUSABLE_MESSAGE, { cause: error });
    case 'JIRA_RATE_LIMITED':
    case 'JIRA_TIME_BUDGET_EXCEEDED':
    case 'JIRA_UNAVAILABLE':
      return new RetryLaterError('JIRA_BUSY', JIRA_BUSY_MESSAGE, JIRA_BUSY_RETRY_AFTER_SECONDS, { cause: error });
  }
}
