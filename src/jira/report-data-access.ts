// The data access a report runs on: one page of the owner's issues with their history.
//   selection -> JQL (owner's view) -> ids (enhanced search, large pages)
//   -> keep what the owner may browse -> fields + changelogs in bulk -> IssueHistory
import { z } from 'zod';
import type { JiraHttp } from '../kernel/ports';
import type { StatusInfo } from '../engine';
import { createJiraClient, type JiraClient, type JiraClientOptions } from './jira-client';
import { JiraAccessError } from '../kernel/errors';
import { searchIdsPageSchema, statusListSchema } from './jira-schemas';
import { fetchIssueHistories, type IssueWithHistory } from './issue-history-fetch';
import { resolveSelectionJql, type IssueSelection } from './issue-selection';
import { keepBrowsableIssues } from './owner-permissions';

/** Jira's cap for ids-only enhanced search pages. */
export const SEARCH_MAX_PAGE = 5000;

export interface IssuePageRequest {
  selection: IssueSelection;
  ownerAccountId: string;
  /** Issue fields the report shows besides the history (e.g. 'summary'). */
  fields: readonly string[];
  /** Issues Jira is asked for per page (1..5000); fewer come back when the owner may not browse some. */
  pageSize: number;
  /** From the previous page's nextPageToken. */
  pageToken?: string;
  /** Epoch ms by which the page must be done (web trigger: well inside 55 s); overrides the option. */
  deadline?: number;
}

export interface IssuePage {
  issues: IssueWithHistory[];
  nextPageToken?: string;
}

export interface IssueDataAccess {
  fetchIssuePage(request: IssuePageRequest): Promise<IssuePage>;
  getStatuses(options?: { deadline?: number }): Promise<StatusInfo[]>;
  /** Jira requests sent so far, retries included. */
  requestCount(): number;
}

export interface IssueDataAccessOptions extends JiraClientOptions {
  /** Issues per page when the caller asks for none. */
  defaultPageSize?: number;
}

// Our page token carries Jira's and the JQL it belongs to. It passes through the
// client, so it is validated; tampering gains nothing, since every page is still
// cut down to the owner's permissions.
const pageTokenSchema = z.object({ v: z.literal(1), jql: z.string(), jira: z.string() });

function encodePageToken(jql: string, jira: string): string {
  return Buffer.from(JSON.stringify({ v: 1, jql, jira })).toString('base64url');
}

function decodePageToken(token: string): { jql: string; jira: string } {
  try {
    const parsed = pageTokenSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the typed error
  }
  throw new JiraAccessError('JIRA_BAD_REQUEST', 'The page token is not valid; start again from the first page.', { status: 400 });
}

export function createIssueDataAccess(http: JiraHttp, options: IssueDataAccessOptions = {}): IssueDataAccess {
  const concurrency = options.maxConcurrency ?? 4;
  let previousRequests = 0;
  // One client per call, so each call has its own deadline; counts add up across calls.
  async function withClient<T>(deadline: number | undefined, work: (client: JiraClient) => Promise<T>): Promise<T> {
    const clientOptions: JiraClientOptions = { ...options };
    if (deadline !== undefined) clientOptions.deadline = deadline;
    const client = createJiraClient(http, clientOptions);
    try {
      return await work(client);
    } finally {
      previousRequests += client.requestCount();
    }
  }

  return {
    fetchIssuePage: (request) =>
      withClient(request.deadline ?? options.deadline, async (client) => {
        const pageSize = Math.max(1, Math.min(SEARCH_MAX_PAGE, Math.floor(request.pageSize || options.defaultPageSize || 1000)));
        let jql: string;
        let jiraToken: string | undefined;
        if (request.pageToken) {
          ({ jql, jira: jiraToken } = decodePageToken(request.pageToken));
        } else {
          jql = await resolveSelectionJql(client, request.selection, request.ownerAccountId);
        }
        const body: Record<string, unknown> = { jql, maxResults: pageSize, fields: ['id'] };
        if (jiraToken !== undefined) body.nextPageToken = jiraToken;
        let page;
        try {
          page = await client.post('/rest/api/3/search/jql', body, searchIdsPageSchema, 'the issue search');
        } catch (error) {
          // Jira refuses a key that does not exist: for one issue, that is simply no issue,
          // answered exactly as an issue the owner may not browse.
          if (request.selection.kind === 'issue' && error instanceof JiraAccessError && error.code === 'JIRA_BAD_REQUEST') return { issues: [] };
          throw error;
        }
        const ids = page.issues.map((issue) => issue.id);
        const browsable = await keepBrowsableIssues(client, request.ownerAccountId, ids, concurrency);
        const issues = await fetchIssueHistories(client, browsable, request.fields, concurrency);
        const result: IssuePage = { issues };
        if (page.nextPageToken !== undefined && page.isLast !== true) result.nextPageToken = encodePageToken(jql, page.nextPageToken);
        return result;
      }),

    getStatuses: (call = {}) =>
      withClient(call.deadline ?? options.deadline, async (client) => {
        const statuses = await client.get('/rest/api/3/status', statusListSchema, 'the status list');
        return statuses.map((s) => ({ id: s.id, name: s.name, categoryKey: s.statusCategory?.key ?? 'undefined' }));
      }),

    requestCount: () => previousRequests,
  };
}
