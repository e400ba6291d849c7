// Which dialog of the user page is open, and what it is about.
import type { IssuedToken, TokenView } from '../../../src/contract/tokens';

export type DialogState =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'issued'; issued: IssuedToken; reason: 'created' | 'regenerated' }
  | { kind: 'edit'; token: TokenView }
  | { kind: 'delete'; token: TokenView }
  | { kind: 'regenerate'; token: TokenView }
  | { kind: 'history'; token: TokenView };
