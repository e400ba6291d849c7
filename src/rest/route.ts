// What a REST route is: a path pattern, its methods, and a handler that gets the
// authenticated principal (public routes get none).
import type { AppServices } from '../entry/composition/app-services';
import type { AuthenticatedToken } from '../tokens/token-verifier';
import type { RestRequest, RestResponse } from './http';

export interface RouteContext {
  request: RestRequest;
  services: AppServices;
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
  handle(context: { request: RestRequest; services: AppServices }): Promise<RestResponse>;
}
