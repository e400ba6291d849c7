// One error family for use-case failures. The code is stable and maps to an HTTP status
// or a resolver envelope at the edge; the message is safe to show to the caller.
import type { ErrorCode } from '../contract/envelope';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: Array<{ field: string; message: string }> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; issues?: Array<{ field: string; message: string }>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.issues = options.issues;
  }
}
