// The engine's one error family: a stable string `code` callers switch on (the REST edge
// maps codes to HTTP statuses), a human message, and the original `cause` when there is one.

export type ReportEngineErrorCode = 'CALENDAR_INVALID' | 'REPORT_OPTIONS_INVALID';

export class ReportEngineError extends Error {
  readonly code: ReportEngineErrorCode;

  constructor(code: ReportEngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem in an input, located by a path such as `windows[2].end`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A calendar definition failed validation; `issues` lists every problem found, not just the first. */
export class CalendarValidationError extends ReportEngineError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const summary = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
    super('CALENDAR_INVALID', `Invalid calendar: ${summary.join('; ')}`);
    this.issues = issues;
  }
}
