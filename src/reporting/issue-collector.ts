// Collects pages of the owner's issues from one issue stream (jira/issue-stream.ts),
// within a time budget. The stream reads ahead as a pipeline; the collector applies the
// report's filter and starting offset, stops at the page's limit, at the end of the set,
// or when the stream stopped for time, and hands back the position right after the last
// issue it took, so nothing read is lost and nothing is read twice.
import type { IssueDataAccess, IssueSelection, IssueStream, IssueWithHistory, StreamedIssue } from '../jira';
import { JiraAccessError } from '../kernel/errors';

export interface CollectRequest {
  selection: IssueSelection;
  ownerAccountId: string;
  /** The token's project scope, enforced where the owner's permissions are ([]: none). */
  projectKeys: readonly string[];
  fields: readonly string[];
  /** Fields whose changes the histories carry (historyFields). */
  historyFields?: readonly string[];
  /** Name the fields on the bulk fetches (IssueWithHistory.fieldDescriptions). */
  describeFields?: boolean;
  /** Issues to skip first (`startIssueIndex`): read and dropped, Jira has no offset. */
  skip: number;
  pageToken: string | undefined;
  /** Epoch ms: no new Jira stage starts after this. */
  softDeadline: number;
  /** Epoch ms: no Jira request runs past this (the data access's own deadline). */
  hardDeadline: number;
  /** Most issues the caller may read through this collection (sizes Jira's search pages). */
  horizon: number;
  /** Keeps an issue (e.g. the date range filter); dropped issues do not count towards limit. */
  keep?(issue: IssueWithHistory): boolean;
}

export interface CollectResult {
  issues: IssueWithHistory[];
  /** Present when Jira has more: pass it back as nextPageToken. */
  nextPageToken: string | undefined;
  /** True when the time budget, not the limit or the end of the set, ended the page. */
  stoppedForTime: boolean;
}

export interface IssueCollection {
  /** The next page of at most `limit` issues; pages follow each other without a gap. */
  page(limit: number): Promise<CollectResult>;
  close(): void;
}

export function openCollection(access: IssueDataAccess, request: CollectRequest): IssueCollection {
  const stream: IssueStream = access.openIssueStream({
    selection: request.selection,
    ownerAccountId: request.ownerAccountId,
    projectKeys: request.projectKeys,
    fields: request.fields,
    ...(request.historyFields?.length ? { historyFields: request.historyFields } : {}),
    ...(request.describeFields ? { describeFields: true } : {}),
    demand: 0,
    horizon: request.horizon + request.skip,
    ...(request.pageToken === undefined ? {} : { pageToken: request.pageToken }),
    softDeadline: request.softDeadline,
    deadline: request.hardDeadline,
  });
  const buffered: StreamedIssue[] = [];
  let toSkip = request.skip;
  let ended = false;
  /** The token of the position reached: where the next page starts. */
  let position = request.pageToken;

  async function page(limit: number): Promise<CollectResult> {
    const issues: IssueWithHistory[] = [];
    let tookAny = false;
    const take = (item: StreamedIssue): void => {
      tookAny = true;
      position = stream.positionAfter(item);
      if (request.keep && !request.keep(item.issue)) return;
      if (toSkip > 0) {
        toSkip -= 1;
        return;
      }
      issues.push(item.issue);
    };
    while (!ended) {
      while (buffered.length > 0 && issues.length < limit) take(buffered.shift()!);
      if (issues.length >= limit) return { issues, nextPageToken: position, stoppedForTime: false };
      stream.want(limit - issues.length + toSkip);
      let batch: StreamedIssue[] | undefined;
      try {
        batch = await stream.next();
      } catch (error) {
        // Some issues are already in hand: answer them and let the client continue.
        if (tookAny && error instanceof JiraAccessError && error.code === 'JIRA_TIME_BUDGET_EXCEEDED') {
          return { issues, nextPageToken: position, stoppedForTime: true };
        }
        throw error;
      }
      if (batch === undefined) {
        const state = stream.stateNow();
        if (state === 'ended') break;
        return { issues, nextPageToken: position, stoppedForTime: state === 'stopped-for-time' };
      }
      buffered.push(...batch);
    }
    ended = true;
    return { issues, nextPageToken: undefined, stoppedForTime: false };
  }

  return { page, close: () => stream.close() };
}
