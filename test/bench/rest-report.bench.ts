// `npm run bench rest`: a 10,000-issue statusDuration report through the web trigger on
// the local host, with 150 ms emulator latency per Jira call: wall time, Jira requests,
// response size, and the process's peak memory (the emulator runs in the same process,
// so the figure is an upper bound for the app). Then the synchronous limit: a larger set
// in one call, to see how many issues the time budget answers before it pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHost } from '../../dev/host/local-host';
import { DEMO_ACCOUNTS, generateDataset } from '../../dev/jira-emulator';
import { SYNC_ISSUE_LIMIT, SYNC_SOFT_BUDGET_MS } from '../../src/reporting/report-service';

const LATENCY_MS = 150;

async function report(issues: number, query: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-clock-bench-'));
  const now = Date.UTC(2025, 5, 2);
  const dataset = generateDataset({ seed: 42, issues, now, spanDays: 4 * 365, projects: 3 });
  const host = await startLocalHost({ port: 0, dataDir, dataset });
  try {
    const response = await fetch(`${host.url}/__forge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        functionKey: 'tokens/create',
        payload: { expiresAt: '2099-12-31' },
        accountId: DEMO_ACCOUNTS.alice,
        moduleKey: 'status-clock-user-page',
      }),
    });
    const created = (await response.json()) as { ok: boolean; data: { token: string } };
    const emulator = host.emulator!;
    emulator.setFaults({ latencyMs: LATENCY_MS });
    const before = emulator.requestCount();
    const jql = encodeURIComponent(`project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY key`);
    const started = Date.now();
    const answer = await fetch(`${host.url}/webtrigger/rest-api/rest/list?customjql=${jql}&columnsBy=statusDuration${query}`, {
      headers: { authorization: `TISJWT ${created.data.token}` },
    });
    const body = await answer.text();
    const wallMs = Date.now() - started;
    const requests = emulator.requestCount() - before;
    const answered = answer.headers.get('content-type')?.includes('json')
      ? (JSON.parse(body) as { results?: unknown[]; table?: { body: { rows: unknown[] } } })
      : undefined;
    const rows = answered?.results?.length ?? answered?.table?.body.rows.length ?? body.trimEnd().split('\r\n').length - 1;
    console.log(
      `\n${issues.toLocaleString('en')} issues${query ? ` (${query.slice(1)})` : ''}: HTTP ${answer.status}, ${rows.toLocaleString('en')} issues answered${answer.headers.get('x-next-page-token') ? ', more pages follow' : ''}`,
    );
    console.log(
      `  wall ${(wallMs / 1000).toFixed(2)} s   Jira requests ${requests}   response ${(body.length / 1024 / 1024).toFixed(2)} MB   ${((wallMs / Math.max(1, rows)) * 1000).toFixed(0)} ms per 1,000 issues`,
    );
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(
    `latency ${LATENCY_MS} ms per Jira call; synchronous limit ${SYNC_ISSUE_LIMIT.toLocaleString('en')} issues, soft time budget ${SYNC_SOFT_BUDGET_MS / 1000} s`,
  );
  await report(10_000, '');
  await report(10_000, '&outputType=jsonSimplified');
  await report(10_000, '&outputType=csv');
  // Past the limit the call answers SYNC_ISSUE_LIMIT issues and pages (X-Next-Page-Token).
  await report(25_000, '&outputType=jsonSimplified');
  console.log(`\npeak RSS of this process (host + emulator + data): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
