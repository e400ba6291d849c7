// The local host's async events: a push becomes a timer that calls the queue's consumer
// handler (found through manifest.yml, like Forge does) with an event of Forge's shape.
// The same export-job code runs here and on Forge; only the transport differs.
import { randomUUID } from 'node:crypto';
import type { ExportQueue } from '../../src/kernel/ports';

type Consumer = (event: unknown, context: unknown) => Promise<unknown>;

export interface InProcessQueue extends ExportQueue {
  /** Stops new deliveries and waits for the running ones (before the database closes). */
  close(): Promise<void>;
}

export function createInProcessQueue(queueName: string, consumer: Consumer, installContext: string): InProcessQueue {
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let closed = false;

  function deliver(exportId: string): void {
    const event = { queueName, jobId: randomUUID(), eventId: randomUUID(), body: { exportId } };
    const invocation: Promise<unknown> = consumer(event, { installContext })
      .catch((error: unknown) => console.error('local queue consumer failed', error instanceof Error ? error.name : typeof error))
      .finally(() => running.delete(invocation));
    running.add(invocation);
  }

  return {
    async push(exportId, delaySeconds = 0) {
      if (closed) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!closed) deliver(exportId);
      }, delaySeconds * 1000);
      timers.add(timer);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
