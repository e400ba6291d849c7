// What an admin asked to do to a token, waiting for confirmation.
import type { TokenView } from '../../../src/contract/tokens';

export type AdminAction = { kind: 'set-active'; token: TokenView; active: boolean } | { kind: 'delete'; token: TokenView };
