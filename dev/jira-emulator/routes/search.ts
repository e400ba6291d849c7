// GET|POST /rest/api/3/search/jql: the enhanced search. Pages with nextPageToken only
// (no startAt, no total); up to 5000 issues a page when only ids are requested, 100
// otherwise; unbounded queries refused, as Jira Cloud does.
import { z } from 'zod';
import { JiraError, intParam, ok, type EmulatorRequest, type EmulatorResponse } from '../http';
import { compileJql } from '../jql/evaluate';
import { JqlError } from '../jql/jql-error';
import { parseJql } from '../jql/parser';
import type { IndexedIssue } from '../model';
import { decodeToken, encodeToken, fingerprint } from '../page-token';
import { renderIssue, selectFields } from '../render-issue';

export const SEARCH_MAX_RESULTS_IDS = 5000;
export const SEARCH_MAX_RESULTS_FIELDS = 100;
const DEFAULT_MAX_RESULTS = 50;

const searchBodySchema = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

/** Results of recent queries, so paging a 100k-issue result does not re-run the query per page. */
const resultCache = new WeakMap<object, Map<string, IndexedIssue[]>>();

function run(request: EmulatorRequest, jql: string): IndexedIssue[] {
  const callerKey = request.caller.kind === 'app' ? 'app' : request.caller.user.accountId;
  const cacheKey = `${callerKey}\n${jql}`;
  let cache = resultCache.get(request.model);
  if (!cache) {
    cache = new Map();
    resultCache.set(request.model, cache);
  }
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let compiled;
  try {
    compiled = compileJql(parseJql(jql), { model: request.model, caller: request.caller, now: request.now });
  } catch (error) {
    if (error instanceof JqlError) throw new JiraError(400, [error.message]);
    throw error;
  }
  if (!compiled.bounded) throw new JiraError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  const result = request.model.issues.filter((i) => request.model.canBrowseIssue(request.caller, i) && compiled.matches(i));
  result.sort((a, b) => compiled.compare(a, b));
  if (cache.size >= 32) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(cacheKey, result);
  return result;
}

function search(request: EmulatorRequest, params: { jql: string; nextPageToken?: string | null; maxResults: number; fields?: string[] }): EmulatorResponse {
  const fields = selectFields(params.fields, 'none');
  const cap = fields.length === 0 ? SEARCH_MAX_RESULTS_IDS : SEARCH_MAX_RESULTS_FIELDS;
  if (params.maxResults < 0) throw new JiraError(400, ["The 'maxResults' parameter must not be negative."]);
  const pageSize = Math.min(params.maxResults, cap);
  const hash = fingerprint(params.jql);
  const offset = decodeToken(params.nextPageToken, hash)?.o ?? 0;
  const result = run(request, params.jql);
  const page = result.slice(offset, offset + pageSize);
  const end = offset + page.length;
  const body: Record<string, unknown> = {
    issues: page.map((issue) => (fields.length === 0 ? { id: issue.issue.id } : renderIssue(request, issue, fields))),
    isLast: end >= result.length,
  };
  if (end < result.length) body.nextPageToken = encodeToken({ o: end, h: hash });
  return ok(body);
}

export function searchGet(request: EmulatorRequest): EmulatorResponse {
  const q = request.query;
  return search(request, {
    jql: q.get('jql') ?? '',
    nextPageToken: q.get('nextPageToken'),
    maxResults: intParam(q, 'maxResults', DEFAULT_MAX_RESULTS),
    fields: q.getAll('fields'),
  });
}

export function searchPost(request: EmulatorRequest): EmulatorResponse {
  const parsed = searchBodySchema.safeParse(request.body ?? {});
  if (!parsed.success)
    throw new JiraError(400, [`Invalid request payload. Refer to the REST API documentation and try again. (${parsed.error.issues[0]?.path.join('.') ?? ''})`]);
  const params: { jql: string; nextPageToken?: string; maxResults: number; fields?: string[] } = {
    jql: parsed.data.jql ?? '',
    maxResults: parsed.data.maxResults ?? DEFAULT_MAX_RESULTS,
  };
  if (parsed.data.nextPageToken !== undefined) params.nextPageToken = parsed.data.nextPageToken;
  if (parsed.data.fields !== undefined) params.fields = parsed.data.fields;
  return search(request, params);
}
