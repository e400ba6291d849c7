// The local host: the app's real handlers (src/index.ts, dispatched by manifest.yml) with
// a local composition (local-composition.ts), the Custom UI production bundles behind a
// host bridge (pages.ts), and the web trigger, on one HTTP server.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { AppServices } from '../../src/entry/composition/app-services';
import { installComposition } from '../../src/entry/composition/current-services';
import { systemClock, type Clock } from '../../src/kernel/ports';
import type { Db } from '../../src/storage/schema';
import { demoDataset, startJiraEmulator, type Dataset, type RunningEmulator } from '../jira-emulator';
import { createJiraOverHttp } from './jira-over-http';
import { composeLocalServices, LOCAL_INSTALLATION, type LocalServiceOptions } from './local-composition';
import { readManifestHandlers } from './manifest-handlers';
import { HttpError, sendIndexPage, sendStaticFile, type PageUser } from './pages';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;

export interface LocalHostOptions extends Pick<LocalServiceOptions, 'restRateLimit' | 'restSyncBudget' | 'exportSettings'> {
  port: number;
  dataDir: string;
  appDir?: string;
  /** The emulator's dataset; ignored when `realJira` or `jiraBaseUrl` is given. */
  dataset?: Dataset;
  /** A Jira emulator already running elsewhere (another process: the benches), called without auth. */
  jiraBaseUrl?: string;
  realJira?: { baseUrl: string; email: string; apiToken: string };
  clock?: Clock;
}

export type HostUser = PageUser;

export interface LocalHost {
  url: string;
  jiraUrl: string;
  emulator: RunningEmulator | undefined;
  services: AppServices;
  /** The SQLite database, for tests that look at what was stored. */
  db: Db;
  users(): Promise<HostUser[]>;
  /** Runs a scheduledTrigger's handler now, as its timer would (POST /__forge/scheduled/<key> does the same). */
  runScheduled(triggerKey: string): Promise<unknown>;
  close(): Promise<void>;
}

const invokeBody = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  accountId: z.string().min(1),
  moduleKey: z.string().min(1),
});

const requestJiraBody = z.object({
  accountId: z.string().min(1),
  path: z.string().startsWith('/rest/'),
  method: z.preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.enum(['GET', 'POST', 'PUT', 'DELETE'])).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const appDir = options.appDir ?? resolve(__dirname, '..', '..');
  mkdirSync(options.dataDir, { recursive: true });
  const manifest = readManifestHandlers(appDir);

  const external = options.realJira?.baseUrl ?? options.jiraBaseUrl;
  const emulator = external !== undefined ? undefined : await startJiraEmulator({ dataset: options.dataset ?? demoDataset(), port: 0 });
  const jiraUrl = external ?? emulator?.url ?? '';
  const jira = createJiraOverHttp(
    options.realJira
      ? { baseUrl: options.realJira.baseUrl, auth: { email: options.realJira.email, apiToken: options.realJira.apiToken } }
      : { baseUrl: jiraUrl },
  );
  let hostUrl = '';
  const restBaseUrl = (): string => `${hostUrl}/webtrigger/rest-api`;
  const local = await composeLocalServices(
    {
      dataDir: options.dataDir,
      jira,
      clock: options.clock ?? systemClock,
      restBaseUrl: async () => restBaseUrl(),
      ...(options.restRateLimit ? { restRateLimit: options.restRateLimit } : {}),
      ...(options.restSyncBudget ? { restSyncBudget: options.restSyncBudget } : {}),
      ...(options.exportSettings ? { exportSettings: options.exportSettings } : {}),
    },
    manifest,
  );
  const { services } = local;
  installComposition(async () => services);

  async function users(): Promise<HostUser[]> {
    const known = emulator
      ? emulator.dataset.users.map((user) => user.accountId)
      : [z.object({ accountId: z.string() }).parse(JSON.parse(await (await jira.fetch('/rest/api/3/myself')).text())).accountId];
    const directory = await local.users.getUsers(known);
    return Promise.all(
      known.flatMap((accountId) => {
        const user = directory.get(accountId);
        if (!user) return [];
        return [local.users.isJiraAdmin(accountId).then((isAdmin) => ({ ...user, isAdmin }))];
      }),
    );
  }

  async function runScheduled(triggerKey: string): Promise<unknown> {
    const trigger = manifest.scheduled.get(triggerKey);
    if (!trigger) throw new HttpError(404, `no scheduled trigger ${triggerKey} in manifest.yml`);
    return (trigger.handler as unknown as (event: unknown, context: unknown) => Promise<unknown>)(
      { context: { cloudId: 'local' } },
      { installContext: LOCAL_INSTALLATION },
    );
  }
  // Each scheduled trigger on a timer at its manifest interval, as Forge would run it.
  const timers = [...manifest.scheduled.keys()].map((key) =>
    setInterval(
      () => void runScheduled(key).catch((error: unknown) => console.error('scheduled trigger failed', key, error instanceof Error ? error.name : error)),
      manifest.scheduled.get(key)?.intervalMs,
    ).unref(),
  );

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = invokeBody.safeParse(JSON.parse((await readBody(req)) || '{}'));
    if (!body.success) throw new HttpError(400, 'POST /__forge/invoke takes { functionKey, payload, accountId, moduleKey }');
    const page = manifest.pages.find((candidate) => candidate.moduleKey === body.data.moduleKey);
    if (!page) throw new HttpError(404, `no page module ${body.data.moduleKey} in manifest.yml`);
    const { functionKey, payload, accountId, moduleKey } = body.data;
    const result = await (page.resolver as unknown as (call: unknown, runtime: unknown) => Promise<unknown>)(
      { call: { functionKey, payload }, context: { moduleKey, cloudId: 'local', extension: { type: page.kind } } },
      { principal: { accountId }, installContext: LOCAL_INSTALLATION },
    );
    sendJson(res, 200, result);
  }

  // requestJira from a page: forwarded to Jira as that user (the emulator's account header).
  async function requestJira(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = requestJiraBody.safeParse(JSON.parse((await readBody(req)) || '{}'));
    if (!body.success) throw new HttpError(400, 'POST /__forge/request-jira takes { accountId, path, method, headers, body }');
    if (!emulator) throw new HttpError(501, 'requestJira is only available with the Jira emulator');
    const { accountId, path, method, headers, body: requestBody } = body.data;
    const asUser = createJiraOverHttp({ baseUrl: jiraUrl, headers: { 'x-emulator-account-id': accountId } });
    const response = await asUser.fetch(path, { method, headers, ...(requestBody !== undefined && method !== 'GET' ? { body: requestBody } : {}) });
    const contentType = response.headers.get('content-type');
    sendJson(res, 200, { status: response.status, statusText: '', headers: contentType ? { 'content-type': contentType } : {}, body: await response.text() });
  }

  async function webTrigger(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , moduleKey = '', ...rest] = url.pathname.split('/');
    const handler = manifest.webTriggers.get(moduleKey);
    if (!handler) throw new HttpError(404, `no web trigger module ${moduleKey} in manifest.yml`);
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
    }
    // As an edge proxy does: append the address the socket saw to whatever the client sent.
    const sent = headers['x-forwarded-for']?.join(', ');
    const seen = req.socket.remoteAddress ?? '127.0.0.1';
    headers['x-forwarded-for'] = [sent ? `${sent}, ${seen}` : seen];
    // A null-prototype record: names such as __proto__ or constructor are plain own keys, as
    // in the JSON the web trigger receives, not Object.prototype's members.
    const queryParameters: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
    for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
    const event = {
      method: req.method ?? 'GET',
      path: url.pathname,
      userPath: `/${rest.join('/')}`,
      headers,
      queryParameters,
      body: await readBody(req),
    };
    const response = z
      .object({ statusCode: z.number(), headers: z.record(z.string(), z.array(z.string())).optional(), body: z.string().optional() })
      .parse(await (handler as unknown as (e: unknown, c: unknown) => Promise<unknown>)(event, { installContext: LOCAL_INSTALLATION }));
    const outHeaders: Record<string, string> = {};
    for (const [name, values] of Object.entries(response.headers ?? {})) outHeaders[name] = values.join(', ');
    // As Forge does: the body is a string and leaves as its UTF-8 text. A binary file (xlsx)
    // therefore reaches the client as the base64 text the app wrote (Content-Transfer-Encoding:
    // base64 says so), never as bytes the platform has no way to send.
    res.writeHead(response.statusCode, outHeaders);
    res.end(response.body ?? '');
  }

  // Request heads over 16 KB get the app's JSON error shape (431), not Node's empty answer.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (url.pathname === '/' && req.method === 'GET') return sendIndexPage(res, await users(), manifest.pages, restBaseUrl());
      if (url.pathname === '/__forge/users' && req.method === 'GET') return sendJson(res, 200, await users());
      if (url.pathname === '/__forge/invoke' && req.method === 'POST') return invoke(req, res);
      if (url.pathname === '/__forge/request-jira' && req.method === 'POST') return requestJira(req, res);
      const scheduled = /^\/__forge\/scheduled\/([^/]+)$/.exec(url.pathname);
      if (scheduled && req.method === 'POST') return sendJson(res, 200, (await runScheduled(decodeURIComponent(scheduled[1] ?? ''))) ?? null);
      if (url.pathname.startsWith('/webtrigger/')) return webTrigger(req, res, url);
      const staticMatch = /^\/static\/([^/]+)\/(.*)$/.exec(url.pathname);
      const page = staticMatch && manifest.pages.find((candidate) => candidate.resourceKey === staticMatch[1]);
      if (staticMatch && page && req.method === 'GET') {
        return sendStaticFile(res, page, decodeURIComponent(staticMatch[2] ?? ''), url.searchParams.get('accountId') ?? '', restBaseUrl());
      }
      throw new HttpError(404, `nothing at ${req.method} ${url.pathname}`);
    };
    route().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('local host error', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendJson(res, status, { error: error instanceof HttpError ? error.message : 'internal error' });
      else res.end();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      status,
      message: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
      messages: [tooLarge ? 'the request URL and headers must not exceed 16 KB' : 'the request could not be parsed'],
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, '127.0.0.1', () => listening());
  });
  hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: hostUrl,
    jiraUrl,
    emulator,
    services,
    db: local.db,
    users,
    runScheduled,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await new Promise<void>((closed) => server.close(() => closed()));
      server.closeAllConnections();
      await local.exportQueue.close();
      await emulator?.close();
      await local.db.destroy();
    },
  };
}
