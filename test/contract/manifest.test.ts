// manifest.yml passes Forge's offline validation and client-side linters with no errors
// and no warnings; and the same checks do catch a broken manifest (so a green run means
// something).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { EXPORT_QUEUE_KEY, HYGIENE_SWEEP_TRIGGER_KEY, REST_WEBTRIGGER_KEY } from '../../src/kernel/manifest-keys';
import * as handlers from '../../src/index';
import { runForgeChecks } from '../support/forge-lint';

const appDir = join(__dirname, '..', '..');

// The parts of manifest.yml these tests read; passthrough keeps the rest for rewriting.
const functionSchema = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() }).passthrough();
const manifestSchema = z
  .object({
    modules: z
      .object({
        function: z.array(functionSchema),
        webtrigger: z.array(z.object({ key: z.string(), function: z.string(), response: z.unknown() })),
        consumer: z.array(z.object({ key: z.string(), queue: z.string(), function: z.string() })).default([]),
        scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string() })).default([]),
      })
      .passthrough(),
    permissions: z.object({ scopes: z.array(z.string()) }).passthrough(),
    app: z.object({ runtime: z.object({ name: z.string() }) }).passthrough(),
  })
  .passthrough();
const readManifest = (dir: string) => manifestSchema.parse(parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')));

function copyOfApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-clock-manifest-'));
  for (const entry of ['manifest.yml', 'src', 'static/dist', 'tsconfig.json', 'package.json']) {
    cpSync(join(appDir, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

describe('manifest.yml', () => {
  it('has no errors and no warnings from @forge/manifest validate() and @forge/lint', async () => {
    expect(await runForgeChecks(appDir)).toEqual([]);
  });

  it('names the modules, scopes and runtime the app relies on', () => {
    const manifest = readManifest(appDir);
    expect(Object.keys(manifest.modules)).toEqual(expect.arrayContaining(['jira:globalPage', 'jira:adminPage', 'webtrigger', 'sql', 'function']));
    expect(manifest.modules.webtrigger[0]?.response).toEqual({ type: 'dynamic' });
    expect(manifest.permissions.scopes).toEqual(['read:jira-work', 'read:jira-user', 'storage:app']);
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('declares the web trigger and export queue consumer the code refers to by key', () => {
    const manifest = readManifest(appDir);
    const functions = manifest.modules.function;
    const functionOf = (key: string) => functions.find((f) => f.key === key);
    const exportedHandler = (handler: string): unknown => {
      const [file, name] = handler.split('.');
      expect(file).toBe('index');
      return (handlers as Record<string, unknown>)[name ?? ''];
    };

    const webtriggers = manifest.modules.webtrigger;
    const restApi = webtriggers.find((w) => w.key === REST_WEBTRIGGER_KEY);
    expect(restApi).toBeDefined();
    expect(typeof exportedHandler(functionOf(restApi!.function)!.handler)).toBe('function');

    const consumers = manifest.modules.consumer;
    const exportConsumers = consumers.filter((c) => c.queue === EXPORT_QUEUE_KEY);
    expect(exportConsumers).toHaveLength(1);
    const exportFunction = functionOf(exportConsumers[0]!.function);
    expect(exportFunction).toBeDefined();
    expect(exportFunction!.handler).toBe('index.exportJob');
    expect(typeof exportedHandler(exportFunction!.handler)).toBe('function');
    expect(exportFunction!.timeoutSeconds).toBe(900);

    // Issue 12: the hygiene sweep runs daily.
    const sweep = manifest.modules.scheduledTrigger.find((trigger) => trigger.key === HYGIENE_SWEEP_TRIGGER_KEY);
    expect(sweep?.interval).toBe('day');
    expect(functionOf(sweep!.function)?.handler).toBe('index.hygieneSweep');
    expect(typeof exportedHandler(functionOf(sweep!.function)!.handler)).toBe('function');
  });

  it('reports a web trigger function with timeoutSeconds (a known lint error)', async () => {
    const dir = copyOfApp();
    try {
      const manifest = readManifest(dir);
      const webtriggerFunction = manifest.modules.function.find((f) => f.key === 'webtrigger');
      if (!webtriggerFunction) throw new Error('manifest.yml has no webtrigger function');
      webtriggerFunction.timeoutSeconds = 120;
      writeFileSync(join(dir, 'manifest.yml'), stringify(manifest));
      const problems = await runForgeChecks(dir);
      expect(problems.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a handler that points at a missing file', async () => {
    const dir = copyOfApp();
    try {
      const text = readFileSync(join(dir, 'manifest.yml'), 'utf8').replace('handler: index.resolver', 'handler: missing.resolver');
      writeFileSync(join(dir, 'manifest.yml'), text);
      const problems = await runForgeChecks(dir);
      expect(problems.some((p) => p.level === 'error')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
