// `npm run bench rest`: a 10,000-issue statusDuration report through the web trigger (and
// the same with fields=assignee,priority,labels: json for its size, csv, whose 10,000 issues'
// Jira requests must equal those without fields), with
// the Jira emulator in a process of its own (150 ms latency per call) and the local host in
// another, a fresh one per output type: wall time beside the critical-path floor of the
// app's Jira reads at its in-flight limit, Jira requests, response size, and the peak heap
// and RSS of the process that served the web trigger. Then the synchronous limit: a larger
// set in one call answers SYNC_ISSUE_LIMIT issues and pages.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { DEFAULT_MAX_IN_FLIGHT } from '../../src/jira';
import { SYNC_ISSUE_LIMIT, SYNC_SOFT_BUDGET_MS } from '../../src/reporting/report-service';
import { criticalPathFloor } from './critical-path';
import { mb, startEmulatorProcess, startHostProcess, type EmulatorProcess } from './processes/processes';

const LATENCY_MS = 150;
const RSS_TARGET_MB = 256;
/** Paths of the report's own reads; anything else the call sent (the token owner's lookup) ran before them. */
const REPORT_PATHS = [
  '/rest/api/3/search/jql',
  '/rest/api/3/permissions/check',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/changelog/bulkfetch',
  '/rest/api/3/status',
];

const diff = (after: Record<string, number>, before: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(after).flatMap(([path, n]) => (n - (before[path] ?? 0) > 0 ? [[path, n - (before[path] ?? 0)]] : [])));

/** Jira requests of one report, by path. */
type RequestsByPath = Record<string, number>;

async function report(emulator: EmulatorProcess, issues: number, outputType: string, extraQuery = ''): Promise<RequestsByPath> {
  const host = await startHostProcess(emulator.url);
  try {
    const token = await host.token(DEMO_ACCOUNTS.alice);
    await emulator.setFaults({ latencyMs: LATENCY_MS });
    const before = await emulator.counts();
    const beforeCpu = await host.memory();
    const jql = encodeURIComponent(`project in (${emulator.projects.join(', ')}) ORDER BY key`);
    const started = Date.now();
    const answer = await fetch(
      `${host.url}/webtrigger/rest-api/rest/list?customjql=${jql}&columnsBy=statusDuration&outputType=${outputType}${extraQuery ? `&${extraQuery}` : ''}`,
      {
        headers: { authorization: `TISJWT ${token}` },
      },
    );
    const body = await answer.text();
    const wallMs = Date.now() - started;
    await emulator.setFaults({});
    const after = await emulator.counts();
    const memory = await host.memory();
    const hostCpuMs = memory.cpuMs - beforeCpu.cpuMs;
    const byPath = diff(after.byPath, before.byPath);
    const requests = after.total - before.total;
    const serialBefore = Object.entries(byPath)
      .filter(([path]) => !REPORT_PATHS.includes(path))
      .reduce((n, [, count]) => n + count, 0);
    const answered = answer.headers.get('content-type')?.includes('json')
      ? (JSON.parse(body) as { results?: unknown[]; table?: { body: { rows: unknown[] } } })
      : undefined;
    const rows = answered?.results?.length ?? answered?.table?.body.rows.length ?? body.trimEnd().split('\r\n').length - 1;
    const floor = criticalPathFloor({ issues: rows, latencyMs: LATENCY_MS, concurrency: DEFAULT_MAX_IN_FLIGHT, serialBefore, changelogCap: 2 });
    console.log(
      `\n${issues.toLocaleString('en')} issues, ${outputType}${extraQuery ? ` with ${extraQuery}` : ''}: HTTP ${answer.status}, ${rows.toLocaleString('en')} issues answered${answer.headers.get('x-next-page-token') ? ', more pages follow' : ''}`,
    );
    console.log(
      `  wall ${(wallMs / 1000).toFixed(2)} s   critical-path floor ${(floor.ms / 1000).toFixed(2)} s at ${DEFAULT_MAX_IN_FLIGHT} in flight (${floor.rounds} rounds of ${LATENCY_MS} ms, ${floor.requests} requests)   ratio ${(wallMs / floor.ms).toFixed(2)}x (target <= 1.3x)`,
    );
    console.log(
      `  Jira requests ${requests} (${Object.entries(byPath)
        .map(([path, n]) => `${path.replace('/rest/api/3/', '')} ${n}`)
        .join(', ')})   response ${(body.length / 1024 / 1024).toFixed(2)} MB`,
    );
    console.log(
      `  web trigger process: peak heap ${mb(memory.peakHeapBytes)}, peak RSS ${mb(memory.maxRssBytes)} (target < ${RSS_TARGET_MB} MB; ${mb(host.startup.maxRssBytes)} after start-up under tsx)   CPU ${(hostCpuMs / 1000).toFixed(2)} s during the call`,
    );
    return byPath;
  } finally {
    await host.close();
  }
}

/**
 * `fields` ride on the bulk issue fetch the summary already needs, which also names them
 * (expand=names,schema): the same Jira requests, path by path, as the report without fields.
 */
function compareFieldRequests(without: RequestsByPath, withFields: RequestsByPath): void {
  const paths = [...new Set([...Object.keys(without), ...Object.keys(withFields)])].sort();
  const line = (path: string): string => `${path.replace('/rest/api/3/', '')} ${without[path] ?? 0} / ${withFields[path] ?? 0}`;
  const total = (counts: RequestsByPath): number => Object.values(counts).reduce((sum, n) => sum + n, 0);
  const equal = paths.every((path) => (without[path] ?? 0) === (withFields[path] ?? 0));
  console.log(`\nJira requests of the csv report without / with fields=assignee,priority,labels: ${paths.map(line).join(', ')}`);
  console.log(`  total ${total(without)} / ${total(withFields)}; equal: ${equal ? 'yes' : 'NO'}`);
}

async function warmUp(emulator: EmulatorProcess): Promise<void> {
  const host = await startHostProcess(emulator.url);
  try {
    const token = await host.token(DEMO_ACCOUNTS.alice);
    const jql = encodeURIComponent(`project in (${emulator.projects.join(', ')}) ORDER BY key`);
    const answer = await fetch(`${host.url}/webtrigger/rest-api/rest/list?customjql=${jql}&columnsBy=statusDuration&outputType=csv`, {
      headers: { authorization: `TISJWT ${token}` },
    });
    await answer.text();
  } finally {
    await host.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    `latency ${LATENCY_MS} ms per Jira call; at most ${DEFAULT_MAX_IN_FLIGHT} Jira requests in flight per report; synchronous limit ${SYNC_ISSUE_LIMIT.toLocaleString('en')} issues, soft time budget ${SYNC_SOFT_BUDGET_MS / 1000} s`,
  );
  const now = Date.UTC(2025, 5, 2);
  const emulator = await startEmulatorProcess({ seed: 42, issues: 10_000, now, spanDays: 4 * 365, projects: 3 });
  try {
    // The emulator renders each issue and change history once (dev/jira-emulator/rendered-cache.ts);
    // one unmeasured report first, so the figures are the app's, not the emulator's first rendering.
    await warmUp(emulator);
    const byOutput: Record<string, RequestsByPath> = {};
    for (const outputType of ['json', 'jsonSimplified', 'csv']) byOutput[outputType] = await report(emulator, 10_000, outputType);
    // json pages with fields hold fewer issues (syncIssueLimit): its size is measured, its requests are not compared.
    await report(emulator, 10_000, 'json', 'fields=assignee,priority,labels');
    compareFieldRequests(byOutput.csv ?? {}, await report(emulator, 10_000, 'csv', 'fields=assignee,priority,labels'));
  } finally {
    await emulator.close();
  }
  // Past the limit the call answers SYNC_ISSUE_LIMIT issues and pages (X-Next-Page-Token).
  const larger = await startEmulatorProcess({ seed: 42, issues: 25_000, now, spanDays: 4 * 365, projects: 3 });
  try {
    await warmUp(larger);
    await report(larger, 25_000, 'jsonSimplified');
  } finally {
    await larger.close();
  }
}
