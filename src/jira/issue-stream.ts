// The owner's issues in result order, read as a pipeline: while later search pages load,
// the ids already found are permission-checked (1000 a call) and the browsable ones get
// their fields and changelogs (one batch of up to 1000 issues: 10 bulk field calls and one
// bulk changelog call). Every stage shares one adaptive in-flight limit, the critical
// path first. Hidden issues cost only their share of the bulk calls, never a call each.
//
// The consumer states a demand (browsable issues wanted so far) and may raise it; no
// changelog is fetched past it, so a page of 10 issues costs one history batch of 10.
// After the soft deadline nothing new starts (but the first history batch always does),
// so a synchronous call answers what it has and hands back a position to continue from.
import type { JiraClient } from './jira-client';
import { PRIORITY } from './jira-client';
import { JiraAccessError } from '../kernel/errors';
import { CHANGELOG_BATCH_ISSUES, fetchIssueHistories, type IssueWithHistory } from './issue-history-fetch';
import { keepIssuesInView, PERMISSION_CHECK_BATCH } from './owner-permissions';
import { encodePosition, type PagePosition } from './page-position';
import { searchIdsPageSchema } from './jira-schemas';

interface SearchPage {
  /** Jira's token this page was read with (undefined: the first page). */
  start: string | undefined;
  size: number;
  ids: string[];
  /** Jira's token for the next page; undefined when this page is the last. */
  next: string | undefined;
}

interface RawId {
  id: string;
  page: SearchPage;
  index: number;
}

/** One issue and where it lies in Jira's result, for the position after it. */
export interface StreamedIssue {
  issue: IssueWithHistory;
  page: SearchPage;
  index: number;
}

export interface IssueStreamSetup {
  client: JiraClient;
  /** Aborts the client's waiting requests when the stream closes. */
  abort: AbortController;
  ownerAccountId: string;
  /** The token's project scope: only issues of these projects pass ([]: every browsable project). */
  projectKeys: readonly string[];
  fields: readonly string[];
  /** Fields whose changelog items the histories carry besides status and assignee. */
  historyFields?: readonly string[];
  /** Ask Jira for the fields' names and schemas on the bulk fetches (IssueWithHistory.fieldDescriptions). */
  describeFields?: boolean;
  /** The JQL in the owner's view (resolving a saved filter may need Jira first). */
  jql: Promise<string>;
  /** Where to start: Jira's page token, page size and ids of that page already read. */
  start: Omit<PagePosition, 'jql'>;
  /** One issue by key: Jira refusing the key means no issue, not a bad request. */
  singleIssue: boolean;
  demand: number;
  softDeadline?: number;
  now(): number;
}

export type StreamState = 'reading' | 'demand-met' | 'ended' | 'stopped-for-time';

interface Stage<T> {
  done: boolean;
  failed?: Error;
  value?: T;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class IssueStream {
  private readonly raw: RawId[] = [];
  private readonly checks: Array<Stage<RawId[]> & { size: number }> = [];
  private readonly browsable: RawId[] = [];
  private readonly batches: Array<Stage<StreamedIssue[]> & { size: number }> = [];
  private pendingRaw = 0;
  /** Browsable ids given to history batches, and those of the batches handed out. */
  private assigned = 0;
  private handed = 0;
  private demand: number;
  private searching = false;
  private nextSearch: { jira: string | undefined } | 'end';
  private firstPage = true;
  private failure: Error | undefined;
  private historyStarted = 0;
  private closed = false;
  private jql = '';
  private waiters: Array<() => void> = [];
  private state: StreamState = 'reading';

  constructor(private readonly setup: IssueStreamSetup) {
    this.demand = setup.demand;
    this.nextSearch = { jira: setup.start.jira };
    this.pump();
  }

  /** Why the last next() gave nothing: the set ended, the demand was met, or time ran out. */
  stateNow(): StreamState {
    return this.state;
  }

  /** Asks for `more` browsable issues beyond those next() has handed out (pending ones count). */
  want(more: number): void {
    const total = this.handed + Math.max(0, more);
    if (total <= this.demand) return;
    this.demand = total;
    this.pump();
  }

  /** The next issues in order, or undefined when nothing more is coming (see stateNow). */
  async next(): Promise<StreamedIssue[] | undefined> {
    for (;;) {
      this.pump();
      const head = this.batches[0];
      if (head?.failed !== undefined) throw head.failed;
      if (head?.done) {
        this.batches.shift();
        this.handed += head.size;
        return head.value ?? [];
      }
      if (head === undefined) {
        if (this.failure !== undefined) throw this.failure;
        const settled = this.idleReason();
        if (settled !== undefined) {
          this.state = settled;
          return undefined;
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Our page token continuing right after `item`; undefined when nothing follows it. */
  positionAfter(item: StreamedIssue): string | undefined {
    const { page, index } = item;
    if (index + 1 < page.ids.length) return this.encode(page.start, page.size, index + 1);
    return page.next === undefined ? undefined : this.encode(page.next, page.size, 0);
  }

  /** Stops starting requests; those waiting for a slot fail at once, results are dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.setup.abort.abort();
    this.wake();
  }

  private encode(jira: string | undefined, size: number, skip: number): string {
    return encodePosition(jira === undefined ? { jql: this.jql, size, skip } : { jql: this.jql, jira, size, skip });
  }

  private canStart(): boolean {
    if (this.closed || this.failure !== undefined) return false;
    const soft = this.setup.softDeadline;
    return soft === undefined || this.historyStarted === 0 || this.setup.now() < soft;
  }

  /** Why nothing more will come without a new demand, or undefined while work is under way. */
  private idleReason(): StreamState | undefined {
    const checking = this.checks.length > 0 || this.searching;
    if (this.nextSearch === 'end' && !checking && this.raw.length === 0 && this.browsable.length === 0) return 'ended';
    // Past the soft deadline (the first history batch always starts, so this is after it).
    if (!this.canStart()) return 'stopped-for-time';
    if (this.assigned >= this.demand) return 'demand-met';
    return undefined;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private fail(error: unknown): void {
    this.failure ??= asError(error);
    this.wake();
  }

  /** Starts whatever the demand and the deadline allow, critical path first. */
  private pump(): void {
    while (this.checks[0]?.done) {
      const check = this.checks.shift();
      this.browsable.push(...(check?.value ?? []));
    }
    while (this.canStart() && this.assigned < this.demand && this.browsable.length > 0) {
      const size = Math.min(CHANGELOG_BATCH_ISSUES, this.demand - this.assigned, this.browsable.length);
      this.startHistory(this.browsable.splice(0, size));
    }
    // Permission checks run a little ahead of the demand: they are cheap, one per 1000 ids.
    const checkAhead = Math.min(this.demand, PERMISSION_CHECK_BATCH);
    while (this.canStart() && this.raw.length > 0 && this.assigned + this.browsable.length + this.pendingRaw < this.demand + checkAhead) {
      this.startCheck(this.raw.splice(0, PERMISSION_CHECK_BATCH));
    }
    const known = this.assigned + this.browsable.length + this.pendingRaw + this.raw.length;
    if (this.canStart() && !this.searching && this.nextSearch !== 'end' && known < this.demand) this.startSearch(this.nextSearch.jira);
    this.wake();
  }

  private startSearch(jira: string | undefined): void {
    this.searching = true;
    const size = this.setup.start.size;
    const read = async (): Promise<void> => {
      this.jql = await this.setup.jql;
      const body: Record<string, unknown> = { jql: this.jql, maxResults: size, fields: ['id'] };
      if (jira !== undefined) body.nextPageToken = jira;
      let result;
      try {
        result = await this.setup.client.post('/rest/api/3/search/jql', body, searchIdsPageSchema, 'the issue search', PRIORITY.search);
      } catch (error) {
        // Jira refuses a key that does not exist: for one issue, that is simply no issue,
        // answered exactly as an issue the owner may not browse.
        if (this.setup.singleIssue && error instanceof JiraAccessError && error.code === 'JIRA_BAD_REQUEST') {
          this.nextSearch = 'end';
          return;
        }
        throw error;
      }
      const page: SearchPage = {
        start: jira,
        size,
        ids: result.issues.map((issue) => issue.id),
        next: result.nextPageToken !== undefined && result.isLast !== true ? result.nextPageToken : undefined,
      };
      const from = this.firstPage ? this.setup.start.skip : 0;
      this.firstPage = false;
      for (let index = from; index < page.ids.length; index += 1) this.raw.push({ id: page.ids[index]!, page, index });
      this.nextSearch = page.next === undefined ? 'end' : { jira: page.next };
    };
    read().then(
      () => {
        this.searching = false;
        this.pump();
      },
      (error: unknown) => {
        this.searching = false;
        this.fail(error);
      },
    );
  }

  private startCheck(items: RawId[]): void {
    const check: Stage<RawId[]> & { size: number } = { done: false, size: items.length };
    this.checks.push(check);
    this.pendingRaw += items.length;
    const ids = items.map((item) => item.id);
    keepIssuesInView(this.setup.client, { ownerAccountId: this.setup.ownerAccountId, projectKeys: this.setup.projectKeys }, ids, 1).then(
      (kept) => {
        const allowed = new Set(kept);
        check.value = items.filter((item) => allowed.has(item.id));
        check.done = true;
        this.pendingRaw -= check.size;
        this.pump();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private startHistory(items: RawId[]): void {
    this.historyStarted += 1;
    this.assigned += items.length;
    const batch: Stage<StreamedIssue[]> & { size: number } = { done: false, size: items.length };
    this.batches.push(batch);
    const where = new Map(items.map((item) => [item.id, item]));
    // Bulk fields run 100 a call; the client's limit, not mapBounded, bounds them.
    fetchIssueHistories(this.setup.client, [...where.keys()], this.setup.fields, Number.POSITIVE_INFINITY, {
      historyFields: this.setup.historyFields ?? [],
      describeFields: this.setup.describeFields === true,
    }).then(
      (issues) => {
        batch.value = issues.flatMap((issue) => {
          const at = where.get(issue.history.issueId);
          return at ? [{ issue, page: at.page, index: at.index }] : [];
        });
        batch.done = true;
        this.pump();
      },
      (error: unknown) => {
        batch.failed = asError(error);
        this.wake();
      },
    );
  }
}
