// Collects a page of the owner's issues within a time budget. Jira pages by token only,
// so the collector asks the data access for chunks, measures how long each took, and
// sizes the next chunk to what still fits before the deadline; when the budget runs out
// it stops and hands back the token to continue from, instead of failing the request.
import { SEARCH_MAX_PAGE, type IssueDataAccess, type IssueSelection, type IssueWithHistory } from '../jira';
import { JiraAccessError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';

export interface CollectRequest {
  selection: IssueSelection;
  ownerAccountId: string;
  fields: readonly string[];
  /** Most issues to return. */
  limit: number;
  /** Issues to skip first (`startIssueIndex`): read and dropped, Jira has no offset. */
  skip: number;
  pageToken: string | undefined;
  /** Epoch ms: no new chunk starts after this. */
  softDeadline: number;
  /** Epoch ms: no Jira request runs past this (the data access's own deadline). */
  hardDeadline: number;
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

/** First chunk: small enough to finish quickly, large enough to measure. */
const FIRST_CHUNK = 1000;

export async function collectIssues(access: IssueDataAccess, request: CollectRequest, clock: Clock): Promise<CollectResult> {
  const now = (): number => clock.now();
  const issues: IssueWithHistory[] = [];
  let token = request.pageToken;
  let toSkip = request.skip;
  let msPerIssue: number | undefined;
  let first = true;
  while (first || token !== undefined) {
    const wanted = request.limit - issues.length + toSkip;
    if (wanted <= 0) break;
    const timeLeft = request.softDeadline - now();
    let size = Math.min(wanted, SEARCH_MAX_PAGE, msPerIssue === undefined ? FIRST_CHUNK : Math.floor(timeLeft / msPerIssue));
    if (!first && (timeLeft <= 0 || size < 1)) return { issues, nextPageToken: token, stoppedForTime: true };
    size = Math.max(1, size);
    const started = now();
    let page;
    try {
      page = await access.fetchIssuePage({
        selection: request.selection,
        ownerAccountId: request.ownerAccountId,
        fields: request.fields,
        pageSize: size,
        ...(token !== undefined ? { pageToken: token } : {}),
        deadline: request.hardDeadline,
      });
    } catch (error) {
      // Some issues are already in hand: answer them and let the client continue.
      if (!first && error instanceof JiraAccessError && error.code === 'JIRA_TIME_BUDGET_EXCEEDED') {
        return { issues, nextPageToken: token, stoppedForTime: true };
      }
      throw error;
    }
    first = false;
    const elapsed = Math.max(1, now() - started);
    // Measured per requested issue; the next chunk gets 80% of what the rate allows.
    msPerIssue = (elapsed / size) * 1.25;
    // Requested no more than skip + remaining, so nothing read here is ever lost.
    for (const issue of page.issues) {
      if (request.keep && !request.keep(issue)) continue;
      if (toSkip > 0) {
        toSkip -= 1;
        continue;
      }
      issues.push(issue);
    }
    token = page.nextPageToken;
  }
  return { issues, nextPageToken: token, stoppedForTime: false };
}
