// POST /issue/bulkfetch (fields of up to 100 issues), POST /changelog/bulkfetch (status
// and assignee history of up to 1000 issues, paged by change histories), and the
// per-issue GET /issue/{key}/changelog (100 a page).
import { z } from 'zod';
import { JiraError, intParam, ok, selfUrl, type EmulatorRequest, type EmulatorResponse } from '../http';
import { decodeToken, encodeToken, fingerprint } from '../page-token';
import { renderHistory, renderIssue, selectFields } from '../render-issue';
import { renderedJson } from '../rendered-cache';

export const ISSUE_BULKFETCH_MAX = 100;
export const CHANGELOG_BULKFETCH_MAX_ISSUES = 1000;
export const CHANGELOG_BULKFETCH_MAX_FIELDS = 10;
export const CHANGELOG_BULKFETCH_MAX_RESULTS = 10000;
export const ISSUE_CHANGELOG_MAX_RESULTS = 100;

const NOT_VISIBLE = 'Issue does not exist or you do not have permission to see it.';

function invalid(error: z.ZodError): JiraError {
  const issue = error.issues[0];
  return new JiraError(
    400,
    [`Invalid request payload. Refer to the REST API documentation and try again.`],
    issue ? { [issue.path.join('.') || 'body']: issue.message } : {},
  );
}

const bulkFetchSchema = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

/** Jira reads bulkfetch's `expand` as a list whose items may themselves be comma-separated. */
const expandList = (expand: readonly string[] | undefined): string[] => (expand ?? []).flatMap((e) => e.split(',')).map((e) => e.trim());

export function issueBulkFetch(request: EmulatorRequest): EmulatorResponse {
  const parsed = bulkFetchSchema.safeParse(request.body ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const ids = parsed.data.issueIdsOrKeys;
  if (ids.length === 0) throw new JiraError(400, ['issueIdsOrKeys must not be empty.']);
  if (ids.length > ISSUE_BULKFETCH_MAX)
    throw new JiraError(400, [`The number of issues requested (${ids.length}) exceeds the maximum of ${ISSUE_BULKFETCH_MAX}.`]);
  const fields = selectFields(parsed.data.fields, 'all');
  const expand = expandList(parsed.data.expand);
  const variant = `${request.baseUrl}|${fields.join(',')}|${expand.join(',')}`;
  const issues: string[] = [];
  const issueErrors: unknown[] = [];
  for (const idOrKey of ids) {
    const issue = request.model.findIssue(idOrKey);
    if (issue && request.model.canBrowseIssue(request.caller, issue))
      issues.push(renderedJson(issue.issue, variant, () => renderIssue(request, issue, fields, expand)));
    else issueErrors.push({ id: idOrKey, errorMessage: NOT_VISIBLE });
  }
  return { status: 200, json: `{"issues":[${issues.join(',')}],"issueErrors":${JSON.stringify(issueErrors)}}` };
}

const changelogBulkSchema = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fieldIds: z.array(z.string()).optional(),
  maxResults: z.number().int().optional(),
  nextPageToken: z.string().optional(),
});

export function changelogBulkFetch(request: EmulatorRequest): EmulatorResponse {
  const parsed = changelogBulkSchema.safeParse(request.body ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const { issueIdsOrKeys, fieldIds } = parsed.data;
  if (issueIdsOrKeys.length < 1 || issueIdsOrKeys.length > CHANGELOG_BULKFETCH_MAX_ISSUES) {
    throw new JiraError(400, [`issueIdsOrKeys must contain between 1 and ${CHANGELOG_BULKFETCH_MAX_ISSUES} items.`]);
  }
  if (fieldIds && fieldIds.length > CHANGELOG_BULKFETCH_MAX_FIELDS)
    throw new JiraError(400, [`fieldIds must contain at most ${CHANGELOG_BULKFETCH_MAX_FIELDS} items.`]);
  const maxResults = parsed.data.maxResults ?? 1000;
  if (maxResults < 1 || maxResults > CHANGELOG_BULKFETCH_MAX_RESULTS)
    throw new JiraError(400, [`maxResults must be between 1 and ${CHANGELOG_BULKFETCH_MAX_RESULTS}.`]);
  const wanted = fieldIds && fieldIds.length > 0 ? new Set(fieldIds) : undefined;
  const hash = fingerprint(`${issueIdsOrKeys.join(',')}|${[...(wanted ?? [])].join(',')}`);
  const cursor = decodeToken(parsed.data.nextPageToken, hash);
  let issueIndex = cursor?.o ?? 0;
  let historyIndex = cursor?.p ?? 0;
  let budget = maxResults;
  const variant = `${request.baseUrl}|${[...(wanted ?? [])].join(',')}`;
  const issueChangeLogs: string[] = [];
  while (issueIndex < issueIdsOrKeys.length && budget > 0) {
    const idOrKey = issueIdsOrKeys[issueIndex] ?? '';
    const issue = request.model.findIssue(idOrKey);
    if (issue && request.model.canBrowseIssue(request.caller, issue)) {
      const histories = wanted === undefined ? issue.issue.changelog : issue.issue.changelog.filter((h) => h.items.some((item) => wanted.has(item.field)));
      const slice = histories.slice(historyIndex, historyIndex + budget);
      if (slice.length > 0) {
        const histories = slice.map((h) => renderedJson(h, variant, () => renderHistory(request, h, wanted)));
        issueChangeLogs.push(`{"issueId":${JSON.stringify(issue.issue.id)},"changeHistories":[${histories.join(',')}]}`);
      }
      budget -= slice.length;
      if (historyIndex + slice.length < histories.length) {
        historyIndex += slice.length;
        break;
      }
    }
    issueIndex += 1;
    historyIndex = 0;
  }
  const next = issueIndex < issueIdsOrKeys.length ? `,"nextPageToken":${JSON.stringify(encodeToken({ o: issueIndex, p: historyIndex, h: hash }))}` : '';
  return { status: 200, json: `{"issueChangeLogs":[${issueChangeLogs.join(',')}]${next}}` };
}

export function issueChangelog(request: EmulatorRequest, params: string[]): EmulatorResponse {
  const idOrKey = params[0] ?? '';
  const issue = request.model.findIssue(idOrKey);
  if (!issue || !request.model.canBrowseIssue(request.caller, issue)) throw new JiraError(404, [NOT_VISIBLE]);
  const startAt = Math.max(0, intParam(request.query, 'startAt', 0));
  const maxResults = Math.min(Math.max(1, intParam(request.query, 'maxResults', ISSUE_CHANGELOG_MAX_RESULTS)), ISSUE_CHANGELOG_MAX_RESULTS);
  const histories = issue.issue.changelog;
  const values = histories.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= histories.length;
  const path = `/rest/api/3/issue/${encodeURIComponent(idOrKey)}/changelog`;
  const body: Record<string, unknown> = {
    self: selfUrl(request, `${path}?startAt=${startAt}&maxResults=${maxResults}`),
    maxResults,
    startAt,
    total: histories.length,
    isLast,
    values: values.map((h) => renderHistory(request, h)),
  };
  if (!isLast) body.nextPage = selfUrl(request, `${path}?startAt=${startAt + values.length}&maxResults=${maxResults}`);
  return ok(body);
}
