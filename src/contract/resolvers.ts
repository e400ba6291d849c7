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
import type { ActivityListPayload, RestActivityPage, TokenActivity } from './rest-activity';
import type { CapResult, GroupSearchPayload, GroupView, ManagerCreatePayload, ManagerListPayload, PolicyView, UpdatePolicyPayload } from './policy';
import type { BuilderOptions, FilterSearchPayload, FilterView, ProjectView, ReportPreview, ReportPreviewPayload } from './report-builder';
import type * as audit from './audit';
import type { IpAllowlistView, ProjectView as ScopeProjectView, UpdateIpAllowlistPayload } from './token-restrictions';

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
  /** The token policy (Jira admins); `update` checks the whole policy, errors list every problem. */
  'admin/policy/get': { payload: EmptyPayload; result: PolicyView };
  'admin/policy/update': { payload: UpdatePolicyPayload; result: PolicyView };
  /** Tokens expiring later than the maximum lifetime allows, and the action capping them. */
  'admin/policy/over-limit': { payload: EmptyPayload; result: TokenPage };
  'admin/policy/cap-lifetimes': { payload: EmptyPayload; result: CapResult };
  /** Jira groups for the policy's group pickers (Jira admins). */
  'groups/search': { payload: GroupSearchPayload; result: { groups: GroupView[] } };
  /** Token managers (and Jira admins): every user's tokens, and tokens created for others. */
  'manager/tokens/list': { payload: ManagerListPayload; result: TokenPage };
  'manager/tokens/create': { payload: ManagerCreatePayload; result: IssuedToken };
  'manager/tokens/set-active': { payload: AdminSetActivePayload; result: TokenView };
  'manager/tokens/delete': { payload: TokenIdPayload; result: { id: string } };
  /** The report builder: the first rows of a report run as the signed-in user (REST parameters). */
  'reports/preview': { payload: ReportPreviewPayload; result: ReportPreview };
  /** The report builder's project picker: projects the signed-in user may browse. */
  'builder/projects': { payload: EmptyPayload; result: { projects: ProjectView[] } };
  /** The report builder's saved filter picker: filters the signed-in user may see, by name (at most 50). */
  'builder/filters': { payload: FilterSearchPayload; result: { filters: FilterView[] } };
  /** The report builder's pickers: report types, output types, statuses, calendars, groups, saved sets. */
  'builder/options': { payload: EmptyPayload; result: BuilderOptions };
  /** Issue 12: the audit log (Jira admins), newest first; exports of the filtered events. */
  'admin/audit/list': { payload: audit.AuditListPayload; result: audit.AuditPage };
  'admin/audit/export': { payload: audit.AuditExportPayload; result: audit.AuditExport };
  /** Token managers (and Jira admins): the same list, only events about a token (TOKEN_EVENT_TYPES). */
  'manager/audit/list': { payload: audit.AuditListPayload; result: audit.AuditPage };
  /** The events of one of the caller's own tokens and the last addresses it was used from. */
  'tokens/history': { payload: audit.TokenHistoryPayload; result: audit.TokenHistory };
  /** The newest REST requests of one of the caller's own tokens, refused ones with their reason. */
  'tokens/activity': { payload: TokenIdPayload; result: TokenActivity };
  /** The expiry warning window, for the user page's banner. */
  'tokens/expiry-window': { payload: EmptyPayload; result: { expiryWarningDays: number } };
  'admin/hygiene/get': { payload: EmptyPayload; result: audit.HygieneSettings };
  'admin/hygiene/update': { payload: audit.HygieneUpdatePayload; result: audit.HygieneSettings };
  'admin/keys/list': { payload: EmptyPayload; result: audit.SigningKeyList };
  'admin/keys/rotate': { payload: EmptyPayload; result: audit.SigningKeyList };
  /** Without confirmCount: the count of tokens that would stop working; with it: retires. */
  'admin/keys/retire': { payload: audit.RetireKeyPayload; result: audit.RetireKeyResult };
  'admin/tokens/deactivate-all': { payload: audit.DeactivateAllPayload; result: { deactivated: number } };
  /** Projects the caller may browse: the choices of a token's project scope. */
  'projects/list': { payload: EmptyPayload; result: { projects: ScopeProjectView[] } };
  /** The installation-wide IP allow-list every token obeys (Jira admins). */
  'admin/ip-allowlist/get': { payload: EmptyPayload; result: IpAllowlistView };
  'admin/ip-allowlist/update': { payload: UpdateIpAllowlistPayload; result: IpAllowlistView };
}

export type ResolverKey = keyof ResolverDefinitions;
export type PayloadOf<K extends ResolverKey> = ResolverDefinitions[K]['payload'];
export type ResultOf<K extends ResolverKey> = ResolverDefinitions[K]['result'];
