// The order in which the router refuses a request is the one docs/rest-api.md states
// (issue 16, item 15): each check is shown winning over every later one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RestRequest } from '../../../src/rest/http';
import type { RouteServices } from '../../../src/rest/route';
import { handleRestRequest, MAX_REQUEST_BODY_BYTES } from '../../../src/rest/router';

const principal = { tokenId: 't', accountId: 'a', displayName: 'A', installationId: 'i', expiresAt: Date.UTC(2099, 0, 1), expiresSoon: false };

/** Services that authenticate any token and refuse it as over its rate when `limited`. */
function servicesWith(limited: boolean): RouteServices {
  const services = {
    verifier: { verify: async () => principal },
    restActivity: {
      admit: async () => (limited ? { limit: 1, windowSeconds: 60, retryAfterSeconds: 5 } : undefined),
      start: () => ({ finish: async () => undefined }),
    },
  };
  // Only the router's own checks run before a route; a route would need the rest.
  return services as unknown as RouteServices;
}

const request = (over: Partial<RestRequest>): RestRequest => ({ method: 'GET', path: '/rest/whoami', headers: {}, query: {}, body: '', ...over });
const huge = 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1);
const token = { authorization: ['TISJWT some.token.text'] };

async function statusOf(over: Partial<RestRequest>, limited = false): Promise<number> {
  return (await handleRestRequest(request(over), servicesWith(limited), 'i')).statusCode;
}

it('checks in the documented order: body size, path, method, token, rate limit, parameters', async () => {
  // Each request fails every check from the one named on, so the first of them answers.
  const observed = [
    await statusOf({ path: '/nowhere', method: 'DELETE', body: huge }, true),
    await statusOf({ path: '/nowhere', method: 'DELETE' }, true),
    await statusOf({ path: '/rest/whoami', method: 'DELETE' }, true),
    await statusOf({ query: { bogus: ['1'] } }, true),
    await statusOf({ headers: token, query: { bogus: ['1'] } }, true),
    await statusOf({ headers: token, query: { bogus: ['1'] } }, false),
  ];
  expect(observed).toEqual([413, 404, 405, 401, 429, 400]);

  const docs = readFileSync(join(__dirname, '../../../docs/rest-api.md'), 'utf8');
  const sentence = /Order of checks: ([^\n]+(?:\n[^\n]+)?)/.exec(docs)?.[1] ?? '';
  expect([...sentence.matchAll(/\((\d{3})\)/g)].map((m) => Number(m[1]))).toEqual(observed);
});
