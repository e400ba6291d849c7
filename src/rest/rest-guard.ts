// Per-token request rate and the activity record. The limit counts the token's logged
// requests in a sliding window: every container sees the same count (Forge runs many),
// which an in-memory counter could not promise.
import type { Clock } from '../kernel/ports';
import type { RestRequestRecord, RestRequestRepository } from '../storage/rest-request-repository';

export interface RateLimit {
  /** Requests a token may send per window. */
  limit: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowSeconds: 60 };
/** Activity rows are kept this long. */
export const ACTIVITY_RETENTION_MS = 30 * 86_400_000;

export interface RestGuard {
  /** undefined when the request may run; otherwise how long to wait. */
  admit(tokenId: string): Promise<(RateLimit & { retryAfterSeconds: number }) | undefined>;
  record(entry: Omit<RestRequestRecord, 'at'>): Promise<void>;
}

export function createRestGuard(deps: { log: RestRequestRepository; clock: Clock; rateLimit?: RateLimit }): RestGuard {
  const rate = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  let recorded = 0;
  return {
    async admit(tokenId) {
      const now = deps.clock.now();
      const windowMs = rate.windowSeconds * 1000;
      const { requests, oldest } = await deps.log.countSince(tokenId, now - windowMs);
      if (requests < rate.limit) return undefined;
      const retryAfterSeconds = Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000));
      return { ...rate, retryAfterSeconds };
    },
    async record(entry) {
      const now = deps.clock.now();
      try {
        await deps.log.append({ ...entry, at: now });
        // Prune now and then rather than on a schedule: one DELETE per 200 requests.
        recorded += 1;
        if (recorded % 200 === 1) await deps.log.deleteBefore(now - ACTIVITY_RETENTION_MS);
      } catch (error) {
        // The answer matters more than its log line; say what failed, not the request.
        console.error('REST activity record failed', error instanceof Error ? error.name : typeof error);
      }
    },
  };
}
