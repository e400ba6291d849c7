// Issues the token owner may not browse are filtered in bulk: a small page whose query
// matches hundreds of hidden issues first costs the same few Jira requests as one whose
// query matches none, so neither Jira's load nor the response time tells how many hidden
// issues a query matches. (Before the pipelined issue stream, each hidden issue cost a
// search and a permission check of its own: 488 requests for 243 hidden issues.)
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let carolToken: string;

beforeAll(async () => {
  // The first generated project (SEC) is for admins and the security team only: Carol may not browse it.
  t = await startTestHost({ dataset: generateDataset({ seed: 5, issues: 1500, projects: 3 }), restRateLimit: { limit: 100_000, windowSeconds: 60 } });
  carolToken = (await t.call(DEMO_ACCOUNTS.carol, 'tokens/create', { expiresAt: '2099-12-31' })).token;
  // Warm the report's status list cache, so every call below costs the same fixed part.
  expect((await t.rest('/rest/issue?issueKey=OPS-1', { token: carolToken })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

/** Jira requests one call makes, and its answer. */
async function requestsFor(path: string): Promise<{ requests: number; body: { results: Array<Record<string, string | null>>; nextPageToken?: string } }> {
  const before = t.host.emulator!.requestCount();
  const response = await t.rest(path, { token: carolToken });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { results: Array<Record<string, string | null>>; nextPageToken?: string };
  return { requests: t.host.emulator!.requestCount() - before, body };
}

const list2 = (jql: string, pageSize: number): string =>
  `/rest/list2?filterType=customjql&customjql=${encodeURIComponent(jql)}&outputType=jsonSimplified&pageSize=${pageSize}`;

describe('issues the owner may not browse', () => {
  const hiddenFirst = 'project in (SEC, OPS) ORDER BY project DESC, key ASC';
  const hiddenCount = (): number => t.host.emulator!.dataset.issues.filter((issue) => issue.projectKey === 'SEC').length;

  it('cost only their share of the bulk calls, far below 0.1 Jira requests each', async () => {
    expect(hiddenCount()).toBeGreaterThan(200);
    const { requests, body } = await requestsFor(list2(hiddenFirst, 1));
    expect(body.results).toHaveLength(1);
    expect(body.results[0]!.Key).toMatch(/^OPS-/);
    expect(requests / hiddenCount()).toBeLessThan(0.1);
    // A search page, a permission check, fields and changelog for one issue, plus the
    // token owner's lookup: a handful, whatever the hidden count.
    expect(requests).toBeLessThanOrEqual(6);
  });

  it('make a page cost no more Jira requests than a query without them', async () => {
    const visibleOnly = await requestsFor(list2('project = OPS ORDER BY key ASC', 1));
    const behindHidden = await requestsFor(list2(hiddenFirst, 1));
    expect(behindHidden.body.results[0]!.Key).toBe(visibleOnly.body.results[0]!.Key);
    expect(behindHidden.requests).toBe(visibleOnly.requests);
  });

  it('never show up, and paging past them loses no visible issue', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const path: string = token === undefined ? list2(hiddenFirst, 40) : `${list2(hiddenFirst, 40)}&nextPageToken=${encodeURIComponent(token)}`;
      const { body } = await requestsFor(path);
      keys.push(...body.results.map((row) => row.Key!));
      token = body.nextPageToken;
      pages += 1;
    } while (token !== undefined && pages < 100);
    const expected = t.host.emulator!.dataset.issues.filter((issue) => issue.projectKey === 'OPS' && issue.securityLevelId === null).map((issue) => issue.key);
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
