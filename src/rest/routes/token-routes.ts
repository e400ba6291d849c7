// POST /rest/token/rotate: a token renews itself (a CI job or script keeps its credential
// fresh without a person opening Jira). The new text is answered once; the old one stops
// working at once. The only endpoint that changes anything, and only the token itself.
import { echo } from '../../kernel/echo';
import { fieldError } from '../../kernel/errors';
import { clientIp } from '../authentication';
import { isoInstant } from '../../kernel/time';
import { jsonResponse } from '../http';
import { requestPairs } from '../request-params';
import type { Route } from '../route';

const ROTATE_PARAMS = new Set(['tisjwt', 'expiresat']);

export const tokenRotateRoute: Route = {
  pattern: '/rest/token/rotate',
  methods: ['POST'],
  async handle({ request, services, principal }) {
    let expiresAt: string | undefined;
    for (const [name, value] of requestPairs(request)) {
      const lower = name.toLowerCase();
      if (!ROTATE_PARAMS.has(lower)) throw fieldError('parameters', `unknown parameter "${echo(name)}"; this endpoint takes expiresAt only`);
      if (lower === 'expiresat') {
        if (expiresAt !== undefined) throw fieldError('expiresAt', 'is given more than once');
        expiresAt = value;
      }
    }
    const rotated = await services.tokens.rotate(
      { accountId: principal.accountId, installationId: principal.installationId },
      principal.tokenId,
      expiresAt,
      clientIp(request),
    );
    return { response: jsonResponse(200, { token: rotated.token, tokenId: rotated.tokenId, expiresAt: isoInstant(rotated.expiresAt) }) };
  },
};
