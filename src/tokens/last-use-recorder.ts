// Records a token's last use (time, IP, count) with at most one database write per token
// per minute. Uses in between are counted in memory and added on the next write; a Forge
// container that is recycled before then loses those few counts, so "uses" is a close
// lower bound, while "last used" is exact to the minute.
import type { TokenRepository } from '../storage/token-repository';
import type { TokenRow } from '../storage/schema';

export const LAST_USE_WRITE_INTERVAL_MS = 60_000;

export interface LastUseRecorder {
  record(row: TokenRow, now: number, ip: string | null): Promise<void>;
}

export function createLastUseRecorder(tokens: TokenRepository): LastUseRecorder {
  const unrecordedUses = new Map<string, number>();
  return {
    async record(row, now, ip) {
      const uses = (unrecordedUses.get(row.id) ?? 0) + 1;
      const recentlyWritten = row.last_used_at !== null && now - row.last_used_at < LAST_USE_WRITE_INTERVAL_MS;
      if (recentlyWritten) {
        unrecordedUses.set(row.id, uses);
        return;
      }
      // Conditional: if another container wrote within the minute, keep counting here.
      const written = await tokens.recordUse(row.id, now, ip, uses, now - LAST_USE_WRITE_INTERVAL_MS);
      if (written) unrecordedUses.delete(row.id);
      else unrecordedUses.set(row.id, uses);
    },
  };
}
