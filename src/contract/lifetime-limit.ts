// The policy's maximum lifetime as a date limit, apart from the policy schema: the pages'
// expiry picker and the expiry banner need only this, and importing it from policy.ts would
// put zod (about 440 KB) into the user page's first load.
const DAY_MS = 86_400_000;

/**
 * The latest expiry the policy allows a token issued or changed at `now`, epoch ms: the end
 * of the UTC day `maxLifetimeDays` after today, since expiries are picked as dates (a token
 * works through its expiry date, UTC). Undefined when there is no maximum.
 */
export function latestAllowedExpiry(maxLifetimeDays: number | null, now: number): number | undefined {
  if (maxLifetimeDays === null) return undefined;
  return Math.floor(now / DAY_MS) * DAY_MS + (maxLifetimeDays + 1) * DAY_MS;
}

/** The same limit as the last allowed date (YYYY-MM-DD, UTC), for date pickers. */
export function latestAllowedExpiryDate(maxLifetimeDays: number | null, now: number): string | undefined {
  const limit = latestAllowedExpiry(maxLifetimeDays, now);
  return limit === undefined ? undefined : new Date(limit - DAY_MS).toISOString().slice(0, 10);
}
