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
import type { CalendarView, DocumentIdPayload, StatusGroupBody, StatusGroupView, StatusView } from './report-config';
import type { ParamSetBody, ParamSetView } from './param-sets';
import type { ActivityListPayload, RestActivityPage } from './rest-activity';
import type { IpAllowlistView, ProjectView, UpdateIpAllowlistPayload } from './token-restrictions';

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
  'admin/calendars/list': { payload: EmptyPayload; result: { calendars: CalendarView[] } };
  /** `calendar`: a CalendarDefinition; errors list every problem in `error.issues`. */
  'admin/calendars/create': { payload: { calendar: unknown }; result: CalendarView };
  'admin/calendars/update': { payload: { id: string; calendar: unknown }; result: CalendarView };
  'admin/calendars/delete': { payload: DocumentIdPayload; result: { id: string } };
  'admin/status-groups/list': { payload: EmptyPayload; result: { groups: StatusGroupView[] } };
  'admin/status-groups/create': { payload: { group: StatusGroupBody }; result: StatusGroupView };
  'admin/status-groups/update': { payload: { id: string; group: StatusGroupBody }; result: StatusGroupView };
  'admin/status-groups/delete': { payload: DocumentIdPayload; result: { id: string } };
  /** Jira's statuses, for pickers. */
  'admin/statuses/list': { payload: EmptyPayload; result: { statuses: StatusView[] } };
  /** Saved REST parameter sets: listed for everyone, changed by Jira admins only. */
  'paramsets/list': { payload: EmptyPayload; result: { paramSets: ParamSetView[] } };
  'paramsets/create': { payload: { paramSet: ParamSetBody }; result: ParamSetView };
  'paramsets/update': { payload: { id: string; paramSet: ParamSetBody }; result: ParamSetView };
  'paramsets/delete': { payload: { id: string }; result: { id: string } };
  /** REST API requests, newest first (Jira admins). */
  'admin/activity/list': { payload: ActivityListPayload; result: RestActivityPage };
  /** Projects the caller may browse: the choices of a token's project scope. */
  'projects/list': { payload: EmptyPayload; result: { projects: ProjectView[] } };
  /** The installation-wide IP allow-list every token obeys (Jira admins). */
  'admin/ip-allowlist/get': { payload: EmptyPayload; result: IpAllowlistView };
  'admin/ip-allowlist/update': { payload: UpdateIpAllowlistPayload; result: IpAllowlistView };
}

export type ResolverKey = keyof ResolverDefinitions;
export type PayloadOf<K extends ResolverKey> = ResolverDefinitions[K]['payload'];
export type ResultOf<K extends ResolverKey> = ResolverDefinitions[K]['result'];
