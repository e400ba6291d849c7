// The admin's signing keys: list (kid, created, tokens each signs), rotate (a new key signs
// every token issued from then on; older keys keep verifying), retire (first the count of
// tokens that stop working, then a call confirming that count). A retired key's tokens are
// marked in one UPDATE, so every container refuses them at once with the ordinary 401.
import { requireJiraAdmin, type Caller } from '../access/guards';
import type { RetireKeyPayload, RetireKeyResult, SigningKeyList } from '../contract/audit';
import type { UserDirectory } from '../jira';
import { AppError, FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { isoInstant } from '../kernel/time';
import type { SigningKeyRepository } from '../storage/signing-key-repository';
import { RETIRED_KEY_MARK, type TokenHygieneRepository } from '../storage/token-hygiene-repository';
import type { SigningKeys } from '../tokens/signing-keys';
import { SYSTEM, type AuditRecorder } from './audit-recorder';

export interface SigningKeyService {
  list(caller: Caller): Promise<SigningKeyList>;
  rotate(caller: Caller): Promise<SigningKeyList>;
  retire(caller: Caller, payload: RetireKeyPayload): Promise<RetireKeyResult>;
}

export function createSigningKeyService(deps: {
  keys: SigningKeys;
  registry: SigningKeyRepository;
  tokens: TokenHygieneRepository;
  users: UserDirectory;
  clock: Clock;
  recorder: AuditRecorder;
}): SigningKeyService {
  const { keys, registry, tokens, clock, recorder } = deps;
  const requireAdmin = (caller: Caller) => requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can manage signing keys.');

  async function list(): Promise<SigningKeyList> {
    const current = await keys.current();
    const counts = await tokens.countByKey();
    // Keys made before the registry existed are listed from the tokens they signed.
    const known = new Set((await registry.list()).map((key) => key.kid));
    for (const kid of [current.kid, ...counts.filter((c) => !c.keyId.startsWith(RETIRED_KEY_MARK)).map((c) => c.keyId)]) {
      if (known.has(kid)) continue;
      const firstToken = counts.find((c) => c.keyId === kid)?.firstCreated;
      await registry.register(kid, firstToken ?? clock.now());
      await recorder.keyCreated(SYSTEM, kid);
      known.add(kid);
    }
    const countOf = (keyId: string) => counts.find((c) => c.keyId === keyId)?.tokens ?? 0;
    return {
      keys: (await registry.list()).map((key) => ({
        kid: key.kid,
        createdAt: isoInstant(key.createdAt),
        tokenCount: key.retiredAt === null ? countOf(key.kid) : countOf(`${RETIRED_KEY_MARK}${key.kid}`),
        current: key.kid === current.kid,
        retired: key.retiredAt !== null,
        retiredAt: key.retiredAt === null ? null : isoInstant(key.retiredAt),
      })),
    };
  }

  return {
    async list(caller) {
      await requireAdmin(caller);
      return list();
    },

    async rotate(caller) {
      await requireAdmin(caller);
      await list(); // registers the outgoing key first, so the list shows both
      const key = await keys.rotate();
      await registry.register(key.kid, clock.now());
      await recorder.keyCreated(caller, key.kid);
      return list();
    },

    async retire(caller, payload) {
      await requireAdmin(caller);
      const { keys: listed } = await list();
      const key = listed.find((candidate) => candidate.kid === payload.kid);
      if (!key) throw new FieldError([{ field: 'kid', message: 'does not name a signing key of this installation' }], { code: 'NOT_FOUND' });
      if (key.retired) return { kid: key.kid, tokenCount: key.tokenCount, retired: true };
      if (key.current) throw new AppError('CONFLICT', 'The current signing key cannot be retired: rotate the signing key first.');
      const tokenCount = await tokens.countForKey(key.kid);
      if (payload.confirmCount === undefined) return { kid: key.kid, tokenCount, retired: false };
      if (payload.confirmCount !== tokenCount) {
        throw new FieldError(
          [{ field: 'confirmCount', message: `is ${payload.confirmCount}, but ${tokenCount} tokens are signed with this key now; confirm that count` }],
          {
            code: 'CONFLICT',
          },
        );
      }
      const now = clock.now();
      await registry.retire(key.kid, now, caller.accountId);
      const refused = await tokens.retireKey(key.kid, now);
      await recorder.keyRetired(caller, key.kid, refused);
      return { kid: key.kid, tokenCount: refused, retired: true };
    },
  };
}
