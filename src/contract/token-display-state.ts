// The one word a token's state is shown as, in every table, dialog and filter. The order
// follows tokens/token-model.ts: expired wins over the switch (an expired token is
// "Expired", never "Active" beside a red date), then the switch (a switch an administrator
// or token manager turned off shows as theirs), then the owner, then the token policy.
import type { TokenView } from './tokens';

export type TokenDisplayState = 'active' | 'inactive' | 'expired' | 'owner-deactivated' | 'policy-blocked' | 'admin-deactivated';

/** Lozenge appearances, as @atlaskit/lozenge names them. */
type Appearance = 'success' | 'default' | 'removed' | 'moved';

export const TOKEN_DISPLAY_STATE_FACTS: Readonly<Record<TokenDisplayState, { label: string; appearance: Appearance }>> = {
  active: { label: 'Active', appearance: 'success' },
  inactive: { label: 'Inactive', appearance: 'default' },
  expired: { label: 'Expired', appearance: 'removed' },
  'owner-deactivated': { label: 'Owner deactivated', appearance: 'removed' },
  'policy-blocked': { label: 'Not allowed by policy', appearance: 'moved' },
  'admin-deactivated': { label: 'Deactivated by an administrator', appearance: 'default' },
};

export function displayStateOf(token: Pick<TokenView, 'active' | 'expired' | 'ownerActive' | 'allowedByPolicy' | 'deactivatedBy'>): TokenDisplayState {
  if (token.expired) return 'expired';
  if (!token.active) return token.deactivatedBy === 'administrator' ? 'admin-deactivated' : 'inactive';
  if (!token.ownerActive) return 'owner-deactivated';
  if (!token.allowedByPolicy) return 'policy-blocked';
  return 'active';
}
