// The name/value pairs of a request: the query string, then the body (form-encoded, or a
// JSON object for clients that prefer it). Clients send either or both at once.
import { firstHeader, type RestRequest } from './http';
import { echo } from '../kernel/echo';
import { FieldError, fieldError } from '../kernel/errors';

function jsonPairs(body: string): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw fieldError('body', 'is not valid JSON (send parameters form-encoded or as a JSON object)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fieldError('body', 'must be a JSON object of parameters');
  }
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(parsed)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') pairs.push([name, String(item)]);
      else throw fieldError(name, 'must be a string, number or boolean');
    }
  }
  return pairs;
}

export function requestPairs(request: RestRequest): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(request.query)) for (const value of values) pairs.push([name, value]);
  if (request.body.trim().length > 0) {
    const type = (firstHeader(request, 'content-type') ?? '').toLowerCase();
    if (type.includes('application/json')) pairs.push(...jsonPairs(request.body));
    // Form-encoded is what the notes describe; a body without a content type is read the same way.
    else for (const [name, value] of new URLSearchParams(request.body)) pairs.push([name, value]);
  }
  return pairs;
}

/**
 * Refuses the parameters an endpoint does not take, each named, all at once, as the
 * report endpoints do; `tisjwt` (the token in the query or body) is always allowed.
 */
export function refuseUnknownParams(request: RestRequest, accepted: readonly string[]): void {
  const known = new Set(['tisjwt', ...accepted.map((name) => name.toLowerCase())]);
  const unknown = new Set<string>();
  for (const [name] of requestPairs(request)) if (!known.has(name.trim().toLowerCase())) unknown.add(echo(name));
  if (unknown.size === 0) return;
  const takes = accepted.length === 0 ? 'it takes none' : `it takes ${accepted.join(', ')}`;
  throw new FieldError([...unknown].map((field) => ({ field, message: `is not a parameter of this endpoint (${takes})` })));
}
