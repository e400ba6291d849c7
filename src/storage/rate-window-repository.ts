// The per-token request rate: a counter row per token and fixed window. Admission is one
// conditional UPDATE (admitted < limit), atomic on SQLite, MariaDB and TiDB alike; the
// first request of a window creates the row, and a writer that loses that race retries
// the UPDATE. Only admitted requests count, so a client that waits gets in again.
import { isUniqueViolation } from './admission-slots';
import type { Db } from './schema';

export interface RateWindowRepository {
  /** Counts one more request in the window if fewer than `limit` were admitted; true if it did. */
  admit(tokenId: string, windowStart: number, limit: number): Promise<boolean>;
  /** Drops windows that started before `instant`. */
  deleteBefore(instant: number): Promise<void>;
}

export function createRateWindowRepository(db: Db): RateWindowRepository {
  async function raise(tokenId: string, windowStart: number, limit: number): Promise<boolean> {
    const result = await db
      .updateTable('rate_windows')
      .set((eb) => ({ admitted: eb('admitted', '+', 1) }))
      .where('token_id', '=', tokenId)
      .where('window_start', '=', windowStart)
      .where('admitted', '<', limit)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
  async function exists(tokenId: string, windowStart: number): Promise<boolean> {
    const row = await db
      .selectFrom('rate_windows')
      .select('admitted')
      .where('token_id', '=', tokenId)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return row !== undefined;
  }
  return {
    async admit(tokenId, windowStart, limit) {
      if (limit < 1) return false;
      if (await raise(tokenId, windowStart, limit)) return true;
      if (await exists(tokenId, windowStart)) return false;
      try {
        await db.insertInto('rate_windows').values({ token_id: tokenId, window_start: windowStart, admitted: 1 }).execute();
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another request created the window first: count on top of it.
        return raise(tokenId, windowStart, limit);
      }
    },
    async deleteBefore(instant) {
      await db.deleteFrom('rate_windows').where('window_start', '<', instant).execute();
    },
  };
}
