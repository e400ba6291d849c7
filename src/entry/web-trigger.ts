// The web trigger: Forge hands over the HTTP request as JSON and sends back what this
// returns (a dynamic response). Nothing but a well-formed response ever leaves here.
import { z } from 'zod';
import { errorResponse, type RestResponse } from '../rest/http';
import { handleRestRequest } from '../rest/router';
import { currentServices } from './composition/current-services';
import { installationIdOf } from './forge-context';

const webTriggerRequest = z.object({
  method: z.string(),
  path: z.string().default('/'),
  userPath: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  queryParameters: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().nullish(),
});

const lowerCaseKeys = (headers: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(headers).map(([name, values]) => [name.toLowerCase(), values]));

/**
 * Forge's web trigger response has a string body only (the platform sends it as text; its
 * response format has no binary or base64 flag): a binary body (an xlsx file) leaves as its
 * base64 text, marked with Content-Transfer-Encoding so a client knows to decode it.
 */
function forgeResponse(response: RestResponse): RestResponse {
  if (!response.isBase64Encoded) return response;
  const { isBase64Encoded: _binary, ...rest } = response;
  return { ...rest, headers: { ...rest.headers, 'content-transfer-encoding': ['base64'] } };
}

export async function webTriggerHandler(event: unknown, context: unknown): Promise<RestResponse> {
  try {
    const request = webTriggerRequest.parse(event);
    const services = await currentServices();
    return forgeResponse(
      await handleRestRequest(
        {
          method: request.method,
          path: request.userPath ?? request.path,
          headers: lowerCaseKeys(request.headers),
          query: request.queryParameters,
          body: request.body ?? '',
        },
        services,
        installationIdOf(context),
      ),
    );
  } catch (error) {
    // Name the failure kind only: a request may carry a token in its query string.
    console.error('web trigger failed', error instanceof Error ? error.name : typeof error);
    return errorResponse(500, ['The request could not be completed. Try again later.']);
  }
}
