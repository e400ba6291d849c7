// The ports the services depend on. Forge adapters (src/platform/forge) and the local
// host (dev/host) each provide one implementation; domain code sees only these shapes.

/** Wall clock in epoch milliseconds; injected so tests and the local host control time. */
export interface Clock {
  now(): number;
}

/** The real clock: the only reader of Date.now() (adapters and the local host pass it in). */
export const systemClock: Clock = { now: () => Date.now() };

/** Encrypted per-installation secrets (Forge: @forge/kvs secrets; local host: a file). */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface JiraHttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface JiraHttpInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: string;
  headers?: Record<string, string>;
}

/**
 * Jira Cloud REST as the app (Forge: api.asApp().requestJira). `path` starts with
 * `/rest/`; callers encode every value they put into it.
 */
export interface JiraHttp {
  fetch(path: string, init?: JiraHttpInit): Promise<JiraHttpResponse>;
}

/**
 * Runs export jobs later, outside the request (Forge: an @forge/events Queue whose
 * consumer calls the export-job handler; local host: the same handler, in process).
 */
export interface ExportQueue {
  push(exportId: string, delaySeconds?: number): Promise<void>;
}
