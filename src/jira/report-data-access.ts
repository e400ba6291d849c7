// The data access a report runs on: the owner's issues with their history, streamed.
//   selection -> JQL (owner's view) -> ids (enhanced search, pages of up to 5000)
//   -> keep what the owner may browse -> fields + changelogs in bulk -> IssueHistory
// issue-stream.ts runs those stages as a pipeline; this module opens streams with their
// own client and deadline, and keeps the page-at-a-time call for simple callers.
import type { JiraHttp } from '../kernel/ports';
import type { StatusInfo } from '../engine';
import { AdaptiveLimiter, DEFAULT_MAX_IN_FLIGHT } from './adaptive-limiter';
import { createJiraClient, PRIORITY, type JiraClient, type JiraClientOptions } from './jira-client';
import { fieldListSchema, projectKeysPageSchema, statusListSchema } from './jira-schemas';
import { chunk } from './semaphore';
import type { IssueWithHistory, JiraField } from './issue-history-fetch';
import { resolveSelectionJql, type IssueSelection } from './issue-selection';
import { IssueStream, type StreamedIssue } from './issue-stream';
import { decodePosition, SEARCH_MAX_PAGE } from './page-position';
import { systemRuntime } from './jira-runtime';

/**
 * Bulk changelog answers are large (about 4 MB of JSON per 1000 issues): two at a time keep
 * a report's heap small, and the field fetches fill the other slots meanwhile.
 */
const CHANGELOG_CAP = new Map([[PRIORITY.changelog, 2]]);

/** Search pages are at least this large, so issues the owner may not browse cost no extra search. */
const SEARCH_MIN_PAGE = 1000;

/** Jira's cap on `id` values of one GET /rest/api/3/project/search. */
const PROJECT_SEARCH_IDS = 50;

export interface IssueStreamRequest {
  selection: IssueSelection;
  ownerAccountId: string;
  /** The token's project scope ([] or absent: every project the owner may browse). */
  projectKeys?: readonly string[];
  /** Issue fields the report shows besides the history (e.g. 'summary'). */
  fields: readonly string[];
  /** Fields whose changes the histories carry as otherChanges (at most MAX_HISTORY_FIELDS). */
  historyFields?: readonly string[];
  /** Name the fields on each issue (expand=names,schema on the bulk fetch): no field list call. */
  describeFields?: boolean;
  /** Browsable issues wanted to begin with (IssueStream.want raises it). */
  demand: number;
  /** The most issues the caller may read through this stream: sizes the search pages. */
  horizon?: number;
  /** From a previous page's nextPageToken. */
  pageToken?: string;
  /** Epoch ms after which no new stage starts (the first history batch always does). */
  softDeadline?: number;
  /** Epoch ms by which every Jira request must be done (web trigger: well inside 55 s). */
  deadline?: number;
}

export interface IssuePageRequest {
  selection: IssueSelection;
  ownerAccountId: string;
  fields: readonly string[];
  /** Most issues in the page (1..5000); fewer come back at the end of the set. */
  pageSize: number;
  pageToken?: string;
  deadline?: number;
}

export interface IssuePage {
  issues: IssueWithHistory[];
  nextPageToken?: string;
}

export interface IssueDataAccess {
  openIssueStream(request: IssueStreamRequest): IssueStream;
  fetchIssuePage(request: IssuePageRequest): Promise<IssuePage>;
  getStatuses(options?: { deadline?: number }): Promise<StatusInfo[]>;
  /** Every field Jira has (GET /rest/api/3/field): id, name and the type of its values. */
  getFields(options?: { deadline?: number }): Promise<JiraField[]>;
  /** Jira requests sent so far, retries included. */
  requestCount(): number;
}

export type IssueDataAccessOptions = JiraClientOptions;

export function createIssueDataAccess(http: JiraHttp, options: IssueDataAccessOptions = {}): IssueDataAccess {
  const runtime = options.runtime ?? systemRuntime;
  const clients = new Set<JiraClient>();
  let previousRequests = 0;
  function client(deadline: number | undefined, extra: Partial<JiraClientOptions> = {}): JiraClient {
    const clientOptions: JiraClientOptions = { ...options, ...extra };
    if (deadline !== undefined) clientOptions.deadline = deadline;
    const created = createJiraClient(http, clientOptions);
    clients.add(created);
    return created;
  }
  function retire(done: JiraClient): void {
    if (!clients.delete(done)) return;
    previousRequests += done.requestCount();
  }

  // One client per stream, so each has its own deadline and in-flight limit.
  function openIssueStream(request: IssueStreamRequest): IssueStream {
    const start = request.pageToken === undefined ? undefined : decodePosition(request.pageToken);
    const abort = new AbortController();
    const streamClient = client(request.deadline ?? options.deadline, {
      limiter: new AdaptiveLimiter(options.maxConcurrency ?? DEFAULT_MAX_IN_FLIGHT, 1, CHANGELOG_CAP),
      signal: abort.signal,
    });
    abort.signal.addEventListener('abort', () => retire(streamClient), { once: true });
    const horizon = Math.max(request.demand, request.horizon ?? request.demand);
    const size = start?.size ?? Math.min(SEARCH_MAX_PAGE, Math.max(SEARCH_MIN_PAGE, Math.floor(horizon)));
    const jql = start ? Promise.resolve(start.jql) : resolveSelectionJql(streamClient, request.selection, request.ownerAccountId);
    // A rejected JQL surfaces through the stream's first search; never as an unhandled rejection.
    jql.catch(() => undefined);
    return new IssueStream({
      client: streamClient,
      abort,
      ownerAccountId: request.ownerAccountId,
      projectKeys: request.projectKeys ?? [],
      fields: request.fields,
      ...(request.historyFields?.length ? { historyFields: request.historyFields } : {}),
      ...(request.describeFields ? { describeFields: true } : {}),
      jql,
      start: start ? { ...(start.jira === undefined ? {} : { jira: start.jira }), size: start.size, skip: start.skip } : { size, skip: 0 },
      singleIssue: request.selection.kind === 'issue' && start === undefined,
      demand: request.demand,
      ...(request.softDeadline === undefined ? {} : { softDeadline: request.softDeadline }),
      now: () => runtime.now(),
    });
  }

  return {
    openIssueStream,

    async fetchIssuePage(request) {
      const pageSize = Math.max(1, Math.min(SEARCH_MAX_PAGE, Math.floor(request.pageSize || 1000)));
      const streamRequest: IssueStreamRequest = {
        selection: request.selection,
        ownerAccountId: request.ownerAccountId,
        fields: request.fields,
        demand: pageSize,
      };
      if (request.pageToken !== undefined) streamRequest.pageToken = request.pageToken;
      if (request.deadline !== undefined) streamRequest.deadline = request.deadline;
      const stream = openIssueStream(streamRequest);
      try {
        const read: StreamedIssue[] = [];
        for (let batch = await stream.next(); batch !== undefined; batch = await stream.next()) read.push(...batch);
        const last = read[read.length - 1];
        const token = last ? stream.positionAfter(last) : stream.stateNow() === 'ended' ? undefined : request.pageToken;
        const page: IssuePage = { issues: read.map((item) => item.issue) };
        if (token !== undefined) page.nextPageToken = token;
        return page;
      } finally {
        stream.close();
      }
    },

    async getStatuses(call = {}) {
      const statusClient = client(call.deadline ?? options.deadline);
      try {
        const statuses = await statusClient.get('/rest/api/3/status', statusListSchema, 'the status list');
        const scoped = statuses.flatMap((s) => (s.scope?.type === 'PROJECT' && s.scope.project ? [s.scope.project] : []));
        const keys = new Map(scoped.flatMap((p) => (p.key === undefined ? [] : [[p.id, p.key] as const])));
        // Jira names a team-managed status's project by id: one project search per 50 ids, only when there are such statuses.
        const unnamed = [...new Set(scoped.filter((p) => !keys.has(p.id)).map((p) => p.id))];
        for (const ids of chunk(unnamed, PROJECT_SEARCH_IDS)) {
          const query = new URLSearchParams([...ids.map((id) => ['id', id]), ['maxResults', String(PROJECT_SEARCH_IDS)]]);
          const page = await statusClient.get(`/rest/api/3/project/search?${query.toString()}`, projectKeysPageSchema, 'the projects of team-managed statuses');
          for (const project of page.values) keys.set(project.id, project.key);
        }
        return statuses.map((s) => {
          const key = s.scope?.type === 'PROJECT' && s.scope.project ? keys.get(s.scope.project.id) : undefined;
          return { id: s.id, name: s.name, categoryKey: s.statusCategory?.key ?? 'undefined', ...(key === undefined ? {} : { scopeProjectKey: key }) };
        });
      } finally {
        retire(statusClient);
      }
    },

    async getFields(call = {}) {
      const fieldClient = client(call.deadline ?? options.deadline);
      try {
        const fields = await fieldClient.get('/rest/api/3/field', fieldListSchema, 'the field list');
        return fields.map((f) => ({ id: f.id, name: f.name, type: f.schema?.type, items: f.schema?.items }));
      } finally {
        retire(fieldClient);
      }
    },

    requestCount: () => previousRequests + [...clients].reduce((sum, live) => sum + live.requestCount(), 0),
  };
}
