// `npm run bench export`: a 30,000-issue statusDuration export through the web trigger on
// the local host, with 150 ms emulator latency per Jira call: time from POST to completed,
// Jira requests, invocations, stored chunk bytes, download time per part, and the
// process's peak memory (host + emulator + data). Run twice: with Forge's invocation
// budget (one invocation does it all) and with a budget of one page per invocation, to
// show what resuming across invocations costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHost } from '../../dev/host/local-host';
import { DEMO_ACCOUNTS, generateDataset } from '../../dev/jira-emulator';
import type { ExportSettings } from '../../src/reporting/export-jobs/export-service';
import type { ExportStatusView } from '../../src/rest/routes/export-routes';

const LATENCY_MS = 150;
const ISSUES = 30_000;

async function exportOnce(label: string, exportSettings: Partial<ExportSettings>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-clock-bench-'));
  const now = Date.UTC(2025, 5, 2);
  const dataset = generateDataset({ seed: 42, issues: ISSUES, now, spanDays: 4 * 365, projects: 3 });
  const host = await startLocalHost({ port: 0, dataDir, dataset, exportSettings, restRateLimit: { limit: 1_000_000, windowSeconds: 60 } });
  try {
    const created = (await (
      await fetch(`${host.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          functionKey: 'tokens/create',
          payload: { expiresAt: '2099-12-31' },
          accountId: DEMO_ACCOUNTS.alice,
          moduleKey: 'status-clock-user-page',
        }),
      })
    ).json()) as { data: { token: string } };
    const auth = { authorization: `TISJWT ${created.data.token}` };
    const emulator = host.emulator!;
    emulator.setFaults({ latencyMs: LATENCY_MS });
    const before = emulator.requestCount();
    const base = `${host.url}/webtrigger/rest-api`;
    const started = Date.now();
    const body = new URLSearchParams({
      customjql: `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY key`,
      columnsBy: 'statusDuration',
      outputType: 'csv',
    });
    let view = (await (
      await fetch(`${base}/rest/export`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body })
    ).json()) as ExportStatusView;
    while (view.status === 'queued' || view.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (await (await fetch(`${base}/rest/export/${view.exportId}`, { headers: auth })).json()) as ExportStatusView;
    }
    const jobMs = Date.now() - started;
    const requests = emulator.requestCount() - before;
    const db = host.db;
    const job = await db.selectFrom('export_jobs').select(['invocations', 'chunk_count']).where('id', '=', view.exportId).executeTakeFirstOrThrow();
    const chunks = await db.selectFrom('export_chunks').select('body').where('export_id', '=', view.exportId).execute();
    const storedBytes = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.body, 'utf8'), 0);
    const downloadStarted = Date.now();
    let downloaded = 0;
    for (const link of view.downloadLinks) downloaded += (await (await fetch(link, { headers: auth })).arrayBuffer()).byteLength;
    const downloadMs = Date.now() - downloadStarted;
    console.log(`\n${label}: ${view.status}, ${view.total.toLocaleString('en')} issues`);
    console.log(
      `  POST to completed ${(jobMs / 1000).toFixed(1)} s (${((jobMs / Math.max(1, view.total)) * 1000).toFixed(0)} ms per 1,000 issues)   Jira requests ${requests} (${((requests / view.total) * 1000).toFixed(1)} per 1,000)   invocations ${job.invocations}`,
    );
    console.log(
      `  stored ${job.chunk_count} chunks, ${(storedBytes / 1024 / 1024).toFixed(1)} MB   download ${view.parts} parts, ${(downloaded / 1024 / 1024).toFixed(1)} MB CSV in ${(downloadMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`latency ${LATENCY_MS} ms per Jira call`);
  await exportOnce('Forge budget (780 s per invocation)', {});
  await exportOnce('one page of 1,000 issues per invocation', { softMs: 0 });
  console.log(`\npeak RSS of this process (host + emulator + data): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
