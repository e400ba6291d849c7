// Finds the token a client presented. Order (docs/rest-api.md "Authentication"): the
// `Authorization: TISJWT <token>` (any case) or `Bearer <token>` header wins, then
// `?tisjwt=<token>` in the query string, then `tisjwt=<token>` in a form-encoded POST body
// (public clients post it there to /rest/list2). Query and body are accepted for clients that
// cannot set headers, although the query lands in proxy logs.
import ipaddr from 'ipaddr.js';
import { type RestRequest, firstHeader } from './http';

const AUTHORIZATION = /^\s*(tisjwt|bearer)\s+(\S+)\s*$/i;

function namedTisjwt(pairs: Iterable<[string, string]>): string | undefined {
  for (const [name, value] of pairs) if (name.toLowerCase() === 'tisjwt' && value.length > 0) return value;
  return undefined;
}

/** Every body that is not JSON is read as a form, as request-params.ts reads it. */
function formBodyToken(request: RestRequest): string | undefined {
  if (request.body.trim().length === 0) return undefined;
  const type = (firstHeader(request, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/json')) return undefined;
  return namedTisjwt(new URLSearchParams(request.body));
}

export function presentedToken(request: RestRequest): string | undefined {
  const authorization = firstHeader(request, 'authorization');
  if (authorization !== undefined) {
    const match = AUTHORIZATION.exec(authorization);
    if (match?.[2]) return match[2];
  }
  const queryPairs = Object.entries(request.query).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
  return namedTisjwt(queryPairs) ?? formBodyToken(request);
}

/**
 * The caller's address as the edge in front of the web trigger saw it, for "last used
 * from" (and any address rule). Proxies append the address they saw to X-Forwarded-For,
 * so the entries a client writes itself come first and the edge's own entry is the last
 * one: only that one is trusted. IPv4-mapped IPv6 reads as IPv4; anything that is not an
 * address counts as none.
 */
export function clientIp(request: RestRequest): string | null {
  const entries = (request.headers['x-forwarded-for'] ?? []).flatMap((value) => value.split(','));
  const last = entries.at(-1)?.trim() ?? '';
  if (!ipaddr.isValid(last)) return null;
  return ipaddr.process(last).toString();
}
