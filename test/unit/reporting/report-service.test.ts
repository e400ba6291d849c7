// One clock: the synchronous time budget runs on the injected Clock, and so do the Jira
// client's deadlines. A Jira whose every request takes 10 s on that clock spends the soft
// budget (the page ends early with a nextPageToken) or the hard one (JIRA_BUSY when no
// issue came back); with the clock frozen the very same request collects everything.
import { createJiraOverHttp } from '../../../dev/host/jira-over-http';
import { DEMO_ACCOUNTS, generateDataset, startJiraEmulator, type RunningEmulator } from '../../../dev/jira-emulator';
import { createIssueDataAccess, createJiraUserDirectory, jiraRuntimeOn } from '../../../src/jira';
import { JiraAccessError, RetryLaterError } from '../../../src/kernel/errors';
import type { Clock, JiraHttp } from '../../../src/kernel/ports';
import { JIRA_BUSY_RETRY_AFTER_SECONDS } from '../../../src/reporting/jira-failure';
import { parseReportParams, type RawParams } from '../../../src/reporting/report-params';
import { createReportService, SYNC_ISSUE_LIMIT, SYNC_SOFT_BUDGET_MS, syncIssueLimit, type SyncBudget } from '../../../src/reporting/report-service';
import { TEST_NOW } from '../../support/jira-emulator';

/** How long each Jira request takes on the test's clock. */
const REQUEST_MS = 10_000;
/** More than the collector's first chunk (1000 issues), so a page needs two chunks. */
const ISSUES = 1100;

let emulator: RunningEmulator;
beforeAll(async () => {
  // One project: every issue is in SEC, and the owner may browse them all.
  emulator = await startJiraEmulator({ dataset: generateDataset({ seed: 17, issues: ISSUES, projects: 1, now: TEST_NOW }), now: () => TEST_NOW });
});
afterAll(() => emulator.close());

/** A clock the test moves, and a Jira whose requests advance it (or not, when frozen). */
function setup(options: { ticking: boolean; syncBudget?: SyncBudget }) {
  let now = TEST_NOW;
  /** When each Jira request started, in ms since the test's start. */
  const starts: number[] = [];
  const paths: string[] = [];
  const clock: Clock = { now: () => now };
  const overHttp = createJiraOverHttp({ baseUrl: emulator.url });
  const jira: JiraHttp = {
    async fetch(path, init) {
      starts.push(now - TEST_NOW);
      paths.push(path);
      const response = await overHttp.fetch(path, init);
      if (options.ticking) now += REQUEST_MS;
      return response;
    },
  };
  // Wired as the composition root wires it: the Jira client's runtime is the same clock.
  const runtime = jiraRuntimeOn(clock);
  const reports = createReportService({
    access: createIssueDataAccess(jira, { runtime }),
    config: { listCalendars: () => Promise.resolve([]), listStatusGroups: () => Promise.resolve([]) },
    users: createJiraUserDirectory(jira, { runtime }),
    clock,
    ...(options.syncBudget ? { syncBudget: options.syncBudget } : {}),
  });
  const run = (extra: RawParams = {}) =>
    reports.runSynchronous({ ownerAccountId: DEMO_ACCOUNTS.alice, params: parseReportParams({ projectKey: ['SEC'], ...extra }), limit: SYNC_ISSUE_LIMIT });
  const aggregate = (extra: RawParams = {}) =>
    reports.aggregateSynchronous({
      ownerAccountId: DEMO_ACCOUNTS.alice,
      params: parseReportParams({ projectKey: ['SEC'], aggregationType: ['sum'], ...extra }),
    });
  return { run, aggregate, elapsed: () => now - TEST_NOW, requests: () => starts.length, starts, paths };
}

const keysOf = (page: Awaited<ReturnType<ReturnType<typeof setup>['run']>>): string[] => page.table.rows.map((row) => row.issueKey);

describe('report service: one clock', () => {
  it('with the clock frozen, collects every issue in one page: no budget trips however many requests Jira takes', async () => {
    const frozen = setup({ ticking: false });
    const page = await frozen.run();
    expect(page.issueCount).toBe(ISSUES);
    expect(page.nextPageToken).toBeUndefined();
    expect(new Set(keysOf(page)).size).toBe(ISSUES);
    // At 10 s each these requests would have spent the 35 s budget several times over.
    expect(frozen.requests() * REQUEST_MS).toBeGreaterThan(SYNC_SOFT_BUDGET_MS * 2);
    expect(frozen.elapsed()).toBe(0);
  });

  it('ends a page early for time, with a nextPageToken, once the soft budget is spent', async () => {
    // The soft budget is spent inside the first chunk; the hard one leaves that chunk room.
    const slow = setup({ ticking: true, syncBudget: { softMs: 3 * REQUEST_MS, hardMs: 60 * 60_000 } });
    const first = await slow.run();
    expect(first.issueCount).toBeGreaterThan(0);
    expect(first.issueCount).toBeLessThan(ISSUES);
    expect(first.nextPageToken).toEqual(expect.any(String));
    // Every request moved the one clock: the budget was measured on it, not on Date.now().
    expect(slow.elapsed()).toBe(slow.requests() * REQUEST_MS);
    expect(slow.elapsed()).toBeGreaterThan(3 * REQUEST_MS);
    // The first chunk was finished, and no request started for a second one.
    expect(first.issueCount).toBe(1000);
    expect(slow.paths.filter((path) => path.startsWith('/rest/api/3/search')).length).toBe(1);

    // The token continues where the page stopped: together the pages hold every issue once.
    const frozen = setup({ ticking: false });
    const rest = await frozen.run({ nextPageToken: [first.nextPageToken ?? ''] });
    expect(rest.nextPageToken).toBeUndefined();
    const keys = [...keysOf(first), ...keysOf(rest)];
    expect(keys).toHaveLength(ISSUES);
    expect(new Set(keys).size).toBe(ISSUES);
  });

  it('answers JIRA_BUSY (RetryLaterError) when the hard budget runs out before any issue is collected', async () => {
    // The production budget (35 s soft, 45 s hard): five 10 s requests do not fit.
    const slow = setup({ ticking: true });
    let thrown: unknown;
    try {
      await slow.run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RetryLaterError);
    const error = thrown as RetryLaterError;
    expect(error.code).toBe('JIRA_BUSY');
    expect(error.retryAfterSeconds).toBe(JIRA_BUSY_RETRY_AFTER_SECONDS);
    expect(error.cause).toBeInstanceOf(JiraAccessError);
    expect((error.cause as JiraAccessError).code).toBe('JIRA_TIME_BUDGET_EXCEEDED');
    // Requests ran up to the hard deadline (45 s) and none started after it.
    expect(Math.max(...slow.starts)).toBeLessThan(45_000);
    expect(Math.max(...slow.starts)).toBeGreaterThanOrEqual(45_000 - REQUEST_MS);
  });

  it('trips the hard budget of a custom syncBudget the same way', async () => {
    const slow = setup({ ticking: true, syncBudget: { softMs: REQUEST_MS, hardMs: 2 * REQUEST_MS } });
    await expect(slow.run()).rejects.toMatchObject({ code: 'JIRA_BUSY' });
    // The status list and the search (read side by side since the reads are pipelined)
    // fit in 20 s; nothing started after it.
    expect(slow.starts).toHaveLength(2);
    expect(Math.max(...slow.starts)).toBeLessThan(2 * REQUEST_MS);
  });
});

describe('report service: aggregation reads the whole selection or refuses', () => {
  it('aggregates every issue when the set fits in one call', async () => {
    const { rendered, issueCount } = await setup({ ticking: false }).aggregate();
    expect(issueCount).toBe(ISSUES);
    expect((JSON.parse(rendered.body) as { issueCount: number }).issueCount).toBe(ISSUES);
  });

  it('is a 400 naming the selection when the time budget ends the read early (never a statistic of part of the set)', async () => {
    const slow = setup({ ticking: true, syncBudget: { softMs: 3 * REQUEST_MS, hardMs: 60 * 60_000 } });
    await expect(slow.aggregate()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ field: 'projectKey', message: expect.stringMatching(/^selects more issues than one aggregation reads in time \(1000 read\)/) as unknown }],
    });
  });
});

describe('syncIssueLimit', () => {
  it('keeps the plain limit without field columns or outside json, and shrinks json pages with fields', () => {
    const params = (outputType: 'json' | 'csv', fields: string[]) => ({ outputType, fields, groupByFields: [] });
    expect(syncIssueLimit(params('json', []))).toBe(SYNC_ISSUE_LIMIT);
    expect(syncIssueLimit(params('csv', ['a', 'b', 'c']))).toBe(SYNC_ISSUE_LIMIT);
    expect(syncIssueLimit(params('json', ['assignee', 'priority', 'labels']))).toBe(7200);
    expect(
      syncIssueLimit({
        outputType: 'json',
        fields: Array.from({ length: 50 }, (_, i) => `f${i}`),
        groupByFields: Array.from({ length: 50 }, (_, i) => `g${i}`),
      }),
    ).toBe(1000);
    expect(syncIssueLimit({ outputType: 'json', fields: Array.from({ length: 50 }, (_, i) => `f${i}`), groupByFields: [] })).toBe(1300);
  });
});
