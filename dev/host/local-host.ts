// The local host: the app's real handlers (src/index.ts, dispatched by manifest.yml) with
// a local composition (SQLite file, file secrets, the Jira emulator or a real Jira site),
// the Custom UI production bundles behind a host bridge, and the web trigger.
import { mkdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { createAppServices, type AppServices } from '../../src/entry/composition/app-services';
import type { Clock } from '../../src/kernel/ports';
import type { RateLimit } from '../../src/rest/rest-guard';
import type { SyncBudget } from '../../src/reporting/report-service';
import type { ExportSettings } from '../../src/reporting/export-jobs/export-service';
import { EXPORT_QUEUE_KEY } from '../../src/kernel/manifest-keys';
import { createInProcessQueue } from './in-process-queue';
import { installComposition } from '../../src/entry/composition/current-services';
import { demoDataset, startJiraEmulator, type Dataset, type RunningEmulator } from '../jira-emulator';
import { bridgeScript } from './bridge-script';
import { createFileSecrets } from './file-secrets';
import { createJiraOverHttp } from './jira-over-http';
import { readManifestHandlers, type PageModule } from './manifest-handlers';
import { openSqliteDatabase } from './sqlite-database';

export const LOCAL_INSTALLATION = 'ari:cloud:jira::site/local';
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface LocalHostOptions {
  port: number;
  dataDir: string;
  appDir?: string;
  /** The emulator's dataset; ignored when `realJira` is given. */
  dataset?: Dataset;
  realJira?: { baseUrl: string; email: string; apiToken: string };
  clock?: Clock;
  /** Per-token REST request rate (tests lower it). */
  restRateLimit?: RateLimit;
  /** Synchronous REST time budget (tests shorten it). */
  restSyncBudget?: SyncBudget;
  /** Export job budgets and limits (tests shrink them to force several invocations). */
  exportSettings?: Partial<ExportSettings>;
}

export interface HostUser {
  accountId: string;
  displayName: string;
  isAdmin: boolean;
  active: boolean;
}

export interface LocalHost {
  url: string;
  jiraUrl: string;
  emulator: RunningEmulator | undefined;
  services: AppServices;
  users(): Promise<HostUser[]>;
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

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const appDir = options.appDir ?? resolve(__dirname, '..', '..');
  mkdirSync(options.dataDir, { recursive: true });
  const manifest = readManifestHandlers(appDir);

  const emulator = options.realJira ? undefined : await startJiraEmulator({ dataset: options.dataset ?? demoDataset(), port: 0 });
  const jiraUrl = options.realJira?.baseUrl ?? emulator?.url ?? '';
  const jira = createJiraOverHttp(
    options.realJira
      ? { baseUrl: options.realJira.baseUrl, auth: { email: options.realJira.email, apiToken: options.realJira.apiToken } }
      : { baseUrl: jiraUrl },
  );
  const db = await openSqliteDatabase(join(options.dataDir, 'status-clock.sqlite'));
  let hostUrl = '';
  const consumer = manifest.consumers.get(EXPORT_QUEUE_KEY);
  if (!consumer) throw new Error(`manifest.yml has no consumer for the queue ${EXPORT_QUEUE_KEY}`);
  const exportQueue = createInProcessQueue(EXPORT_QUEUE_KEY, consumer as unknown as (event: unknown, context: unknown) => Promise<unknown>, LOCAL_INSTALLATION);
  const services = createAppServices({
    db,
    secrets: createFileSecrets(join(options.dataDir, 'secrets.json')),
    jira,
    clock: options.clock ?? { now: () => Date.now() },
    restBaseUrl: async () => `${hostUrl}/webtrigger/rest-api`,
    exportQueue,
  }, {
    ...(options.restRateLimit ? { restRateLimit: options.restRateLimit } : {}),
    ...(options.restSyncBudget ? { restSyncBudget: options.restSyncBudget } : {}),
    ...(options.exportSettings ? { exportSettings: options.exportSettings } : {}),
  });
  installComposition(async () => services);

  async function users(): Promise<HostUser[]> {
    const known = emulator
      ? emulator.dataset.users.map((user) => user.accountId)
      : [z.object({ accountId: z.string() }).parse(JSON.parse(await (await jira.fetch('/rest/api/3/myself')).text())).accountId];
    const directory = await services.users.getUsers(known);
    return Promise.all(
      known.flatMap((accountId) => {
        const user = directory.get(accountId);
        if (!user) return [];
        return [services.users.isJiraAdmin(accountId).then((isAdmin) => ({ ...user, isAdmin }))];
      }),
    );
  }

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
    headers['x-forwarded-for'] ??= [req.socket.remoteAddress ?? '127.0.0.1'];
    const queryParameters: Record<string, string[]> = {};
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
    res.writeHead(response.statusCode, outHeaders);
    res.end(response.body ?? '');
  }

  function staticFile(res: ServerResponse, page: PageModule, relativePath: string, url: URL): void {
    const root = resolve(page.resourcePath);
    const file = normalize(join(root, relativePath || 'index.html'));
    if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, 'not found');
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new HttpError(404, existsSync(root) ? 'not found' : `${page.resourcePath} is missing: run npm run build`);
    }
    if (extname(file) === '.html') {
      const accountId = url.searchParams.get('accountId') ?? '';
      const script = bridgeScript({ accountId, moduleKey: page.moduleKey, restBaseUrl: `${hostUrl}/webtrigger/rest-api` });
      const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head><script>${script}</script>`);
      res.writeHead(200, { 'content-type': contentTypes['.html'] ?? 'text/html' });
      res.end(html);
      return;
    }
    res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  }

  async function indexPage(res: ServerResponse): Promise<void> {
    const rows = (await users())
      .map((user) => {
        const links = manifest.pages
          .map((page) => `<a href="/static/${page.resourceKey}/index.html?accountId=${encodeURIComponent(user.accountId)}">${page.kind === 'jira:adminPage' ? 'Admin page' : 'User page'}</a>`)
          .join(' · ');
        return `<li><strong>${escapeHtml(user.displayName)}</strong> ${user.isAdmin ? '(Jira admin)' : ''} ${user.active ? '' : '(deactivated)'} — ${links}</li>`;
      })
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Status Clock local host</title></head>
<body style="font:14px system-ui;margin:32px"><h1>Status Clock: local host</h1>
<p>Open a page as one of the demo users. REST API base URL: <code>${escapeHtml(hostUrl)}/webtrigger/rest-api</code></p>
<ul>${rows}</ul></body></html>`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (url.pathname === '/' && req.method === 'GET') return indexPage(res);
      if (url.pathname === '/__forge/users' && req.method === 'GET') return sendJson(res, 200, await users());
      if (url.pathname === '/__forge/invoke' && req.method === 'POST') return invoke(req, res);
      if (url.pathname === '/__forge/request-jira' && req.method === 'POST') return requestJira(req, res);
      if (url.pathname.startsWith('/webtrigger/')) return webTrigger(req, res, url);
      const staticMatch = /^\/static\/([^/]+)\/(.*)$/.exec(url.pathname);
      const page = staticMatch && manifest.pages.find((candidate) => candidate.resourceKey === staticMatch[1]);
      if (staticMatch && page && req.method === 'GET') return staticFile(res, page, decodeURIComponent(staticMatch[2] ?? ''), url);
      throw new HttpError(404, `nothing at ${req.method} ${url.pathname}`);
    };
    route().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('local host error', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendJson(res, status, { error: error instanceof HttpError ? error.message : 'internal error' });
      else res.end();
    });
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
    users,
    async close() {
      await new Promise<void>((closed) => server.close(() => closed()));
      server.closeAllConnections();
      await exportQueue.close();
      await emulator?.close();
      await db.destroy();
    },
  };
}
