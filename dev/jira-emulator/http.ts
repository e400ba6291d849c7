// Request and response plumbing shared by the route modules: Jira-shaped error bodies,
// JSON body parsing, and query-parameter helpers with Jira's validation messages.
import type { EmulatorModel, Caller } from './model';

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (unknown until a route narrows it), undefined for an empty body. */
  body: unknown;
  caller: Caller;
  model: EmulatorModel;
  /** Base URL of this emulator, for `self` links. */
  baseUrl: string;
  now: number;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  /** The body already serialised (answers assembled from rendered-cache texts); wins over body. */
  json?: string;
  headers?: Record<string, string>;
}

/** Thrown by routes; rendered as Jira's ErrorCollection. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages.join('; ') || Object.values(errors).join('; '));
  }
}

export function errorBody(error: JiraError): { errorMessages: string[]; errors: Record<string, string> } {
  return { errorMessages: error.errorMessages, errors: error.errors };
}

export function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}

/** Integer query parameter with Jira's defaults; a non-number is a 400 like Jira's. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new JiraError(400, [`The '${name}' parameter must be a number, got '${raw}'.`]);
  return Number(raw);
}

export function requireParam(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw new JiraError(400, [`The '${name}' parameter is required.`]);
  return value;
}

/** Jira's `self` links are absolute URLs on the site. */
export function selfUrl(request: EmulatorRequest, path: string): string {
  return `${request.baseUrl}${path}`;
}
