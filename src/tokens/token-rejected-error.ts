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
  | 'POLICY'
  /** The call came from an address outside the token's or the installation's IP allow-list. */
  | 'IP';

/**
 * One message for every refusal, the one TISJWT clients know: which check failed would tell
 * a holder of a stolen or guessed token what to try next. The reason stays on the error for
 * tests and the audit trail.
 */
export const TOKEN_REFUSED_MESSAGE = 'tisjwt is required for authentication.';

/**
 * Which check failed, in words, for the activity log that admins and the token's owner read
 * (never for the caller, who gets TOKEN_REFUSED_MESSAGE whatever the reason).
 */
export const REFUSAL_EXPLANATIONS: Record<TokenRejection, string> = {
  MISSING: 'No token was sent.',
  MALFORMED: 'The text sent is not a Status Clock token.',
  UNKNOWN_KEY: 'The token was signed with a key that is retired or unknown.',
  BAD_SIGNATURE: 'The token signature does not match.',
  BAD_CLAIMS: "The token's claims (issuer, audience, subject) do not fit this app.",
  UNKNOWN_TOKEN: 'The token was regenerated or deleted; an older text was sent.',
  INACTIVE: 'The token is deactivated.',
  EXPIRED: 'The token has expired.',
  OWNER_INACTIVE: "The token owner's Jira account is inactive or gone.",
  POLICY: 'The token policy does not let the owner use tokens (not in a "who may use tokens" group).',
  IP: 'The request came from an address outside the IP allow-list.',
};

/** The genuine token a refusal concerns (a known token from the wrong place), for the activity log. */
export interface RefusedToken {
  tokenId: string;
  accountId: string;
}

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

  /** The genuine token refused, for the activity log; undefined before the signature proved it ours. */
  get refused(): RefusedToken | undefined {
    return this.tokenId !== undefined && this.ownerAccountId !== undefined ? { tokenId: this.tokenId, accountId: this.ownerAccountId } : undefined;
  }
}
