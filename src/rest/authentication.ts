// Finds the token a client presented: `Authorization: TISJWT <token>` (any case),
// `Authorization: Bearer <token>`, or `?tisjwt=<token>` (accepted for clients that cannot
// set headers, although it lands in proxy logs).
import ipaddr from 'ipaddr.js';
import { type RestRequest, firstHeader } from './http';

const AUTHORIZATION = /^\s*(tisjwt|bearer)\s+(\S+)\s*$/i;

export function presentedToken(request: RestRequest): string | undefined {
  const authorization = firstHeader(request, 'authorization');
  if (authorization !== undefined) {
    const match = AUTHORIZATION.exec(authorization);
    if (match?.[2]) return match[2];
  }
  const queryToken = Object.entries(request.query).find(([name]) => name.toLowerCase() === 'tisjwt')?.[1]?.[0];
  return queryToken && queryToken.length > 0 ? queryToken : undefined;
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
