// Routes a web trigger request on its user path. Order for every authenticated route:
// path (404), method (405), token (401), rate limit (429), then the route; the public
// API description needs no token. Each authenticated request is recorded for the
// admin's activity view (token id, endpoint pattern, issues, status, duration).
import type { AppServices } from '../entry/composition/app-services';
import { TokenRejectedError } from '../tokens/token-rejected-error';
import type { AuthenticatedToken } from '../tokens/token-verifier';
import { clientIp, presentedToken } from './authentication';
import { errorResponse, type RestRequest, type RestResponse } from './http';
import { toRestResponse } from './error-status';
import type { PublicRoute, Route, RouteResult } from './route';
import { calendarRoutes } from './routes/calendar-routes';
import { exportRoutes } from './routes/export-routes';
import { openApiRoute } from './routes/openapi-route';
import { reportRoutes } from './routes/report-routes';
import { whoamiRoute } from './routes/whoami-route';

const routes: Array<Route | PublicRoute> = [openApiRoute, whoamiRoute, ...reportRoutes, ...calendarRoutes, ...exportRoutes];

/** Every path pattern served (the OpenAPI test checks the document lists exactly these). */
export const ROUTE_PATTERNS: readonly string[] = routes.map((route) => route.pattern);

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function match(pattern: string, path: string): Record<string, string> | undefined {
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

function findRoute(path: string): { route: Route | PublicRoute; pathParams: Record<string, string> } | undefined {
  // Literal patterns win over ones with {placeholders} (/rest/issue/expanded is not an id).
  const ordered = [...routes].sort((a, b) => Number(a.pattern.includes('{')) - Number(b.pattern.includes('{')));
  for (const route of ordered) {
    const pathParams = match(route.pattern, path);
    if (pathParams) return { route, pathParams };
  }
  return undefined;
}

export async function handleRestRequest(request: RestRequest, services: AppServices, installationId: string): Promise<RestResponse> {
  const path = normalisePath(request.path);
  const found = findRoute(path);
  if (!found) return errorResponse(404, [`No endpoint at ${path}.`]);
  const { route, pathParams } = found;
  const method = request.method.toUpperCase();
  if (!route.methods.includes(method)) {
    return errorResponse(405, [`Use ${route.methods.join(' or ')} for this endpoint.`], { allow: [route.methods.join(', ')] });
  }
  if ('public' in route) return route.handle({ request, services });

  const token = presentedToken(request);
  if (token === undefined) return errorResponse(401, [new TokenRejectedError('MISSING').message]);
  let principal: AuthenticatedToken;
  try {
    principal = await services.verifier.verify(token, { installationId, ip: clientIp(request) });
  } catch (error) {
    if (error instanceof TokenRejectedError) return errorResponse(401, [error.message]);
    throw error;
  }

  const started = Date.now();
  let result: RouteResult;
  const limited = await services.restGuard.admit(principal.tokenId);
  if (limited !== undefined) {
    result = { response: errorResponse(429, [`This token sent more than ${limited.limit} requests in ${limited.windowSeconds} seconds. Retry after ${limited.retryAfterSeconds} seconds.`], { 'retry-after': [String(limited.retryAfterSeconds)] }) };
  } else {
    try {
      result = await route.handle({ request, services, principal, pathParams });
    } catch (error) {
      result = { response: toRestResponse(error) };
    }
  }
  await services.restGuard.record({
    tokenId: principal.tokenId,
    accountId: principal.accountId,
    endpoint: route.pattern,
    method,
    issueCount: result.issueCount ?? 0,
    status: result.response.statusCode,
    durationMs: Date.now() - started,
  });
  return result.response;
}
