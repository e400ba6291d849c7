// Why a report failed, as its caller should hear it, naming the parameter at fault. The
// synchronous endpoints turn the kind into an HTTP status; an export job records the
// messages, and retries later only what may pass on its own (Jira busy, anything unknown).
import { JiraAccessError } from '../jira/jira-errors';
import { ParamError } from './report-params';
import type { SelectionParam } from './selection-param';

export type ReportFailure =
  /** Bad parameters, or JQL Jira refused: the request's own fault. */
  | { kind: 'bad-request'; messages: string[] }
  /** A saved filter, issue or project Jira does not show the owner. */
  | { kind: 'not-found'; messages: string[] }
  /** Jira refused the app or answered something unusable. */
  | { kind: 'jira-unusable'; messages: string[] }
  /** Jira throttled or failed beyond the retries and the time budget. */
  | { kind: 'jira-busy' }
  /** Anything else; its text is never shown (it may quote request data). */
  | { kind: 'unknown' };

const JIRA_UNUSABLE_MESSAGE = 'Jira gave an answer the app could not use. Try again later; if it persists, tell your Jira administrator.';

export function reportFailureOf(error: unknown, selectionParam: SelectionParam): ReportFailure {
  if (error instanceof ParamError) return { kind: 'bad-request', messages: error.messages };
  if (!(error instanceof JiraAccessError)) return { kind: 'unknown' };
  switch (error.code) {
    case 'JIRA_BAD_REQUEST':
      return { kind: 'bad-request', messages: (error.jiraMessages.length > 0 ? error.jiraMessages : [error.message]).map((m) => `${selectionParam}: ${m}`) };
    case 'JIRA_NOT_FOUND':
      return { kind: 'not-found', messages: [`${selectionParam}: ${error.message}`] };
    case 'JIRA_FORBIDDEN':
    case 'JIRA_UNEXPECTED_RESPONSE':
      return { kind: 'jira-unusable', messages: [JIRA_UNUSABLE_MESSAGE] };
    case 'JIRA_RATE_LIMITED':
    case 'JIRA_TIME_BUDGET_EXCEEDED':
    case 'JIRA_UNAVAILABLE':
      return { kind: 'jira-busy' };
  }
}
