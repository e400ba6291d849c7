// The Forge adapters run the real SDK code (@forge/kvs secrets, @forge/api asApp()
// requestJira, @forge/events Queue.push) through a fake of the Forge runtime's
// `global.__forge_fetch__`: secrets in memory with Forge's KEY_NOT_FOUND answer, Jira
// requests forwarded to the emulator, queue pushes recorded and answered as each test says.
import { randomUUID } from 'node:crypto';
import { InternalServerError, PartialSuccessError } from '@forge/events';
import { forgeExportQueue, forgeSecrets, jiraAsApp } from '../../src/platform/forge/forge-ports';
import { createSigningKeys } from '../../src/tokens/signing-keys';
import { createJiraUserDirectory } from '../../src/jira/jira-user-directory';
import { DEMO_ACCOUNTS, demoDataset, startJiraEmulator, type RunningEmulator } from '../../dev/jira-emulator';

type ForgeFetch = (
  options: Record<string, unknown>,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Response>;
const forgeGlobal = globalThis as unknown as { __forge_fetch__?: ForgeFetch };

const json = (status: number, value: unknown): Response => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

// Where @forge/events posts a push; the runtime's proxy fills in the placeholders.
const QUEUE_PUSH_PATH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';
// What the events service answers a push it accepted (validatePushAPIResponse wants 201).
const queueAccepted = (): Response => new Response(null, { status: 201 });

describe('Forge adapters over the real SDKs', () => {
  let emulator: RunningEmulator;
  const secrets = new Map<string, string>();
  const calls: Array<{ type: unknown; provider: unknown; path: string }> = [];
  const pushes: Array<{ options: Record<string, unknown>; path: string; method?: string; headers?: Record<string, string>; body: Record<string, unknown> }> =
    [];
  let queueAnswer: () => Response = queueAccepted;

  beforeAll(async () => {
    emulator = await startJiraEmulator({ dataset: demoDataset(), port: 0 });
    forgeGlobal.__forge_fetch__ = async (options, path, init) => {
      calls.push({ type: options.type, provider: options.provider, path });
      if (options.type === 'kvs') {
        const body = JSON.parse(init.body ?? '{}') as { key: string; value?: string };
        if (path === '/api/v1/secret/set') {
          secrets.set(body.key, String(body.value));
          return new Response(null, { status: 204 });
        }
        if (path === '/api/v1/secret/get') {
          const value = secrets.get(body.key);
          return value === undefined ? json(404, { code: 'KEY_NOT_FOUND', message: 'not found' }) : json(200, { key: body.key, value });
        }
        return json(400, { code: 'BAD_REQUEST', message: `unexpected kvs path ${path}` });
      }
      if (options.type === 'fpp' && options.remote === 'stargate') {
        pushes.push({ options, path, method: init.method, headers: init.headers, body: JSON.parse(init.body ?? '{}') });
        return queueAnswer();
      }
      if (options.type === 'fpp' && options.provider === 'app') {
        return fetch(`${emulator.url}${path}`, { method: init.method, headers: init.headers, body: init.body });
      }
      throw new Error(`unexpected Forge call ${JSON.stringify(options)} ${path}`);
    };
  });
  beforeEach(() => {
    pushes.length = 0;
    queueAnswer = queueAccepted;
  });
  afterAll(async () => {
    delete forgeGlobal.__forge_fetch__;
    await emulator.close();
  });

  it('keeps the signing key in @forge/kvs secret storage and finds it again', async () => {
    expect(await forgeSecrets.get('absent')).toBeUndefined();
    const key = await createSigningKeys(forgeSecrets).current();
    expect(secrets.get(`jwt-signing-key-${key.kid}`)).toBe(key.secret.export().toString('base64url'));
    expect((await createSigningKeys(forgeSecrets).byId(key.kid))?.secret.export()).toEqual(key.secret.export());
    expect(calls.some((call) => call.type === 'kvs' && call.path === '/api/v1/secret/set')).toBe(true);
  });

  it('calls Jira as the app through api.asApp().requestJira', async () => {
    const directory = createJiraUserDirectory(jiraAsApp);
    const users = await directory.getUsers([DEMO_ACCOUNTS.alice, DEMO_ACCOUNTS.dave]);
    expect(users.get(DEMO_ACCOUNTS.alice)).toMatchObject({ displayName: 'Alice Admin', active: true });
    expect(users.get(DEMO_ACCOUNTS.dave)?.active).toBe(false);
    expect(await directory.isJiraAdmin(DEMO_ACCOUNTS.alice)).toBe(true);
    expect(await directory.isJiraAdmin(DEMO_ACCOUNTS.bob)).toBe(false);
    const jiraCalls = calls.filter((call) => call.type === 'fpp');
    expect(jiraCalls.length).toBeGreaterThan(0);
    expect(jiraCalls.every((call) => call.provider === 'app' && call.path.startsWith('/rest/api/3/'))).toBe(true);
  });

  it('pushes an export job as one @forge/events push to the export-jobs queue', async () => {
    const exportId = randomUUID();
    await forgeExportQueue.push(exportId);
    expect(pushes).toEqual([
      {
        options: expect.objectContaining({ type: 'fpp', provider: 'app', remote: 'stargate' }),
        path: QUEUE_PUSH_PATH,
        method: 'POST',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
        body: expect.objectContaining({ queueName: 'export-jobs', type: 'avi:forge:app:event', payload: [{ body: { exportId } }] }),
      },
    ]);
  });

  it('asks the queue for a delay when the export service gives one', async () => {
    const exportId = randomUUID();
    await forgeExportQueue.push(exportId, 60);
    expect(pushes).toEqual([
      expect.objectContaining({
        path: QUEUE_PUSH_PATH,
        body: expect.objectContaining({ queueName: 'export-jobs', payload: [{ body: { exportId }, delayInSeconds: 60 }] }),
      }),
    ]);
  });

  it('rejects when the events service refuses the push, so the job can be marked as not queued', async () => {
    queueAnswer = () => json(500, { message: 'queue unavailable' });
    await expect(forgeExportQueue.push(randomUUID())).rejects.toThrow(InternalServerError);
    // A 202 is the service accepting the request but failing its events: still a rejection.
    queueAnswer = () => json(202, { failedEvents: [{ index: '0', errorMessage: 'not stored' }] });
    await expect(forgeExportQueue.push(randomUUID())).rejects.toThrow(PartialSuccessError);
    expect(pushes).toHaveLength(2);
  });
});
