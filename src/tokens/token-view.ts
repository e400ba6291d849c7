// Turns stored tokens into the TokenView the UI shows, with owners' display names.
import type { TokenView } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import { isoInstant } from '../kernel/time';
import type { TokenRecord } from '../storage/token-repository';
import { tokenStateOf } from './token-model';

export async function toTokenViews(tokens: readonly TokenRecord[], users: UserDirectory, now: number): Promise<TokenView[]> {
  const owners = await users.getUsers([...new Set(tokens.map((token) => token.ownerAccountId))]);
  return tokens.map((token) => {
    const owner = owners.get(token.ownerAccountId);
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
      allowedIps: token.allowedIps,
      projectKeys: token.projectKeys,
    };
  });
}
