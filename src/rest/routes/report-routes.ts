// /rest/list, /rest/list2 (and their newer names /rest/issues, /rest/issues/v2),
// /rest/issue and /rest/issue/expanded: synchronous reports within the web trigger's
// time. A page ends at pageSize, at the synchronous issue limit or when the time budget is
// spent, whichever comes first; nextPageToken continues it. Files (xlsx) are
// /rest/smallexport's and /rest/export's.
import { fieldError } from '../../kernel/errors';
import { FILE_ONLY_OUTPUT_TYPES, type ReportParams } from '../../reporting/report-params';
import { syncIssueLimit, type ReportPage, type ReportService } from '../../reporting/report-service';
import { requireSelection } from '../../reporting/selection-param';
import { issueExpandedDocument } from '../../reporting/output/issue-expanded';
import { jsonResponse, type RestResponse } from '../http';
import type { Route, RouteResult } from '../route';
import { reportParamsOf } from './report-params-of';

/** A page is text; a workbook is asked for where it belongs, before any issue is read. */
function requirePageOutput(params: ReportParams): void {
  if (FILE_ONLY_OUTPUT_TYPES.includes(params.outputType)) {
    throw fieldError('outputType', `${params.outputType} is a file: use GET /rest/smallexport or POST /rest/export (json, jsonSimplified or csv here)`);
  }
}

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
    const given = await reportParamsOf(request, services.paramSets);
    requirePageOutput(given);
    requireSelection(given);
    // The client's page token is sealed and bound to this token and these parameters.
    const binding = { ownerAccountId: principal.accountId, tokenId: principal.tokenId, params: given };
    let params = given.nextPageToken === undefined ? given : { ...given, nextPageToken: await services.pageTokens.open(given.nextPageToken, binding) };
    // A continuation carries its JQL in the token; the selection is not needed again.
    if (!params.selection) params = { ...params, selection: { kind: 'jql', jql: '' } };
    const page = await services.reports.runSynchronous({
      ownerAccountId: principal.accountId,
      projectKeys: principal.projectKeys,
      params,
      limit: params.pageSize ?? syncIssueLimit(params),
    });
    const sealed = page.nextPageToken === undefined ? page : { ...page, nextPageToken: await services.pageTokens.seal(page.nextPageToken, binding) };
    return { response: reportResponse(services.reports, sealed, params), issueCount: page.issueCount };
  },
});

const issueRoute = (pattern: string, expanded: boolean): Route => ({
  pattern,
  methods: ['GET', 'POST'],
  async handle({ request, services, principal }): Promise<RouteResult> {
    // The expanded document names who made each transition (authors come with the changelog).
    const fixed = expanded ? { columnsBy: ['statusDurationExpanded'], includeTransitionedByColumns: ['true'] } : {};
    const params = await reportParamsOf(request, services.paramSets, { filterType: ['issue'], ...fixed });
    requirePageOutput(params);
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
    // The expanded json is the per-issue document public clients read; the other types stay one row per visit.
    if (expanded && params.outputType === 'json') {
      return { response: jsonResponse(200, issueExpandedDocument(page.table, params, page.context)), issueCount: 1 };
    }
    return { response: reportResponse(services.reports, { ...page, nextPageToken: undefined }, params), issueCount: 1 };
  },
});

export const reportRoutes: Route[] = [
  listRoute('/rest/list'),
  listRoute('/rest/list2'),
  // The vendor's newer documentation names the same two endpoints so.
  listRoute('/rest/issues'),
  listRoute('/rest/issues/v2'),
  issueRoute('/rest/issue', false),
  issueRoute('/rest/issue/expanded', true),
];
