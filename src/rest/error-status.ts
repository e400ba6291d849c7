// The one translation of errors into HTTP answers on the REST edge: routes throw, the
// router calls this once. Every 4xx / 5xx is the { status, message, messages } body that
// clients of the TISJWT API parse; internals (stack traces, the token, SQL, Jira's own
// answers to the app) never are.
import { AppError, FieldError, MethodNotAllowedError, RetryLaterError, type ErrorCode } from '../kernel/errors';
import { ExportNotFoundError } from '../reporting/export-jobs/export-not-found-error';
import { JIRA_BUSY_MESSAGE, JIRA_BUSY_RETRY_AFTER_SECONDS, JIRA_UNUSABLE_MESSAGE } from '../reporting/jira-failure';
import { errorResponse, type RestResponse } from './http';

const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  TOKEN_REJECTED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  NOT_READY: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  LIMIT_REACHED: 429,
  INTERNAL: 500,
  JIRA_UNUSABLE: 502,
  JIRA_BUSY: 503,
  // Jira errors a use case did not translate: the app's own request failed, so the
  // caller hears that Jira could not be used or is busy, never what Jira said to the app.
  JIRA_BAD_REQUEST: 502,
  JIRA_NOT_FOUND: 502,
  JIRA_FORBIDDEN: 502,
  JIRA_UNEXPECTED_RESPONSE: 502,
  JIRA_RATE_LIMITED: 503,
  JIRA_UNAVAILABLE: 503,
  JIRA_TIME_BUDGET_EXCEEDED: 503,
};

const GENERIC_500 = 'The request could not be completed. Try again later.';

export function restResponseOf(error: unknown): RestResponse {
  if (!(error instanceof AppError) || error.code === 'INTERNAL') {
    // The kind only: messages may quote request text.
    console.error('REST request failed', error instanceof Error ? error.name : typeof error);
    return errorResponse(500, [GENERIC_500]);
  }
  const status = HTTP_STATUS[error.code];
  // The id is echoed only when it has an export id's shape: an answer never repeats a token or a long value.
  if (error instanceof ExportNotFoundError) {
    return errorResponse(status, [error.message], {}, /^[0-9a-f-]{36}$/i.test(error.exportId) ? { exportId: error.exportId } : {});
  }
  if (error instanceof FieldError) return errorResponse(status, error.messages);
  if (error instanceof RetryLaterError) return errorResponse(status, [error.message], { 'retry-after': [String(error.retryAfterSeconds)] });
  if (error instanceof MethodNotAllowedError) return errorResponse(status, [error.message], { allow: [error.allowed.join(', ')] });
  if (error.code.startsWith('JIRA_') && error.code !== 'JIRA_BUSY' && error.code !== 'JIRA_UNUSABLE') {
    return status === 503
      ? errorResponse(503, [JIRA_BUSY_MESSAGE], { 'retry-after': [String(JIRA_BUSY_RETRY_AFTER_SECONDS)] })
      : errorResponse(502, [JIRA_UNUSABLE_MESSAGE]);
  }
  return errorResponse(status, [error.message]);
}
