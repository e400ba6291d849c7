// Finds, from manifest.yml, which exported handler of src/index.ts serves a page's
// resolver, a web trigger or a queue consumer: the local host dispatches exactly as Forge would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import * as handlers from '../../src/index';

const manifestSchema = z.object({
  modules: z.object({
    function: z.array(z.object({ key: z.string(), handler: z.string() })),
    webtrigger: z.array(z.object({ key: z.string(), function: z.string() })).default([]),
    consumer: z.array(z.object({ key: z.string(), queue: z.string(), function: z.string() })).default([]),
    scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) })).default([]),
    'jira:globalPage': z.array(z.object({ key: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }) })).default([]),
    'jira:adminPage': z.array(z.object({ key: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }) })).default([]),
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
});

type ExportedHandler = (...args: never[]) => unknown;

export interface PageModule {
  moduleKey: string;
  kind: 'jira:globalPage' | 'jira:adminPage';
  resourceKey: string;
  resourcePath: string;
  resolver: ExportedHandler;
}

export interface ManifestHandlers {
  pages: PageModule[];
  webTriggers: Map<string, ExportedHandler>;
  /** Consumer handlers by queue key. */
  consumers: Map<string, ExportedHandler>;
  /** Scheduled trigger handlers by trigger key, with their interval. */
  scheduled: Map<string, { handler: ExportedHandler; intervalMs: number }>;
}

const INTERVAL_MS = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export function readManifestHandlers(appDir: string): ManifestHandlers {
  const manifest = manifestSchema.parse(parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8')));
  const exported = handlers as unknown as Record<string, ExportedHandler>;
  const handlerOf = (functionKey: string): ExportedHandler => {
    const fn = manifest.modules.function.find((candidate) => candidate.key === functionKey);
    if (!fn) throw new Error(`manifest.yml names function ${functionKey}, which it does not define`);
    const [file, name] = fn.handler.split('.');
    const handler = name === undefined ? undefined : exported[name];
    if (file !== 'index' || !handler) throw new Error(`src/index.ts does not export ${fn.handler}`);
    return handler;
  };
  const pages: PageModule[] = (['jira:globalPage', 'jira:adminPage'] as const).flatMap((kind) =>
    manifest.modules[kind].map((page) => {
      const resource = manifest.resources.find((candidate) => candidate.key === page.resource);
      if (!resource) throw new Error(`manifest.yml has no resource ${page.resource}`);
      return { moduleKey: page.key, kind, resourceKey: resource.key, resourcePath: join(appDir, resource.path), resolver: handlerOf(page.resolver.function) };
    }),
  );
  const webTriggers = new Map(manifest.modules.webtrigger.map((trigger) => [trigger.key, handlerOf(trigger.function)]));
  const consumers = new Map(manifest.modules.consumer.map((consumer) => [consumer.queue, handlerOf(consumer.function)]));
  const scheduled = new Map(
    manifest.modules.scheduledTrigger.map((trigger) => [trigger.key, { handler: handlerOf(trigger.function), intervalMs: INTERVAL_MS[trigger.interval] }]),
  );
  return { pages, webTriggers, consumers, scheduled };
}
