// What a REST route is: a path pattern, its methods, and a handler that gets the
// authenticated principal (public routes get none) and the services routes use. A route
// parses, calls a service and answers; it throws on failure and the router translates.
import type { AppContextService } from '../access/app-context';
import type { ParamSetService } from '../report-settings/param-sets';
import type { CalendarService } from '../report-settings/calendars';
import type { ExportService } from '../reporting/export-jobs/export-service';
import type { PageTokens } from '../reporting/page-tokens';
import type { ReportService } from '../reporting/report-service';
import type { TokenService } from '../tokens/token-service';
import type { AuthenticatedToken, TokenVerifier } from '../tokens/token-verifier';
import type { RestRequest, RestResponse } from './http';
import type { RestActivity } from './rest-activity';

/** The services the REST API uses: no port, no repository. */
export interface RouteServices {
  appContext: AppContextService;
  verifier: TokenVerifier;
  restActivity: RestActivity;
  reports: ReportService;
  /** Seals and opens the nextPageToken clients see. */
  pageTokens: PageTokens;
  exports: ExportService;
  paramSets: ParamSetService;
  calendars: CalendarService;
  tokens: TokenService;
}

export interface RouteContext {
  request: RestRequest;
  services: RouteServices;
  principal: AuthenticatedToken;
  /** Values of `{name}` segments of the pattern. */
  pathParams: Record<string, string>;
}

export interface RouteResult {
  response: RestResponse;
  /** Issues the answer covered, for the activity log. */
  issueCount?: number;
}

export interface Route {
  /** e.g. `/rest/export/{id}/download`; also the endpoint name in the activity log. */
  pattern: string;
  methods: readonly string[];
  handle(context: RouteContext): Promise<RouteResult>;
}

export interface PublicRoute {
  pattern: string;
  methods: readonly string[];
  public: true;
  handle(context: { request: RestRequest; services: RouteServices }): Promise<RestResponse>;
}
