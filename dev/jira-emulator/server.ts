// The emulator's HTTP server (node:http, no framework): identifies the caller, applies
// fault knobs, routes, and renders JiraError as Jira's ErrorCollection body.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from './dataset';
import { FaultInjector, type FaultOptions } from './faults';
import { JiraError, errorBody, type EmulatorRequest, type EmulatorResponse } from './http';
import { EmulatorModel, type Caller } from './model';
import { routes } from './routes';

export interface StartOptions {
  dataset: Dataset;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultOptions;
  /** The emulator's clock, for relative JQL dates such as -30d. */
  now?: () => number;
}

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
  setFaults(faults: FaultOptions): void;
  /** Requests received since start, faulted ones included. */
  requestCount(): number;
  /** The same, per path (query strings left out). */
  requestsByPath(): Record<string, number>;
  dataset: Dataset;
}

/** Header a test or the local host sets to act as a Jira user instead of the app. */
export const ACCOUNT_HEADER = 'x-emulator-account-id';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function identify(model: EmulatorModel, req: IncomingMessage): Caller {
  const header = req.headers[ACCOUNT_HEADER];
  const accountId = Array.isArray(header) ? header[0] : header;
  if (accountId === undefined || accountId === '') return { kind: 'app' };
  const user = model.usersById.get(accountId);
  if (!user || !user.active) throw new JiraError(401, ['Client must be authenticated to access this resource.']);
  return { kind: 'user', user };
}

/** The status, headers and body text of an answer, rendered before it is sent. */
interface RenderedResponse {
  status: number;
  headers: Record<string, string>;
  text: string | undefined;
}

function render(response: EmulatorResponse): RenderedResponse {
  const headers: Record<string, string> = { ...response.headers };
  if (response.json === undefined && response.body === undefined) return { status: response.status, headers, text: undefined };
  headers['content-type'] = 'application/json;charset=UTF-8';
  return { status: response.status, headers, text: response.json ?? JSON.stringify(response.body) };
}

function write(res: ServerResponse, rendered: RenderedResponse): void {
  res.writeHead(rendered.status, rendered.headers);
  if (rendered.text === undefined) res.end();
  else res.end(rendered.text);
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  write(res, render(response));
}

function route(request: EmulatorRequest): EmulatorResponse {
  if (request.path === '/rest/api/3/search' || request.path === '/rest/api/2/search') {
    throw new JiraError(410, ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.']);
  }
  let methodMismatch = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (!match) continue;
    if (candidate.method !== request.method) {
      methodMismatch = true;
      continue;
    }
    return candidate.handler(
      request,
      match.slice(1).map((p) => decodeURIComponent(p)),
    );
  }
  if (methodMismatch) throw new JiraError(405, [`Method ${request.method} is not allowed for ${request.path}.`]);
  throw new JiraError(404, [`No Jira emulator route for ${request.method} ${request.path}.`]);
}

export async function startJiraEmulator(options: StartOptions): Promise<RunningEmulator> {
  const model = new EmulatorModel(options.dataset);
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const now = options.now ?? (() => Date.now());
  let count = 0;
  const byPath = new Map<string, number>();
  let baseUrl = '';

  const server = createServer((req, res) => {
    count += 1;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    byPath.set(path, (byPath.get(path) ?? 0) + 1);
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { errorMessages: [String(error)], errors: {} } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const arrived = Date.now();
    const text = await readBody(req);
    const latency = faults.latencyMs;
    // The latency is Jira's whole response time: a faulted answer comes after it, and an
    // answer's own work runs inside it (as a real Jira serves requests side by side), so a
    // large response is not late by its rendering time on top of the latency.
    const waitOutLatency = async (): Promise<void> => {
      const left = latency - (Date.now() - arrived);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    };
    const fault = faults.decide(url.pathname);
    if (fault.kind !== 'none') await waitOutLatency();
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'rateLimit') {
      send(res, {
        status: 429,
        headers: {
          'retry-after': String(fault.retryAfterSeconds),
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '0',
          'ratelimit-reason': 'jira-burst-based',
        },
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
      });
      return;
    }
    if (fault.kind === 'serverError') {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      send(res, { status: fault.status, headers, body: { errorMessages: ['Service unavailable (injected fault).'], errors: {} } });
      return;
    }
    let rendered: RenderedResponse;
    try {
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          throw new JiraError(400, ['Unexpected character in the request body: it is not valid JSON.']);
        }
      }
      const request: EmulatorRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body,
        caller: identify(model, req),
        model,
        baseUrl,
        now: now(),
      };
      rendered = render(route(request));
    } catch (error) {
      if (error instanceof JiraError) rendered = render({ status: error.status, body: errorBody(error) });
      else throw error;
    }
    await waitOutLatency();
    write(res, rendered);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    url: baseUrl,
    dataset: options.dataset,
    setFaults: (f) => faults.set(f),
    requestCount: () => count,
    requestsByPath: () => Object.fromEntries(byPath),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
