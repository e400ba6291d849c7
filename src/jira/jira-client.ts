// Every Jira request of the data access goes through here: an adaptive in-flight limit
// (adaptive-limiter.ts: 8 at most, halved when Jira throttles), retries on 429 / 503 honouring Retry-After (and on other 5xx and dropped
// connections: every call we make is a read, so repeating it is safe), jittered
// exponential backoff, and a deadline so a web trigger answers inside Forge's 55 s.
import type { z } from 'zod';
import type { JiraHttp, JiraHttpResponse } from '../kernel/ports';
import { JiraAccessError } from '../kernel/errors';
import { errorFromResponse, readJson } from './jira-json';
import { systemRuntime, type JiraRuntime } from './jira-runtime';
import { AdaptiveLimiter, DEFAULT_MAX_IN_FLIGHT, type RequestOutcome } from './adaptive-limiter';

export interface JiraClientOptions {
  /** Attempts per request, the first included. Default 5. */
  maxAttempts?: number;
  /** Most requests in flight at once (the adaptive limit's ceiling). Default 8. */
  maxConcurrency?: number;
  /** Shares one in-flight limit between clients (a report's stages); default: a limiter of its own. */
  limiter?: AdaptiveLimiter;
  /** Once aborted, no request starts (those waiting for a slot fail at once). */
  signal?: AbortSignal;
  /** First backoff step when Jira gives no Retry-After. Default 500 ms. */
  baseDelayMs?: number;
  /** Longest single wait, Retry-After included. Default 20 s. */
  maxDelayMs?: number;
  /** Epoch ms after which no request starts and no wait begins. Default: none. */
  deadline?: number;
  runtime?: JiraRuntime;
}

/** Lower starts first when requests wait for a slot: the critical path goes first. */
export const PRIORITY = { search: 0, permissions: 1, changelog: 2, fields: 3 } as const;

export interface JiraClient {
  get<S extends z.ZodType>(path: string, schema: S, what: string, priority?: number): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, what: string, priority?: number): Promise<z.infer<S>>;
  /** The raw answer after retries, for callers that treat some 4xx as data. */
  send(path: string, init: { method: 'GET' | 'POST'; body?: unknown }, what: string, priority?: number): Promise<JiraHttpResponse>;
  /** Requests sent so far (retries included): the bench's figure. */
  requestCount(): number;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** Answers that mean "send less": the limit halves on them. */
const THROTTLED = new Set([429, 503]);

const outcomeOf = (response: JiraHttpResponse): RequestOutcome =>
  THROTTLED.has(response.status) ? 'throttled' : RETRYABLE.has(response.status) ? 'failed' : 'ok';

function retryAfterMs(response: JiraHttpResponse, now: number): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function createJiraClient(http: JiraHttp, options: JiraClientOptions = {}): JiraClient {
  const runtime = options.runtime ?? systemRuntime;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelay = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 20_000;
  const limiter = options.limiter ?? new AdaptiveLimiter(options.maxConcurrency ?? DEFAULT_MAX_IN_FLIGHT);
  let count = 0;

  const timeLeft = (): number => (options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - runtime.now());

  function budgetExceeded(what: string, cause?: unknown): JiraAccessError {
    return new JiraAccessError('JIRA_TIME_BUDGET_EXCEEDED', `The time budget ran out while waiting for Jira (${what}); try a smaller page or selection`, {
      cause,
    });
  }

  /** One attempt, abandoned (not cancelled: JiraHttp has no abort) when the budget runs out. */
  async function attempt(
    path: string,
    init: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
    what: string,
  ): Promise<JiraHttpResponse> {
    if (options.signal?.aborted) throw new JiraAccessError('JIRA_TIME_BUDGET_EXCEEDED', `The report stopped reading before ${what}`);
    const left = timeLeft();
    if (left <= 0) throw budgetExceeded(what);
    count += 1;
    const request = http.fetch(path, init);
    if (!Number.isFinite(left)) return request;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(budgetExceeded(what)), left);
      timer.unref?.();
    });
    try {
      return await Promise.race([request, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(path: string, init: { method: 'GET' | 'POST'; body?: unknown }, what: string, priority = 0): Promise<JiraHttpResponse> {
    const wire: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = { method: init.method };
    if (init.body !== undefined) {
      wire.body = JSON.stringify(init.body);
      wire.headers = { 'content-type': 'application/json' };
    }
    let lastProblem: { code: 'JIRA_RATE_LIMITED' | 'JIRA_UNAVAILABLE'; message: string; cause?: unknown; response?: JiraHttpResponse } | undefined;
    for (let attemptNo = 0; attemptNo < maxAttempts; attemptNo += 1) {
      let waitHint: number | undefined;
      try {
        const response = await limiter.run(priority, () => attempt(path, wire, what), outcomeOf);
        if (!RETRYABLE.has(response.status)) return response;
        waitHint = retryAfterMs(response, runtime.now());
        lastProblem = {
          code: response.status === 429 ? 'JIRA_RATE_LIMITED' : 'JIRA_UNAVAILABLE',
          message: response.status === 429 ? `Jira kept rate-limiting ${what}` : `Jira kept failing ${what} (HTTP ${response.status})`,
          response,
        };
      } catch (error) {
        if (error instanceof JiraAccessError) throw error;
        lastProblem = { code: 'JIRA_UNAVAILABLE', message: `Jira could not be reached for ${what}`, cause: error };
      }
      if (attemptNo === maxAttempts - 1) break;
      // Equal jitter: half the step fixed, half random, so parallel callers spread out.
      const step = Math.min(maxDelay, baseDelay * 2 ** attemptNo);
      const backoff = step / 2 + (runtime.random() * step) / 2;
      const wait = Math.min(maxDelay, waitHint === undefined ? backoff : waitHint + runtime.random() * baseDelay);
      if (wait >= timeLeft()) throw budgetExceeded(what, lastProblem.cause);
      await runtime.sleep(wait);
    }
    if (lastProblem?.response) {
      const error = await errorFromResponse(lastProblem.response, what);
      throw new JiraAccessError(lastProblem.code, `${lastProblem.message} after ${maxAttempts} attempts`, {
        status: lastProblem.response.status,
        jiraMessages: error.jiraMessages,
      });
    }
    throw new JiraAccessError('JIRA_UNAVAILABLE', `${lastProblem?.message ?? `Jira failed ${what}`} after ${maxAttempts} attempts`, {
      cause: lastProblem?.cause,
    });
  }

  return {
    send,
    async get(path, schema, what, priority) {
      return readJson(await send(path, { method: 'GET' }, what, priority), schema, what);
    },
    async post(path, body, schema, what, priority) {
      return readJson(await send(path, { method: 'POST', body }, what, priority), schema, what);
    },
    requestCount: () => count,
  };
}
