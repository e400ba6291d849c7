import { DEMO_ACCOUNTS, DEMO_FILTER_IDS } from '../../../dev/jira-emulator';
import { createIssueDataAccess, type IssueDataAccess, type IssueSelection } from '../../../src/jira';
import { JiraAccessError } from '../../../src/kernel/errors';
import { expectedHistory, fakeRuntime } from '../../support/jira-fakes';
import { useJiraEmulator } from '../../support/jira-emulator';

describe('issue data access against the emulator', () => {
  const jira = useJiraEmulator();
  const dataset = () => jira().emulator.dataset;
  const access = (): IssueDataAccess => createIssueDataAccess(jira().http, { runtime: fakeRuntime() });

  async function collect(selection: IssueSelection, owner: string, pageSize = 1000, data = access()): Promise<string[]> {
    const keys: string[] = [];
    let pageToken: string | undefined;
    do {
      const request: Parameters<IssueDataAccess['fetchIssuePage']>[0] = { selection, ownerAccountId: owner, fields: ['summary'], pageSize };
      if (pageToken !== undefined) request.pageToken = pageToken;
      const page = await data.fetchIssuePage(request);
      keys.push(...page.issues.map((i) => i.history.issueKey));
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    return keys.sort();
  }
  const keysWhere = (predicate: (i: ReturnType<typeof dataset>['issues'][number]) => boolean): string[] =>
    dataset()
      .issues.filter(predicate)
      .map((i) => i.key)
      .sort();

  it('returns each issue history exactly as the changelog tells it, with the requested fields', async () => {
    const page = await access().fetchIssuePage({
      selection: { kind: 'project', projectKey: 'SCRUM' },
      ownerAccountId: DEMO_ACCOUNTS.alice,
      fields: ['summary'],
      pageSize: 1000,
    });
    expect(page.nextPageToken).toBeUndefined();
    expect(page.issues.length).toBe(keysWhere((i) => i.projectKey === 'SCRUM').length);
    for (const issue of page.issues) {
      const sortedChanges = [...issue.history.changes];
      expect({ ...issue.history, changes: sortedChanges }).toEqual(expectedHistory(dataset(), issue.history.issueId));
      expect(issue.fields).toEqual({ summary: expect.any(String) });
    }
  });

  it('keeps only what the owner may browse: project grants, issue security, deactivation', async () => {
    const everything: IssueSelection = { kind: 'jql', jql: 'project in (SEC, SCRUM, OPS)' };
    expect(await collect(everything, DEMO_ACCOUNTS.alice)).toEqual(keysWhere(() => true));
    expect(await collect(everything, DEMO_ACCOUNTS.carol)).toEqual(keysWhere((i) => i.projectKey !== 'SEC' && i.securityLevelId === null));
    expect(await collect(everything, DEMO_ACCOUNTS.bob)).toEqual(keysWhere((i) => i.securityLevelId === null));
    expect(await collect(everything, DEMO_ACCOUNTS.dave)).toEqual([]);
    expect(await collect({ kind: 'project', projectKey: 'SEC' }, DEMO_ACCOUNTS.carol)).toEqual([]);
  });

  it('pages with its own token until Jira has no more', async () => {
    expect(await collect({ kind: 'jql', jql: 'project = SCRUM ORDER BY created DESC' }, DEMO_ACCOUNTS.alice, 7)).toEqual(
      keysWhere((i) => i.projectKey === 'SCRUM'),
    );
    await expect(
      access().fetchIssuePage({
        selection: { kind: 'project', projectKey: 'SCRUM' },
        ownerAccountId: DEMO_ACCOUNTS.alice,
        fields: [],
        pageSize: 5,
        pageToken: 'garbage',
      }),
    ).rejects.toMatchObject({ code: 'JIRA_BAD_REQUEST' });
  });

  it('reads currentUser() as the owner', async () => {
    const keys = await collect({ kind: 'jql', jql: 'assignee = currentUser() AND project in (SCRUM, OPS, SEC)' }, DEMO_ACCOUNTS.bob);
    expect(keys).toEqual(keysWhere((i) => i.assignee === DEMO_ACCOUNTS.bob && i.securityLevelId === null));
    expect(keys.length).toBeGreaterThan(0);
  });

  it('selects one issue by key', async () => {
    const issue = dataset().issues.find((i) => i.projectKey === 'OPS');
    if (!issue) throw new Error('no OPS issue');
    expect(await collect({ kind: 'issue', issueKey: issue.key }, DEMO_ACCOUNTS.carol)).toEqual([issue.key]);
  });

  it('uses saved filters the owner may see and refuses the others clearly', async () => {
    const bobs = await collect({ kind: 'filter', filterId: DEMO_FILTER_IDS.bobsPrivate }, DEMO_ACCOUNTS.bob);
    expect(bobs).toEqual(
      keysWhere(
        (i) =>
          i.assignee === DEMO_ACCOUNTS.bob &&
          i.securityLevelId === null &&
          ['new', 'indeterminate'].includes(dataset().statuses.find((s) => s.id === i.statusId)?.categoryKey ?? ''),
      ),
    );
    await expect(collect({ kind: 'filter', filterId: DEMO_FILTER_IDS.bobsPrivate }, DEMO_ACCOUNTS.carol)).rejects.toMatchObject({
      code: 'JIRA_NOT_FOUND',
      message: expect.stringContaining('not shared with the token owner'),
    });
    await expect(collect({ kind: 'filter', filterId: '99999' }, DEMO_ACCOUNTS.carol)).rejects.toMatchObject({ code: 'JIRA_NOT_FOUND' });
    const open = await collect({ kind: 'filter', filterId: DEMO_FILTER_IDS.openWork }, DEMO_ACCOUNTS.carol);
    expect(open.every((key) => !key.startsWith('SEC-'))).toBe(true);
  });

  it("passes Jira's own JQL errors on as JIRA_BAD_REQUEST with Jira's messages", async () => {
    const failure = await collect({ kind: 'jql', jql: 'project = ' }, DEMO_ACCOUNTS.alice).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(JiraAccessError);
    if (!(failure instanceof JiraAccessError)) return;
    expect(failure.code).toBe('JIRA_BAD_REQUEST');
    expect(failure.status).toBe(400);
    expect(failure.jiraMessages).toEqual([expect.stringContaining('Error in the JQL Query')]);
    expect(failure.message).toContain('Error in the JQL Query');
    await expect(collect({ kind: 'jql', jql: 'issue in watchedIssues()' }, DEMO_ACCOUNTS.alice)).rejects.toMatchObject({ code: 'JIRA_BAD_REQUEST' });
  });

  it('lists statuses with their categories', async () => {
    expect(await access().getStatuses()).toEqual(
      expect.arrayContaining([
        { id: '10002', name: 'Done', categoryKey: 'done' },
        { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
      ]),
    );
  });
});

describe('issue data access under faults', () => {
  const jira = useJiraEmulator();
  afterEach(() => jira().emulator.setFaults({}));
  const selection: IssueSelection = { kind: 'project', projectKey: 'SCRUM' };
  const request = { selection, ownerAccountId: DEMO_ACCOUNTS.alice, fields: [], pageSize: 1000 };
  const expectedCount = () => jira().emulator.dataset.issues.filter((i) => i.projectKey === 'SCRUM').length;

  it('waits as Retry-After says through a 429 burst, with jitter, and then succeeds', async () => {
    const runtime = fakeRuntime();
    jira().emulator.setFaults({ rateLimit: { count: 3, retryAfterSeconds: 2 } });
    const page = await createIssueDataAccess(jira().http, { runtime, maxConcurrency: 1 }).fetchIssuePage(request);
    expect(page.issues.length).toBe(expectedCount());
    expect(runtime.sleeps).toHaveLength(3);
    for (const wait of runtime.sleeps) expect(wait).toBeGreaterThanOrEqual(2000);
  });

  it('retries 503s and dropped connections', async () => {
    jira().emulator.setFaults({ serverErrors: { count: 2, status: 503, retryAfterSeconds: 1 } });
    expect((await createIssueDataAccess(jira().http, { runtime: fakeRuntime() }).fetchIssuePage(request)).issues.length).toBe(expectedCount());
    jira().emulator.setFaults({ dropConnections: { count: 2 } });
    expect((await createIssueDataAccess(jira().http, { runtime: fakeRuntime() }).fetchIssuePage(request)).issues.length).toBe(expectedCount());
  });

  it('gives up with typed errors when retries run out', async () => {
    jira().emulator.setFaults({ rateLimit: { count: 1000, retryAfterSeconds: 1 } });
    await expect(createIssueDataAccess(jira().http, { runtime: fakeRuntime(), maxAttempts: 3 }).fetchIssuePage(request)).rejects.toMatchObject({
      code: 'JIRA_RATE_LIMITED',
    });
    jira().emulator.setFaults({ serverErrors: { count: 1000, status: 500 } });
    await expect(createIssueDataAccess(jira().http, { runtime: fakeRuntime(), maxAttempts: 3 }).fetchIssuePage(request)).rejects.toMatchObject({
      code: 'JIRA_UNAVAILABLE',
    });
  });

  it('fails clearly when the time budget would be exceeded instead of overrunning it', async () => {
    const runtime = fakeRuntime();
    jira().emulator.setFaults({ rateLimit: { count: 1000, retryAfterSeconds: 30 } });
    const access = createIssueDataAccess(jira().http, { runtime });
    await expect(access.fetchIssuePage({ ...request, deadline: runtime.now() + 50_000 })).rejects.toMatchObject({ code: 'JIRA_TIME_BUDGET_EXCEEDED' });
    // It never slept past the deadline.
    expect(runtime.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(50_000);
  });
});
