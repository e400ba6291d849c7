// The web trigger's HTTP shapes (Forge's request / response JSON) and the error body
// clients of Time in Status REST APIs already parse: { status, message, messages }.

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
}

const statusTexts: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized access',
  403: 'Forbidden',
  404: 'Not found',
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

export function errorResponse(statusCode: number, messages: string[], headers: Record<string, string[]> = {}): RestResponse {
  return jsonResponse(statusCode, { status: statusCode, message: statusTexts[statusCode] ?? 'Error', messages }, headers);
}

export function firstHeader(request: RestRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.[0];
}
