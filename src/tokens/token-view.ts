// Turns stored rows into the TokenView the UI shows, with owners' display names.
import type { TokenView } from '../contract/tokens';
import type { UserDirectory } from '../jira/user-directory';
import type { TokenRow } from '../storage/schema';

const iso = (instant: number): string => new Date(instant).toISOString();

export async function toTokenViews(rows: readonly TokenRow[], users: UserDirectory, now: number): Promise<TokenView[]> {
  const owners = await users.getUsers([...new Set(rows.map((row) => row.owner_account_id))]);
  return rows.map((row) => {
    const owner = owners.get(row.owner_account_id);
    return {
      id: row.id,
      ownerAccountId: row.owner_account_id,
      ownerDisplayName: owner?.displayName ?? row.owner_account_id,
      ownerActive: owner?.active ?? false,
      active: row.active === 1,
      expired: row.expires_at <= now,
      notes: row.notes,
      createdAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
      lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at),
      lastUsedIp: row.last_used_ip,
      useCount: row.use_count,
    };
  });
}
