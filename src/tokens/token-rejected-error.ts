// Why a presented token was refused. Every reason becomes HTTP 401; the reason code is for
// tests and the audit trail, the message is what the client reads (never the token).
import { AppError } from '../kernel/errors';

export type TokenRejection =
  'MISSING' | 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'BAD_CLAIMS' | 'UNKNOWN_TOKEN' | 'INACTIVE' | 'EXPIRED' | 'OWNER_INACTIVE';

const messages: Record<TokenRejection, string> = {
  MISSING: 'tisjwt is required for authentication.',
  MALFORMED: 'The token is not a well-formed token of this app.',
  UNKNOWN_KEY: 'The token was not issued by this installation.',
  BAD_SIGNATURE: 'The token signature is not valid.',
  BAD_CLAIMS: 'The token was not issued for this installation.',
  UNKNOWN_TOKEN: 'The token does not exist or was deleted.',
  INACTIVE: 'The token is deactivated.',
  EXPIRED: 'The token has expired.',
  OWNER_INACTIVE: "The token's owner is no longer an active Jira user.",
};

export class TokenRejectedError extends AppError {
  readonly reason: TokenRejection;

  constructor(reason: TokenRejection, options: { cause?: unknown } = {}) {
    super('TOKEN_REJECTED', messages[reason], options);
    this.reason = reason;
  }
}
