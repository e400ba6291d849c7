// Authenticates a presented token, in the order ARCHITECTURE.md fixes: shape and
// algorithm, known kid, signature, iss/aud, row by jti, constant-time hash match, active,
// not expired, owner still an active Jira user; then the use is recorded.
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../kernel/ports';
import type { UserDirectory } from '../jira/user-directory';
import type { TokenRepository } from '../storage/token-repository';
import { hashToken, readKeyId, verifyTokenText } from './jwt-codec';
import type { LastUseRecorder } from './last-use-recorder';
import type { SigningKeys } from './signing-keys';
import { TokenRejectedError } from './token-rejected-error';

export interface AuthenticatedToken {
  tokenId: string;
  accountId: string;
  displayName: string;
}

export interface TokenVerifierDeps {
  tokens: TokenRepository;
  keys: SigningKeys;
  users: UserDirectory;
  clock: Clock;
  lastUse: LastUseRecorder;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createTokenVerifier(deps: TokenVerifierDeps) {
  return {
    async verify(token: string, request: { installationId: string; ip: string | null }): Promise<AuthenticatedToken> {
      const kid = readKeyId(token);
      const key = await deps.keys.byId(kid);
      if (!key) throw new TokenRejectedError('UNKNOWN_KEY');
      const claims = await verifyTokenText(token, key, request.installationId);
      const row = await deps.tokens.findById(claims.jti);
      if (!row || row.owner_account_id !== claims.sub) throw new TokenRejectedError('UNKNOWN_TOKEN');
      // A regenerated token keeps its id; only the current text's hash matches.
      if (!sameHash(row.token_hash, hashToken(token))) throw new TokenRejectedError('UNKNOWN_TOKEN');
      if (row.active !== 1) throw new TokenRejectedError('INACTIVE');
      const now = deps.clock.now();
      if (row.expires_at <= now) throw new TokenRejectedError('EXPIRED');
      const owner = (await deps.users.getUsers([row.owner_account_id])).get(row.owner_account_id);
      if (!owner || !owner.active) throw new TokenRejectedError('OWNER_INACTIVE');
      await deps.lastUse.record(row, now, request.ip);
      return { tokenId: row.id, accountId: owner.accountId, displayName: owner.displayName };
    },
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
