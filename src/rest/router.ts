// Routes a web trigger request on its user path. Every route except the public API
// description authenticates first; errors become { status, message, messages } bodies.
import type { AppServices } from '../app/composition';
import { TokenRejectedError } from '../tokens/token-rejected-error';
import type { AuthenticatedToken } from '../tokens/token-verifier';
import { clientIp, presentedToken } from './authentication';
import { errorResponse, jsonResponse, type RestRequest, type RestResponse } from './http';

interface Route {
  methods: readonly string[];
  handle(context: { request: RestRequest; services: AppServices; principal: AuthenticatedToken }): Promise<RestResponse>;
}

const routes: Record<string, Route> = {
  '/rest/whoami': {
    methods: ['GET'],
    async handle({ principal }) {
      return jsonResponse(200, {
        accountId: principal.accountId,
        displayName: principal.displayName,
        tokenId: principal.tokenId,
      });
    },
  },
};

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export async function handleRestRequest(
  request: RestRequest,
  services: AppServices,
  installationId: string,
): Promise<RestResponse> {
  const route = routes[normalisePath(request.path)];
  if (!route) return errorResponse(404, [`No endpoint at ${normalisePath(request.path)}.`]);
  if (!route.methods.includes(request.method.toUpperCase())) {
    return errorResponse(405, [`Use ${route.methods.join(' or ')} for this endpoint.`], { allow: [route.methods.join(', ')] });
  }
  const token = presentedToken(request);
  if (token === undefined) return errorResponse(401, [new TokenRejectedError('MISSING').message]);
  let principal: AuthenticatedToken;
  try {
    principal = await services.verifier.verify(token, { installationId, ip: clientIp(request) });
  } catch (error) {
    if (error instanceof TokenRejectedError) return errorResponse(401, [error.message]);
    throw error;
  }
  return route.handle({ request, services, principal });
}
