// The one rule of when a token works, and the one word for its state. The verifier, the
// token tables, the admin's state filter and export jobs all ask here; the repository's
// SQL form of the state filter is checked against this in the storage suite.
import type { TokenState } from '../contract/tokens';
import type { TokenRecord } from '../storage/token-repository';

type TokenFacts = Pick<TokenRecord, 'active' | 'expiresAt'>;

/** Expired wins over inactive: a token past its expiry is expired whatever its switch says. */
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
