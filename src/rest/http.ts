// The web trigger's HTTP shapes (Forge's request / response JSON) and the error body
// clients of Time in Status REST APIs already parse: { status, message, messages }, plus
// the fields that API adds (pluginVersion, time in UTC `yyyy-MM-dd HH:mm:ss`), which say
// nothing about the request or the app's internals.
import { APP_VERSION } from '../kernel/app-version';
import { systemClock } from '../kernel/ports';

export interface RestRequest {
  method: string;
  /** The user path: what follows the web trigger URL, e.g. `/rest/whoami`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string[]>;
  query: Record<string, string[]>;
  body: string;
}

export interface RestResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
  /** The body is base64 of binary content (an xlsx file); the host sends the bytes. */
  isBase64Encoded?: boolean;
}

const statusTexts: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized access',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

export function jsonResponse(statusCode: number, value: unknown, headers: Record<string, string[]> = {}): RestResponse {
  return {
    statusCode,
    headers: { 'content-type': ['application/json; charset=utf-8'], 'cache-control': ['no-store'], ...headers },
    body: JSON.stringify(value),
  };
}

/** `2020-03-19 05:24:48`: the wire format's error time, in UTC. */
const errorTime = (at: number): string => new Date(at).toISOString().slice(0, 19).replace('T', ' ');

export function errorResponse(
  statusCode: number,
  messages: string[],
  headers: Record<string, string[]> = {},
  extra: Record<string, string> = {},
): RestResponse {
  // The wall clock on purpose: the time is for the caller's logs, not for any decision.
  const body = {
    status: statusCode,
    message: statusTexts[statusCode] ?? 'Error',
    messages,
    pluginVersion: APP_VERSION,
    time: errorTime(systemClock.now()),
    ...extra,
  };
  return jsonResponse(statusCode, body, headers);
}

export function firstHeader(request: RestRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.[0];
}
