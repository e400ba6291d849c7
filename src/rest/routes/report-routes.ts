// /rest/list, /rest/list2, /rest/issue and /rest/issue/expanded: synchronous reports
// within the web trigger's time. A page ends at pageSize, at the synchronous issue limit
// or when the time budget is spent, whichever comes first; nextPageToken continues it.
import { fieldError } from '../../kernel/errors';
import type { ReportParams } from '../../reporting/report-params';
import { SYNC_ISSUE_LIMIT, type ReportPage, type ReportService } from '../../reporting/report-service';
import { requireSelection } from '../../reporting/selection-param';
import type { RestResponse } from '../http';
import type { Route, RouteResult } from '../route';
import { reportParamsOf } from './report-params-of';

function reportResponse(reports: ReportService, page: ReportPage, params: ReportParams): RestResponse {
  const rendered = reports.render(page, params);
  const headers: Record<string, string[]> = { 'content-type': [rendered.contentType], 'cache-control': ['no-store'] };
  // CSV has no place for the token in its body; JSON formats carry it in the body too.
  if (page.nextPageToken !== undefined) headers['x-next-page-token'] = [page.nextPageToken];
  return { statusCode: 200, headers, body: rendered.body };
}

const listRoute = (pattern: string): Route => ({
  pattern,
  methods: ['GET', 'POST'],
  async handle({ request, services, principal }): Promise<RouteResult> {
    let params = await reportParamsOf(request, services.paramSets);
    requireSelection(params);
    // A continuation carries its JQL in the token; the selection is not needed again.
    if (!params.selection) params = { ...params, selection: { kind: 'jql', jql: '' } };
    const page = await services.reports.runSynchronous({
      ownerAccountId: principal.accountId,
      projectKeys: principal.projectKeys,
      params,
      limit: params.pageSize ?? SYNC_ISSUE_LIMIT,
    });
    return { response: reportResponse(services.reports, page, params), issueCount: page.issueCount };
  },
});

const issueRoute = (pattern: string, expanded: boolean): Route => ({
  pattern,
  methods: ['GET', 'POST'],
  async handle({ request, services, principal }): Promise<RouteResult> {
    const fixed = expanded ? { columnsBy: ['statusDurationExpanded'] } : {};
    const params = await reportParamsOf(request, services.paramSets, { filterType: ['issue'], ...fixed });
    const key = params.selection?.kind === 'issue' ? params.selection.issueKey : undefined;
    if (key === undefined) throw fieldError('issueKey', 'is required');
    const page = await services.reports.runSynchronous({
      ownerAccountId: principal.accountId,
      projectKeys: principal.projectKeys,
      params: { ...params, pageSize: 1, startIssueIndex: 0, nextPageToken: undefined },
      limit: 1,
    });
    // A key Jira does not know, one the owner may not browse and one outside the token's
    // project scope all get the same answer.
    if (page.issueCount === 0) throw fieldError('issueKey', `issue ${key} does not exist or the token owner may not browse it`, 'NOT_FOUND');
    return { response: reportResponse(services.reports, { ...page, nextPageToken: undefined }, params), issueCount: 1 };
  },
});

export const reportRoutes: Route[] = [
  listRoute('/rest/list'),
  listRoute('/rest/list2'),
  issueRoute('/rest/issue', false),
  issueRoute('/rest/issue/expanded', true),
];
