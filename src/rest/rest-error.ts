// Failures on the REST edge and their HTTP answers. Every 4xx / 5xx is the
// { status, message, messages } body; internals (stack traces, the token, SQL) never are.
import { JiraAccessError } from '../jira/jira-errors';
import { ParamError } from '../report-api/report-params';
import type { SelectionParam } from '../report-api/selection-param';
import { errorResponse, type RestResponse } from './http';

export class RestError extends Error {
  constructor(readonly status: number, readonly messages: string[], readonly headers: Record<string, string[]> = {}) {
    super(messages.join('; '));
    this.name = 'RestError';
  }
}

/** Seconds a client should wait after Jira throttled us past the time budget. */
export const JIRA_BUSY_RETRY_AFTER_SECONDS = 30;


export function toRestResponse(error: unknown, selectionParam: SelectionParam = 'customjql'): RestResponse {
  if (error instanceof RestError) return errorResponse(error.status, error.messages, error.headers);
  if (error instanceof ParamError) return errorResponse(400, error.problems.map((p) => `${p.param}: ${p.message}`));
  if (error instanceof JiraAccessError) {
    switch (error.code) {
      case 'JIRA_BAD_REQUEST': {
        const messages = error.jiraMessages.length > 0 ? error.jiraMessages : [error.message];
        return errorResponse(400, messages.map((m) => `${selectionParam}: ${m}`));
      }
      case 'JIRA_NOT_FOUND':
        return errorResponse(404, [`${selectionParam}: ${error.message}`]);
      case 'JIRA_RATE_LIMITED':
      case 'JIRA_TIME_BUDGET_EXCEEDED':
      case 'JIRA_UNAVAILABLE':
        return errorResponse(
          503,
          ['Jira is busy or throttling requests and the report did not fit in the time available. Retry later, ask for a smaller pageSize, or use /rest/export.'],
          { 'retry-after': [String(JIRA_BUSY_RETRY_AFTER_SECONDS)] },
        );
      case 'JIRA_FORBIDDEN':
      case 'JIRA_UNEXPECTED_RESPONSE':
        return errorResponse(502, ['Jira gave an answer the app could not use. Try again later; if it persists, tell your Jira administrator.']);
    }
  }
  // The kind only: messages may quote request text.
  console.error('REST request failed', error instanceof Error ? error.name : typeof error);
  return errorResponse(500, ['The request could not be completed. Try again later.']);
}
