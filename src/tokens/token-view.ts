// Turns stored tokens into the TokenView the UI shows: owners' and creators' display
// names, and whether the policy lets each owner's tokens work.
import type { TokenView } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import { isoInstant } from '../kernel/time';
import type { TokenRecord } from '../storage/token-repository';
import { tokenStateOf } from './token-model';

export interface TokenViewDeps {
  users: UserDirectory;
  /** The use policy for an owner (cached group membership). */
  mayUse(accountId: string): Promise<boolean>;
}

export async function toTokenViews(tokens: readonly TokenRecord[], deps: TokenViewDeps, now: number): Promise<TokenView[]> {
  const owners = [...new Set(tokens.map((token) => token.ownerAccountId))];
  const creators = tokens.flatMap((token) => (token.createdBy === null ? [] : [token.createdBy]));
  const [people, allowed] = await Promise.all([
    deps.users.getUsers([...new Set([...owners, ...creators])]),
    Promise.all(owners.map(async (owner) => [owner, await deps.mayUse(owner)] as const)).then((pairs) => new Map(pairs)),
  ]);
  return tokens.map((token) => {
    const owner = people.get(token.ownerAccountId);
    const creator = token.createdBy === null ? undefined : people.get(token.createdBy);
    return {
      id: token.id,
      ownerAccountId: token.ownerAccountId,
      ownerDisplayName: owner?.displayName ?? token.ownerAccountId,
      ownerActive: owner?.active ?? false,
      active: token.active,
      expired: tokenStateOf(token, now) === 'expired',
      notes: token.notes,
      createdAt: isoInstant(token.createdAt),
      expiresAt: isoInstant(token.expiresAt),
      lastUsedAt: token.lastUsedAt === null ? null : isoInstant(token.lastUsedAt),
      lastUsedIp: token.lastUsedIp,
      useCount: token.useCount,
      allowedByPolicy: allowed.get(token.ownerAccountId) ?? true,
      createdBy: token.createdBy === null ? null : { accountId: token.createdBy, displayName: creator?.displayName ?? token.createdBy },
      deactivatedBy: !token.active && (token.deactivatedBy === 'admin' || token.deactivatedBy === 'manager') ? 'administrator' : null,
    };
  });
}
