// /rest/whoami: who the token belongs to; a cheap way for a client to test its token.
import { isoInstant } from '../../kernel/time';
import { jsonResponse } from '../http';
import { refuseUnknownParams } from '../request-params';
import type { Route } from '../route';

export const whoamiRoute: Route = {
  pattern: '/rest/whoami',
  methods: ['GET'],
  async handle({ request, principal }) {
    refuseUnknownParams(request, []);
    return {
      response: jsonResponse(200, {
        accountId: principal.accountId,
        displayName: principal.displayName,
        tokenId: principal.tokenId,
        expiresAt: isoInstant(principal.expiresAt),
      }),
    };
  },
};
