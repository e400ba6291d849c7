// Resolver keys and the payload / result types behind each: the single list that the
// backend defines and the UI invokes. Keys are namespaced by what they act on.
import type {
  AdminListPayload,
  AdminSetActivePayload,
  AppContextView,
  CreateTokenPayload,
  EmptyPayload,
  IssuedToken,
  TokenIdPayload,
  TokenList,
  TokenPage,
  TokenView,
  UpdateTokenPayload,
} from './tokens';

export interface ResolverDefinitions {
  'app/context': { payload: EmptyPayload; result: AppContextView };
  'tokens/list': { payload: EmptyPayload; result: TokenList };
  'tokens/create': { payload: CreateTokenPayload; result: IssuedToken };
  'tokens/update': { payload: UpdateTokenPayload; result: TokenView };
  'tokens/regenerate': { payload: TokenIdPayload; result: IssuedToken };
  'tokens/delete': { payload: TokenIdPayload; result: { id: string } };
  'admin/tokens/list': { payload: AdminListPayload; result: TokenPage };
  'admin/tokens/set-active': { payload: AdminSetActivePayload; result: TokenView };
  'admin/tokens/delete': { payload: TokenIdPayload; result: { id: string } };
}

export type ResolverKey = keyof ResolverDefinitions;
export type PayloadOf<K extends ResolverKey> = ResolverDefinitions[K]['payload'];
export type ResultOf<K extends ResolverKey> = ResolverDefinitions[K]['result'];
