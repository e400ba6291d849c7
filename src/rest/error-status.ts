// Failures on the REST edge and their HTTP answers. Every 4xx / 5xx is the
// { status, message, messages } body; internals (stack traces, the token, SQL) never are.
import { reportFailureOf } from '../reporting/report-failure';
import type { SelectionParam } from '../reporting/selection-param';
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
  const failure = reportFailureOf(error, selectionParam);
  switch (failure.kind) {
    case 'bad-request':
      return errorResponse(400, failure.messages);
    case 'not-found':
      return errorResponse(404, failure.messages);
    case 'jira-unusable':
      return errorResponse(502, failure.messages);
    case 'jira-busy':
      return errorResponse(
        503,
        ['Jira is busy or throttling requests and the report did not fit in the time available. Retry later, ask for a smaller pageSize, or use /rest/export.'],
        { 'retry-after': [String(JIRA_BUSY_RETRY_AFTER_SECONDS)] },
      );
    case 'unknown':
      // The kind only: messages may quote request text.
      console.error('REST request failed', error instanceof Error ? error.name : typeof error);
      return errorResponse(500, ['The request could not be completed. Try again later.']);
  }
}
