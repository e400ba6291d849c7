// Why a presented token was refused. Every reason becomes HTTP 401; the reason code is for
// tests and the audit trail; the client reads one message whatever the reason (never the token).
import { AppError } from '../kernel/errors';

export type TokenRejection =
  | 'MISSING'
  | 'MALFORMED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'BAD_CLAIMS'
  | 'UNKNOWN_TOKEN'
  | 'INACTIVE'
  | 'EXPIRED'
  | 'OWNER_INACTIVE'
  /** The call came from an address outside the token's or the installation's IP allow-list. */
  | 'IP';

/**
 * One message for every refusal, the one TISJWT clients know: which check failed would tell
 * a holder of a stolen or guessed token what to try next. The reason stays on the error for
 * tests and the audit trail.
 */
export const TOKEN_REFUSED_MESSAGE = 'tisjwt is required for authentication.';

/** The genuine token a refusal concerns (a known token from the wrong place), for the activity log. */
export interface RefusedToken {
  tokenId: string;
  accountId: string;
}

export class TokenRejectedError extends AppError {
  readonly reason: TokenRejection;
  readonly refused: RefusedToken | undefined;

  constructor(reason: TokenRejection, options: { cause?: unknown; refused?: RefusedToken } = {}) {
    super('TOKEN_REJECTED', TOKEN_REFUSED_MESSAGE, options);
    this.reason = reason;
    this.refused = options.refused;
  }
}
