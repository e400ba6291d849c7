// Records a token's last use (time, IP, count) with at most one database write per token
// per minute. Uses in between are counted in memory and added on the next write; a Forge
// container that is recycled before then loses those few counts, so "uses" is a close
// lower bound, while "last used" is exact to the minute.
import type { TokenRecord, TokenRepository } from '../storage/token-repository';

export const LAST_USE_WRITE_INTERVAL_MS = 60_000;

export interface LastUseRecorder {
  record(token: TokenRecord, now: number, ip: string | null): Promise<void>;
}

export function createLastUseRecorder(tokens: TokenRepository): LastUseRecorder {
  const unrecordedUses = new Map<string, number>();
  return {
    async record(token, now, ip) {
      const uses = (unrecordedUses.get(token.id) ?? 0) + 1;
      const recentlyWritten = token.lastUsedAt !== null && now - token.lastUsedAt < LAST_USE_WRITE_INTERVAL_MS;
      if (recentlyWritten) {
        unrecordedUses.set(token.id, uses);
        return;
      }
      // Conditional: if another container wrote within the minute, keep counting here.
      const written = await tokens.recordUse(token.id, now, ip, uses, now - LAST_USE_WRITE_INTERVAL_MS);
      if (written) unrecordedUses.delete(token.id);
      else unrecordedUses.set(token.id, uses);
    },
  };
}
