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
  /** The owner is outside the token policy's "who may use tokens" groups. */
  | 'POLICY';

/**
 * One message for every refusal, the one TISJWT clients know: which check failed would tell
 * a holder of a stolen or guessed token what to try next. The reason stays on the error for
 * tests and the audit trail.
 */
export const TOKEN_REFUSED_MESSAGE = 'tisjwt is required for authentication.';

export class TokenRejectedError extends AppError {
  readonly reason: TokenRejection;
  /** The token refused, once its signature proved it ours (for the audit log's refused uses). */
  readonly tokenId: string | undefined;
  readonly ownerAccountId: string | undefined;

  constructor(reason: TokenRejection, options: { cause?: unknown; token?: { id: string; ownerAccountId: string } } = {}) {
    super('TOKEN_REJECTED', TOKEN_REFUSED_MESSAGE, options.cause === undefined ? {} : { cause: options.cause });
    this.reason = reason;
    this.tokenId = options.token?.id;
    this.ownerAccountId = options.token?.ownerAccountId;
  }
}
