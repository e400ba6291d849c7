// The local host in a process of its own, on a Jira emulator elsewhere (STATUS_CLOCK_JIRA):
// the process that serves the web trigger, as a Forge function would. It samples its own
// heap (every 2 ms, and as each response is written, when the body and the table
// are both still alive) and reports its peak heap and peak RSS when the parent asks.
import { ServerResponse } from 'node:http';
import { getHeapStatistics } from 'node:v8';
import { startLocalHost } from '../../../dev/host/local-host';

let peakHeap = 0;
const sample = (): void => {
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
};

type Message = { type: 'memory' } | { type: 'export'; id: string } | { type: 'stop' };

async function main(): Promise<void> {
  const end = Reflect.get(ServerResponse.prototype, 'end') as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  ServerResponse.prototype.end = function patchedEnd(this: ServerResponse, ...args: unknown[]) {
    sample();
    return end.apply(this, args);
  } as ServerResponse['end'];
  const sampler = setInterval(sample, 2);
  sampler.unref();
  const host = await startLocalHost({
    port: 0,
    dataDir: process.env.STATUS_CLOCK_DATA ?? '',
    jiraBaseUrl: process.env.STATUS_CLOCK_JIRA ?? '',
    restRateLimit: { limit: 1_000_000, windowSeconds: 60 },
    ...(process.env.STATUS_CLOCK_EXPORT ? { exportSettings: JSON.parse(process.env.STATUS_CLOCK_EXPORT) as object } : {}),
  });
  process.on('message', (message: Message) => {
    if (message.type === 'memory') {
      sample();
      const cpu = process.cpuUsage();
      process.send?.({ type: 'memory', peakHeapBytes: peakHeap, maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (message.type === 'export') {
      void (async () => {
        const job = await host.db.selectFrom('export_jobs').select(['invocations', 'chunk_count']).where('id', '=', message.id).executeTakeFirstOrThrow();
        const chunks = await host.db.selectFrom('export_chunks').select('body').where('export_id', '=', message.id).execute();
        const storedBytes = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.body, 'utf8'), 0);
        process.send?.({ type: 'export', invocations: Number(job.invocations), chunks: Number(job.chunk_count), storedBytes });
      })();
    } else {
      void host.close().then(() => process.exit(0));
    }
  });
  sample();
  const cpu = process.cpuUsage();
  process.send?.({
    type: 'ready',
    url: host.url,
    startupPeakHeapBytes: peakHeap,
    startupRssBytes: process.resourceUsage().maxRSS * 1024,
    startupCpuMs: (cpu.user + cpu.system) / 1000,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
