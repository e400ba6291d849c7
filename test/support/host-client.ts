// Calls the local host the way the bridge and REST clients do, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHost, type LocalHost, type LocalHostOptions } from '../../dev/host/local-host';
import type { ResolverResult } from '../../src/contract/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '../../src/contract/resolvers';

export const USER_PAGE = 'status-clock-user-page';
export const ADMIN_PAGE = 'status-clock-admin-page';

export interface TestHost {
  host: LocalHost;
  dataDir: string;
  invoke<K extends ResolverKey>(
    accountId: string,
    key: K,
    payload: PayloadOf<K> | Record<string, unknown>,
    moduleKey?: string,
  ): Promise<ResolverResult<ResultOf<K>>>;
  /** invoke, expecting success: returns data or throws with the error message. */
  call<K extends ResolverKey>(accountId: string, key: K, payload: PayloadOf<K> | Record<string, unknown>, moduleKey?: string): Promise<ResultOf<K>>;
  rest(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestHost(options: Partial<LocalHostOptions> = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-clock-host-'));
  const host = await startLocalHost({ port: 0, dataDir, ...options });
  const invoke: TestHost['invoke'] = async (accountId, key, payload, moduleKey = USER_PAGE) => {
    const response = await fetch(`${host.url}/__forge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: key, payload, accountId, moduleKey }),
    });
    if (response.status !== 200) throw new Error(`invoke ${key}: HTTP ${response.status} ${await response.text()}`);
    // The envelope's type is the resolver contract's; the host passes the resolver's answer through.
    return (await response.json()) as ResolverResult<ResultOf<typeof key>>;
  };
  return {
    host,
    dataDir,
    invoke,
    async call(accountId, key, payload, moduleKey) {
      const result = await invoke(accountId, key, payload, moduleKey);
      if (!result.ok) throw new Error(`${key} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    rest(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('authorization', `TISJWT ${token}`);
      return fetch(`${host.url}/webtrigger/rest-api${path}`, { ...rest, headers });
    },
    async close() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
