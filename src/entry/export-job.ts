// The queue consumer of export jobs (manifest.yml: consumer export-consumer, function
// export-job, 900 s). Each event names one export; the export service does one
// invocation's worth of it and queues the rest. Nothing is thrown back to Forge: a failed
// step is recorded on the job, and a job left without a worker is re-queued when polled.
import { z } from 'zod';
import type { InvocationOutcome } from '../reporting/export-jobs/export-service';
import { currentServices } from './composition/current-services';

const exportEvent = z.object({ body: z.object({ exportId: z.string().uuid() }) });

export async function exportJobHandler(event: unknown): Promise<InvocationOutcome | undefined> {
  const parsed = exportEvent.safeParse(event);
  if (!parsed.success) {
    console.error('export event without an export id');
    return undefined;
  }
  try {
    const services = await currentServices();
    return await services.exports.runInvocation(parsed.data.body.exportId);
  } catch (error) {
    console.error('export invocation failed', error instanceof Error ? error.name : typeof error);
    return undefined;
  }
}
