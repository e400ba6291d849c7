// /rest/list, /rest/list2, /rest/issue and /rest/issue/expanded: synchronous reports
// within the web trigger's time. A page ends at pageSize, at the synchronous issue limit
// or when the time budget is spent, whichever comes first; nextPageToken continues it.
import type { AppServices } from '../../entry/composition/app-services';
import { JiraAccessError } from '../../jira/jira-errors';
import { ParamError, type ReportParams } from '../../reporting/report-params';
import { SYNC_ISSUE_LIMIT, type ReportPage } from '../../reporting/report-service';
import type { RestResponse } from '../http';
import { RestError, toRestResponse } from '../error-status';
import { requireSelection, selectionParamOf } from '../../reporting/selection-param';
import type { Route, RouteContext, RouteResult } from '../route';
import { reportParamsOf } from './report-params-of';

function reportResponse(services: AppServices, page: ReportPage, params: ReportParams): RestResponse {
  const rendered = services.reports.render(page, params);
  const headers: Record<string, string[]> = { 'content-type': [rendered.contentType], 'cache-control': ['no-store'] };
  // CSV has no place for the token in its body; JSON formats carry it in the body too.
  if (page.nextPageToken !== undefined) headers['x-next-page-token'] = [page.nextPageToken];
  return { statusCode: 200, headers, body: rendered.body };
}

async function runSync(context: RouteContext, params: ReportParams, limit: number): Promise<ReportPage> {
  const started = Date.now();
  const budget = context.services.reports.syncBudget;
  return context.services.reports.runPage({
    ownerAccountId: context.principal.accountId,
    params,
    limit,
    softDeadline: started + budget.softMs,
    hardDeadline: started + budget.hardMs,
  });
}

const listRoute = (pattern: string): Route => ({
  pattern,
  methods: ['GET', 'POST'],
  async handle(context): Promise<RouteResult> {
    let params: ReportParams | undefined;
    try {
      params = await reportParamsOf(context.request, context.services);
      requireSelection(params);
      // A continuation carries its JQL in the token; the selection is not needed again.
      if (!params.selection) params = { ...params, selection: { kind: 'jql', jql: '' } };
      const page = await runSync(context, params, params.pageSize ?? SYNC_ISSUE_LIMIT);
      return { response: reportResponse(context.services, page, params), issueCount: page.issueCount };
    } catch (error) {
      return { response: toRestResponse(error, params ? selectionParamOf(params) : 'customjql') };
    }
  },
});

const issueRoute = (pattern: string, expanded: boolean): Route => ({
  pattern,
  methods: ['GET', 'POST'],
  async handle(context): Promise<RouteResult> {
    try {
      const fixed = expanded ? { columnsBy: ['statusDurationExpanded'] } : {};
      const params = await reportParamsOf(context.request, context.services, { filterType: ['issue'], ...fixed });
      const key = params.selection?.kind === 'issue' ? params.selection.issueKey : undefined;
      if (key === undefined) throw new ParamError([{ param: 'issueKey', message: 'is required' }]);
      const notFound = new RestError(404, [`issueKey: issue ${key} does not exist or the token owner may not browse it`]);
      let page: ReportPage;
      try {
        page = await runSync(context, { ...params, pageSize: 1, startIssueIndex: 0, nextPageToken: undefined }, 1);
      } catch (error) {
        // Jira refuses a key that does not exist; answer exactly as for a hidden issue.
        if (error instanceof JiraAccessError && error.code === 'JIRA_BAD_REQUEST') throw notFound;
        throw error;
      }
      if (page.issueCount === 0) throw notFound;
      return { response: reportResponse(context.services, { ...page, nextPageToken: undefined }, params), issueCount: 1 };
    } catch (error) {
      return { response: toRestResponse(error, 'issueKey') };
    }
  },
});

export const reportRoutes: Route[] = [
  listRoute('/rest/list'),
  listRoute('/rest/list2'),
  issueRoute('/rest/issue', false),
  issueRoute('/rest/issue/expanded', true),
];

