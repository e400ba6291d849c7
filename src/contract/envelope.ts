// The one response envelope every resolver returns, so the UI never has to guess how a
// failure looks. Error codes are stable strings; messages are written for people.

export const errorCodes = ['BAD_REQUEST', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** The payload field the message is about, as a dotted path, when there is one. */
  field?: string;
  /** Every problem found, when the input had several (e.g. a calendar). */
  issues?: Array<{ field: string; message: string }>;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
