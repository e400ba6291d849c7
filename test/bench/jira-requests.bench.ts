// `npm run bench jira`: Jira requests per 1,000 issues for a status-duration report's
// data (ids, owner permission filter, fields, status/assignee history, statuses) over
// generated data, beside the floor that the endpoints' page sizes allow.
import { createJiraOverHttp } from '../../dev/host/jira-over-http';
import { DEMO_ACCOUNTS, generateDataset, startJiraEmulator } from '../../dev/jira-emulator';
import type { JiraHttp } from '../../src/kernel/ports';
import { createIssueDataAccess, SEARCH_MAX_PAGE } from '../../src/jira';

const SIZES = [10_000, 100_000];

function countingHttp(inner: JiraHttp): JiraHttp & { byPath: Map<string, number> } {
  const byPath = new Map<string, number>();
  return {
    byPath,
    fetch(path, init) {
      const key = path.split('?')[0] ?? path;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
      return inner.fetch(path, init);
    },
  };
}

async function measure(issues: number): Promise<void> {
  const started = Date.now();
  const now = Date.UTC(2025, 5, 2);
  const dataset = generateDataset({ seed: 42, issues, now, spanDays: 4 * 365, projects: 3 });
  const histories = dataset.issues.reduce(
    (n, i) => n + i.changelog.filter((h) => h.items.some((it) => it.field === 'status' || it.field === 'assignee')).length,
    0,
  );
  const emulator = await startJiraEmulator({ dataset, now: () => now });
  try {
    const http = countingHttp(createJiraOverHttp({ baseUrl: emulator.url }));
    const access = createIssueDataAccess(http, { maxConcurrency: 4 });
    // Alice browses every project: the owner's view is the whole set, the hardest case.
    const selection = { kind: 'jql' as const, jql: `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY key` };
    let fetched = 0;
    let changes = 0;
    let pageToken: string | undefined;
    const fetchStart = Date.now();
    await access.getStatuses();
    do {
      const page = await access.fetchIssuePage({
        selection,
        ownerAccountId: DEMO_ACCOUNTS.alice,
        fields: [],
        pageSize: SEARCH_MAX_PAGE,
        ...(pageToken === undefined ? {} : { pageToken }),
      });
      fetched += page.issues.length;
      changes += page.issues.reduce((n, i) => n + i.history.changes.length, 0);
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    const fetchMs = Date.now() - fetchStart;
    const requests = [...http.byPath.values()].reduce((a, b) => a + b, 0);
    // The floor: each endpoint's largest page, nothing fetched twice.
    const floor = {
      search: Math.ceil(issues / SEARCH_MAX_PAGE),
      permissions: Math.ceil(issues / 1000),
      fields: Math.ceil(issues / 100),
      changelog: Math.max(Math.ceil(issues / 1000), Math.ceil(histories / 10_000)),
      statuses: 1,
    };
    const floorTotal = Object.values(floor).reduce((a, b) => a + b, 0);
    const per1000 = (n: number): string => ((n * 1000) / issues).toFixed(2);
    console.log(
      `\n${issues.toLocaleString('en')} issues (${histories.toLocaleString('en')} status/assignee histories, ${changes.toLocaleString('en')} changes) fetched ${fetched.toLocaleString('en')}`,
    );
    for (const [path, count] of [...http.byPath.entries()].sort())
      console.log(`  ${path.padEnd(36)} ${String(count).padStart(6)}  (${per1000(count)} per 1,000)`);
    console.log(
      `  requests per 1,000 issues: ${per1000(requests)}   floor: ${per1000(floorTotal)}   ratio: ${(requests / floorTotal).toFixed(3)}x (target <= 1.5x)`,
    );
    console.log(
      `  floor parts: ${Object.entries(floor)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(
      `  fetch wall time ${(fetchMs / 1000).toFixed(1)} s (local emulator, informative only); total incl. generation ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await emulator.close();
  }
}

export async function run(): Promise<void> {
  const sizes = process.env.JIRA_BENCH_SIZES ? process.env.JIRA_BENCH_SIZES.split(',').map(Number) : SIZES;
  for (const size of sizes) await measure(size);
}
