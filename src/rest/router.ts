// Routes a web trigger request on its user path. Order: body size (413), path (404),
// method (405), then for every authenticated route token (401), rate limit (429), the
// route; the public API description needs no token. Routes throw; errors become HTTP
// answers here, once (error-status.ts). Each authenticated request is recorded for the
// activity view (token id, endpoint pattern, issues, status, duration).
import { AppError, MethodNotAllowedError, RetryLaterError } from '../kernel/errors';
import { isoInstant } from '../kernel/time';
import { REFUSAL_EXPLANATIONS, TokenRejectedError } from '../tokens/token-rejected-error';
import { clientIp, presentedToken } from './authentication';
import { restResponseOf } from './error-status';
import type { RestRequest, RestResponse } from './http';
import type { PublicRoute, Route, RouteResult, RouteServices } from './route';
import { aggregationRoute } from './routes/aggregation-route';
import { calendarRoutes } from './routes/calendar-routes';
import { exportRoutes } from './routes/export-routes';
import { openApiRoute } from './routes/openapi-route';
import { reportRoutes } from './routes/report-routes';
import { smallExportRoute } from './routes/small-export-route';
import { tokenRotateRoute } from './routes/token-routes';
import { whoamiRoute } from './routes/whoami-route';

const routes: Array<Route | PublicRoute> = [
  openApiRoute,
  whoamiRoute,
  tokenRotateRoute,
  ...reportRoutes,
  aggregationRoute,
  smallExportRoute,
  ...calendarRoutes,
  ...exportRoutes,
];

/** Every path pattern served (the OpenAPI test checks the document lists exactly these). */
export const ROUTE_PATTERNS: readonly string[] = routes.map((route) => route.pattern);

/** Parameters fit in far less; anything bigger is refused before it is parsed. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The `{name}` values when `path` matches `pattern` (literal segments case-insensitively). */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i] ?? '';
    const actual = have[i] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual.length === 0) return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
      params[segment.slice(1, -1)] = decoded;
    } else if (segment.toLowerCase() !== actual.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

// Literal patterns win over ones with {placeholders} (/rest/issue/expanded is not an id).
const ordered = [...routes].sort((a, b) => Number(a.pattern.includes('{')) - Number(b.pattern.includes('{')));

export function findRoute(path: string): { route: Route | PublicRoute; pathParams: Record<string, string> } | undefined {
  for (const route of ordered) {
    const pathParams = matchPattern(route.pattern, normalisePath(path));
    if (pathParams) return { route, pathParams };
  }
  return undefined;
}

/** Inside the expiry warning window every answer says when the token stops working. */
function addExpiryWarning(response: RestResponse, expiresAt: number): void {
  const when = isoInstant(expiresAt);
  response.headers['x-token-expires-at'] = [when];
  response.headers.warning = [`299 - "This Status Clock token expires at ${when}; extend or rotate it before then"`];
}

/** What a failed answer told the caller (its `messages`), for the activity log; null for a success. */
function failureMessage(response: RestResponse): string | null {
  if (response.statusCode < 400 || response.isBase64Encoded === true) return null;
  try {
    const body: unknown = JSON.parse(response.body);
    const messages = typeof body === 'object' && body !== null && 'messages' in body && Array.isArray(body.messages) ? body.messages : [];
    const texts = messages.filter((message): message is string => typeof message === 'string');
    return texts.length > 0 ? texts.join(' ') : null;
  } catch {
    return null;
  }
}

async function routeRequest(request: RestRequest, services: RouteServices, installationId: string): Promise<RestResponse> {
  if (Buffer.byteLength(request.body, 'utf8') > MAX_REQUEST_BODY_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`);
  }
  const path = normalisePath(request.path);
  const found = findRoute(path);
  if (!found) throw new AppError('NOT_FOUND', 'No endpoint at this path; see /openapi.json for the endpoints.');
  const { route, pathParams } = found;
  const method = request.method.toUpperCase();
  if (!route.methods.includes(method)) throw new MethodNotAllowedError(route.methods);
  if ('public' in route) return route.handle({ request, services });

  const token = presentedToken(request);
  if (token === undefined) throw new TokenRejectedError('MISSING');
  const ip = clientIp(request);
  const timing = services.restActivity.start();
  let principal;
  try {
    principal = await services.verifier.verify(token, { installationId, ip });
  } catch (error) {
    // A genuine token used from outside its allow-list: the refusal is logged with the address.
    if (error instanceof TokenRejectedError && error.refused) {
      const { tokenId, accountId } = error.refused;
      // The caller heard the one 401 message; the log says which check failed.
      await timing.finish({
        tokenId,
        accountId,
        endpoint: route.pattern,
        method,
        issueCount: 0,
        status: 401,
        clientIp: ip,
        refusal: error.reason,
        message: REFUSAL_EXPLANATIONS[error.reason],
      });
    }
    throw error;
  }

  let result: RouteResult;
  try {
    const limited = await services.restActivity.admit(principal.tokenId);
    if (limited !== undefined) {
      throw new RetryLaterError(
        'RATE_LIMITED',
        `This token sent more than ${limited.limit} requests in ${limited.windowSeconds} seconds. Retry after ${limited.retryAfterSeconds} seconds.`,
        limited.retryAfterSeconds,
      );
    }
    result = await route.handle({ request, services, principal, pathParams });
  } catch (error) {
    result = { response: restResponseOf(error) };
  }
  if (principal.expiresSoon) addExpiryWarning(result.response, principal.expiresAt);
  await timing.finish({
    tokenId: principal.tokenId,
    accountId: principal.accountId,
    endpoint: route.pattern,
    method,
    issueCount: result.issueCount ?? 0,
    status: result.response.statusCode,
    clientIp: ip,
    message: failureMessage(result.response),
  });
  return result.response;
}

export async function handleRestRequest(request: RestRequest, services: RouteServices, installationId: string): Promise<RestResponse> {
  try {
    return await routeRequest(request, services, installationId);
  } catch (error) {
    return restResponseOf(error);
  }
}
