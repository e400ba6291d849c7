// Finds the token a client presented: `Authorization: TISJWT <token>` (any case),
// `Authorization: Bearer <token>`, or `?tisjwt=<token>` (accepted for clients that cannot
// set headers, although it lands in proxy logs).
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

/** The caller's address as Forge's edge reports it, for "last used from". */
export function clientIp(request: RestRequest): string | null {
  const forwarded = firstHeader(request, 'x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  return first && first.length <= 64 ? first : null;
}
