// /rest/smallexport: a list report as one file, synchronously: csv (the default), xlsx,
// json or jsonSimplified, sent as an attachment. The whole selection must fit one
// synchronous page (the issue limit and the web trigger's time); a bigger one is refused
// with a pointer to /rest/export rather than cut short. With pageSize the caller asks
// for a page on purpose, and the next one is named in X-Next-Page-Token.
import { AppError } from '../../kernel/errors';
import { renderFile } from '../../reporting/output/render-file';
import { parseReportParams } from '../../reporting/report-params';
import { SYNC_ISSUE_LIMIT } from '../../reporting/report-service';
import { requireSelection } from '../../reporting/selection-param';
import type { RestResponse } from '../http';
import type { Route, RouteResult } from '../route';
import { resolvedRawParams } from './report-params-of';

export const smallExportRoute: Route = {
  pattern: '/rest/smallexport',
  methods: ['GET', 'POST'],
  async handle({ request, services, principal }): Promise<RouteResult> {
    const { raw, problems } = await resolvedRawParams(request, services.paramSets);
    const given = parseReportParams(raw.outputType === undefined ? { ...raw, outputType: ['csv'] } : raw, problems);
    requireSelection(given);
    // Page tokens are sealed and bound to this token and these parameters, as on /rest/list.
    const binding = { ownerAccountId: principal.accountId, tokenId: principal.tokenId, params: given };
    let params = given.nextPageToken === undefined ? given : { ...given, nextPageToken: await services.pageTokens.open(given.nextPageToken, binding) };
    if (!params.selection) params = { ...params, selection: { kind: 'jql', jql: '' } };
    const page = await services.reports.runSynchronous({
      ownerAccountId: principal.accountId,
      projectKeys: principal.projectKeys,
      params,
      limit: params.pageSize ?? SYNC_ISSUE_LIMIT,
    });
    if (page.nextPageToken !== undefined && params.pageSize === undefined) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The selection has more issues than one synchronous file holds (at most ${SYNC_ISSUE_LIMIT}, within the request's time). Narrow it, page with pageSize and nextPageToken, or use POST /rest/export.`,
      );
    }
    const file = await renderFile(page.table, params, page.context);
    const headers: Record<string, string[]> = {
      'content-type': [file.contentType],
      'cache-control': ['no-store'],
      'content-disposition': [`attachment; filename="status-clock-report.${file.extension}"`],
    };
    if (page.nextPageToken !== undefined) headers['x-next-page-token'] = [await services.pageTokens.seal(page.nextPageToken, binding)];
    const response: RestResponse = { statusCode: 200, headers, body: file.body, ...(file.isBase64Encoded ? { isBase64Encoded: true } : {}) };
    return { response, issueCount: page.issueCount };
  },
};
