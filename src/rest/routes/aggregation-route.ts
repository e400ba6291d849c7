// GET|POST /rest/aggregation: one statistic (aggregationType) per report column over the
// selected issues, optionally per group (groupByFields), within one synchronous call.
import { requireSelection } from '../../reporting/selection-param';
import type { Route, RouteResult } from '../route';
import { reportParamsOf } from './report-params-of';

export const aggregationRoute: Route = {
  pattern: '/rest/aggregation',
  methods: ['GET', 'POST'],
  async handle({ request, services, principal }): Promise<RouteResult> {
    const params = await reportParamsOf(request, services.paramSets);
    requireSelection(params);
    const { rendered, issueCount } = await services.reports.aggregateSynchronous({ ownerAccountId: principal.accountId, params });
    return {
      response: { statusCode: 200, headers: { 'content-type': [rendered.contentType], 'cache-control': ['no-store'] }, body: rendered.body },
      issueCount,
    };
  },
};
