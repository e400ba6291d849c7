// Authenticates a presented token, in the order docs/architecture.md fixes: shape and
// algorithm, known kid, signature, iss/aud, row by jti, constant-time hash match, the key
// not retired, the caller's address within the token's and the installation's IP
// allow-lists, active, not expired, owner still an active Jira user, owner allowed by the
// token policy's use groups (cached membership); then the use is recorded.
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../kernel/ports';
import type { UserDirectory } from '../jira';
import type { TokenRepository } from '../storage/token-repository';
import { hashToken, readKeyId, verifyTokenText } from './jwt-codec';
import type { LastUseRecorder } from './last-use-recorder';
import type { SigningKeys } from './signing-keys';
import { inExpiryWarningWindow, tokenRefusalOf } from './token-model';
import { ipRangesOf } from './ip-ranges';
import { TokenRejectedError } from './token-rejected-error';

export interface AuthenticatedToken {
  tokenId: string;
  accountId: string;
  displayName: string;
  /** The installation the token was issued for (its audience). */
  installationId: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The expiry is within the warning window: REST answers say so in their headers. */
  expiresSoon: boolean;
  /** Jira project keys the token's reports are limited to; [] for every project the owner may browse. */
  projectKeys: readonly string[];
}

export interface TokenVerifierDeps {
  tokens: TokenRepository;
  keys: SigningKeys;
  users: UserDirectory;
  clock: Clock;
  lastUse: LastUseRecorder;
  /** The warning window in days (the hygiene setting); EXPIRY_WARNING_DAYS without it. */
  expiryWarningDays?: () => Promise<number>;
  /** The token policy's use rule for an owner; answers from a cache when warm. */
  mayUse(ownerAccountId: string): Promise<boolean>;
  /** The installation-wide IP allow-list ([]: none), cached by its owner. */
  installationIps: { current(): Promise<readonly string[]> };
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
      const stored = await deps.tokens.findById(claims.jti);
      if (!stored || stored.ownerAccountId !== claims.sub) throw new TokenRejectedError('UNKNOWN_TOKEN');
      // A regenerated token keeps its id; only the current text's hash matches.
      if (!sameHash(stored.tokenHash, hashToken(token))) throw new TokenRejectedError('UNKNOWN_TOKEN', { token: stored });
      // A retired key's tokens carry a key id that no longer matches their row (audit/signing-key-service.ts).
      if (stored.keyId !== kid) throw new TokenRejectedError('UNKNOWN_KEY', { token: stored });
      // The genuine token from the wrong place: refused like any other, logged with its address.
      const installationIps = await deps.installationIps.current();
      if (!ipRangesOf(stored.allowedIps).allows(request.ip) || !ipRangesOf(installationIps).allows(request.ip)) {
        throw new TokenRejectedError('IP', { token: stored });
      }
      const now = deps.clock.now();
      // Inactive and expired are refused before Jira is asked about the owner.
      const early = tokenRefusalOf(stored, now, true);
      if (early) throw new TokenRejectedError(early, { token: stored });
      const owner = (await deps.users.getUsers([stored.ownerAccountId])).get(stored.ownerAccountId);
      const refusal = tokenRefusalOf(stored, now, owner?.active === true);
      if (refusal || !owner) throw new TokenRejectedError(refusal ?? 'OWNER_INACTIVE', { token: stored });
      if (!(await deps.mayUse(owner.accountId))) throw new TokenRejectedError('POLICY', { token: stored });
      await deps.lastUse.record(stored, now, request.ip);
      return {
        tokenId: stored.id,
        accountId: owner.accountId,
        displayName: owner.displayName,
        installationId: request.installationId,
        expiresAt: stored.expiresAt,
        expiresSoon: inExpiryWarningWindow(stored.expiresAt, now, deps.expiryWarningDays ? await deps.expiryWarningDays() : undefined),
        projectKeys: stored.projectKeys,
      };
    },
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
