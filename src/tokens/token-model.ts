// The one rule of when a token works, and the one word for its state. The verifier, the
// token tables, the admin's state filter and export jobs all ask here; the repository's
// SQL form of the state filter is checked against this in the storage suite.
import type { TokenState } from '../contract/tokens';
import type { TokenRecord } from '../storage/token-repository';

type TokenFacts = Pick<TokenRecord, 'active' | 'expiresAt'>;

/** Expired wins over inactive: a token past its expiry is expired whatever its switch says. */
/**
 * Days before expiry in which REST answers warn (X-Token-Expires-At, Warning: 299): GitLab
 * warns 7 days ahead and Jira Data Center 5; 14 leaves a fortnight to renew.
 */
export const EXPIRY_WARNING_DAYS = 14;

/** True while a token's expiry is within the warning window (and not yet past); the window is a hygiene setting. */
export function inExpiryWarningWindow(expiresAt: number, now: number, windowDays = EXPIRY_WARNING_DAYS): boolean {
  return expiresAt > now && expiresAt - now <= windowDays * 86_400_000;
}

export function tokenStateOf(token: TokenFacts, now: number): TokenState {
  if (token.expiresAt <= now) return 'expired';
  return token.active ? 'active' : 'inactive';
}

/** Why a token does not work now, in the order the verifier checks; undefined when it works. */
export function tokenRefusalOf(token: TokenFacts, now: number, ownerActive: boolean): 'INACTIVE' | 'EXPIRED' | 'OWNER_INACTIVE' | undefined {
  if (!token.active) return 'INACTIVE';
  if (token.expiresAt <= now) return 'EXPIRED';
  if (!ownerActive) return 'OWNER_INACTIVE';
  return undefined;
}
