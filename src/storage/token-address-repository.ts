// The distinct addresses each token was used from, with first and last sighting. The
// first sighting is decided by the insert itself (ignored when the pair exists), so two
// containers seeing a new address at once report it once.
import { MysqlAdapter } from 'kysely';
import { z } from 'zod';
import type { Db } from './schema';

export interface TokenAddress {
  address: string;
  firstSeen: number;
  lastSeen: number;
}

const rowSchema = z.object({ address: z.string(), first_seen: z.coerce.number(), last_seen: z.coerce.number() });

export interface TokenAddressRepository {
  /** Records the address as seen at `at`; true when this is the token's first use from it. */
  see(tokenId: string, address: string, at: number): Promise<boolean>;
  /** Most recently seen first. */
  recent(tokenId: string, limit: number): Promise<TokenAddress[]>;
  deleteForToken(tokenId: string): Promise<void>;
  /** Forgets addresses last seen before `cutoff` (the audit retention); answers how many. */
  deleteSeenBefore(cutoff: number): Promise<number>;
}

export function createTokenAddressRepository(db: Db): TokenAddressRepository {
  const isMysql = db.getExecutor().adapter instanceof MysqlAdapter;
  return {
    async see(tokenId, address, at) {
      const insert = db.insertInto('token_addresses').values({ token_id: tokenId, address, first_seen: at, last_seen: at });
      const inserted = await (isMysql ? insert.ignore() : insert.onConflict((oc) => oc.doNothing())).executeTakeFirst();
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
      await db
        .updateTable('token_addresses')
        .set({ last_seen: at })
        .where('token_id', '=', tokenId)
        .where('address', '=', address)
        .where('last_seen', '<', at)
        .execute();
      return false;
    },
    async recent(tokenId, limit) {
      const rows = await db
        .selectFrom('token_addresses')
        .select(['address', 'first_seen', 'last_seen'])
        .where('token_id', '=', tokenId)
        .orderBy('last_seen', 'desc')
        .orderBy('address')
        .limit(limit)
        .execute();
      return rows.map((raw) => {
        const row = rowSchema.parse(raw);
        return { address: row.address, firstSeen: row.first_seen, lastSeen: row.last_seen };
      });
    },
    async deleteForToken(tokenId) {
      await db.deleteFrom('token_addresses').where('token_id', '=', tokenId).execute();
    },
    async deleteSeenBefore(cutoff) {
      const result = await db.deleteFrom('token_addresses').where('last_seen', '<', cutoff).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
