// Paging through 2,500 issues returns each exactly once, with nextPageToken (list2) and
// with startIssueIndex (list), in every output type.
import { DEMO_ACCOUNTS, generateDataset } from '../../../dev/jira-emulator';
import { startTestHost, type TestHost } from '../../support/host-client';

let t: TestHost;
let token: string;
beforeAll(async () => {
  t = await startTestHost({ dataset: generateDataset({ seed: 7, issues: 2500, projects: 3 }) });
  token = (await t.call(DEMO_ACCOUNTS.alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
});
afterAll(async () => {
  await t.close();
});

const allKeys = () => t.host.emulator!.dataset.issues.map((issue) => issue.key).sort();
const JQL = encodeURIComponent('project in (SEC, SCRUM, OPS) ORDER BY key ASC');

describe('paging through 2,500 issues', () => {
  it('list2 + nextPageToken (jsonSimplified) returns each issue exactly once', async () => {
    const keys: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const response = await t.rest(
        `/rest/list2?customjql=${JQL}&pageSize=1000&outputType=jsonSimplified${next ? `&nextPageToken=${encodeURIComponent(next)}` : ''}`,
        { token },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { results: Array<{ Key: string }>; nextPageToken?: string };
      keys.push(...body.results.map((r) => r.Key));
      next = body.nextPageToken;
      pages += 1;
    } while (next !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(keys.length).toBe(2500);
    expect([...keys].sort()).toEqual(allKeys());
  });

  it('list + startIssueIndex (csv) returns each issue exactly once', async () => {
    const keys: string[] = [];
    for (let start = 0; start < 3000; start += 1000) {
      const response = await t.rest(`/rest/list?customjql=${JQL}&pageSize=1000&startIssueIndex=${start}&outputType=csv`, { token });
      expect(response.status).toBe(200);
      const lines = (await response.text()).trimEnd().split('\r\n').slice(1);
      keys.push(...lines.filter((line) => line.length > 0).map((line) => line.split(',')[0]!));
    }
    expect(keys.length).toBe(2500);
    expect([...keys].sort()).toEqual(allKeys());
  });

  it('one call without pageSize answers all 2,500', async () => {
    const response = await t.rest(`/rest/list?customjql=${JQL}&outputType=jsonSimplified`, { token });
    const body = (await response.json()) as { results: unknown[]; nextPageToken?: string };
    expect(body.results.length).toBe(2500);
    expect(body.nextPageToken).toBeUndefined();
  });
});
