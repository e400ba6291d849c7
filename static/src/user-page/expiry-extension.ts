// The expiry banner's one-click extension: the token's lifetime again, added to its current
// expiry, but never past the token policy's maximum lifetime from today, which the server
// refuses (tokens/update). A token without a usable lifetime (expiring no later than it was
// created) gets the policy's default lifetime instead.
import { latestAllowedExpiry } from '../../../src/contract/lifetime-limit';
import type { CallerGovernance, TokenView } from '../../../src/contract/tokens';

const DAY_MS = 86_400_000;

export interface Extension {
  /** The new expiry, an ISO instant. */
  expiresAt: string;
  /** True when the policy's maximum lifetime cut the extension short. */
  capped: boolean;
}

/** The extension the banner offers; undefined when the policy allows no later expiry. */
export function extensionOf(
  token: Pick<TokenView, 'createdAt' | 'expiresAt'>,
  now: number,
  limits: Pick<CallerGovernance, 'maxLifetimeDays' | 'defaultLifetimeDays'>,
): Extension | undefined {
  const expires = Date.parse(token.expiresAt);
  const lifetime = expires - Date.parse(token.createdAt);
  const wanted = expires + (lifetime > 0 ? lifetime : limits.defaultLifetimeDays * DAY_MS);
  const limit = latestAllowedExpiry(limits.maxLifetimeDays, now);
  if (limit === undefined || wanted <= limit) return { expiresAt: new Date(wanted).toISOString(), capped: false };
  if (limit <= expires) return undefined;
  return { expiresAt: new Date(limit).toISOString(), capped: true };
}
